/* fuzz_json_tree.h: whether a pruned cJSON tree (src/ingest/json/json_fast.c)
 * is the full tree cJSON made of the same text less members: the same
 * keys, values (numbers to the bit), member order and list links.  Shared by
 * the fuzz target fuzz_json_fast.c and the unit test test_json_fast.c. */
#ifndef FUZZ_JSON_TREE_H
#define FUZZ_JSON_TREE_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <string.h>

/* The links cJSON makes: each prev the one before, the head's the last. */
static inline bool jtree_links_ok(const cJSON *head)
{
	const cJSON *e;

	if (!head)
		return true;
	for (e = head; e->next; e = e->next)
		if (e->next->prev != e)
			return false;
	return head->prev == e;
}

static inline bool jtree_same_key(const cJSON *a, const cJSON *b)
{
	return (!a->string && !b->string) || (a->string && b->string && strcmp(a->string, b->string) == 0);
}

static inline bool jtree_same(const cJSON *a, const cJSON *b)
{
	const cJSON *x, *y;

	if ((a->type & 0xFF) != (b->type & 0xFF))
		return false;
	if (cJSON_IsString(a))
		return strcmp(a->valuestring, b->valuestring) == 0;
	if (cJSON_IsNumber(a))
		return memcmp(&a->valuedouble, &b->valuedouble, sizeof(double)) == 0 && a->valueint == b->valueint;
	if (cJSON_IsBool(a))
		return a->valueint == b->valueint;
	if (!cJSON_IsArray(a) && !cJSON_IsObject(a))
		return true;
	if (!jtree_links_ok(a->child))
		return false;
	for (x = a->child, y = b->child; x && y; x = x->next, y = y->next)
		if (!jtree_same_key(x, y) || !jtree_same(x, y))
			return false;
	return !x && !y;
}

/* p is f less members, at any depth of objects: each member of p is the
 * next member of f with its key, and equal to it (or pruned of it). */
static inline bool jtree_pruned_of(const cJSON *p, const cJSON *f)
{
	const cJSON *x, *y = f->child;

	if (!cJSON_IsObject(p) || !cJSON_IsObject(f))
		return jtree_same(p, f);
	if (!jtree_links_ok(p->child))
		return false;
	for (x = p->child; x; x = x->next, y = y->next) {
		while (y && !jtree_same_key(x, y))
			y = y->next;
		if (!y || !jtree_pruned_of(x, y))
			return false;
	}
	return true;
}

#endif
