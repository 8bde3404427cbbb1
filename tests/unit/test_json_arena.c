/* test_json_arena.c: cJSON's allocations from the per-thread arena between
 * begin and end (json_arena.h): trees parse and print the same, a tree made
 * outside it is malloc'd and freed as usual, nesting resets only at the
 * outermost end, and two threads parse at once with their own arenas. */
#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "../../src/ingest/json/json_arena.h"

static const char DOC[] = "{\"id\":\"/subscriptions/x/providers/a\",\"properties\":{\"status\":{\"code\":\"Healthy\"},"
                          "\"list\":[1,2,3,\"four\",{\"five\":5}]}}";

/* Parses and prints DOC n times inside the arena; the count that matched. */
static int parse_many(int n)
{
	int i, ok = 0;

	for (i = 0; i < n; i++) {
		cJSON *root;
		char *text;

		pst_jarena_begin();
		root = cJSON_Parse(DOC);
		text = root ? cJSON_PrintUnformatted(root) : NULL;
		ok += text && strcmp(text, DOC) == 0;
		cJSON_free(text);
		cJSON_Delete(root);
		pst_jarena_end();
	}
	return ok;
}

static void *thread_main(void *arg)
{
	int *ok = arg;

	*ok = parse_many(20000);
	pst_jarena_release();
	return NULL;
}

static void test_arena(void)
{
	cJSON *outside, *inner;
	char *text;

	CHECK_INT(parse_many(1000), 1000);
	pst_jarena_hooks();
	outside = cJSON_Parse(DOC); /* malloc'd: lives across arena resets */
	pst_jarena_begin();
	pst_jarena_begin();
	inner = cJSON_Parse("[1,2,3]");
	pst_jarena_end(); /* nested: no reset yet */
	text = cJSON_PrintUnformatted(inner);
	CHECK_STR(text, "[1,2,3]");
	cJSON_free(text);
	cJSON_Delete(inner);
	pst_jarena_end();
	CHECK_INT(parse_many(10), 10);
	text = cJSON_PrintUnformatted(outside);
	CHECK_STR(text, DOC);
	free(text); /* outside the arena: plain malloc */
	cJSON_Delete(outside);
	pst_jarena_release();
}

static void test_threads(void)
{
	pthread_t t[2];
	int ok[2] = {0, 0}, i;

	for (i = 0; i < 2; i++)
		CHECK_INT(pthread_create(&t[i], NULL, thread_main, &ok[i]), 0);
	for (i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	CHECK_INT(ok[0], 20000);
	CHECK_INT(ok[1], 20000);
}

int main(void)
{
	RUN(test_arena);
	RUN(test_threads);
	return check_summary();
}
