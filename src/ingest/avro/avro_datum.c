/* avro_datum.c: a bounds-checked walk over one Avro binary datum. */
#include "avro_datum.h"

#include "avro_ocf.h"

static bool skip(avro_schema_t s, const unsigned char **p, const unsigned char *end, int depth);

static bool skip_n(const unsigned char **p, const unsigned char *end, int64_t n)
{
	if (n < 0 || n > end - *p)
		return false;
	*p += n;
	return true;
}

static bool skip_len(const unsigned char **p, const unsigned char *end)
{
	int64_t n;

	return pst_avro_get_long(p, end, &n) && skip_n(p, end, n);
}

/* An index in [0, n): enum symbols, union branches. */
static bool get_index(const unsigned char **p, const unsigned char *end, int64_t n, int64_t *out)
{
	return pst_avro_get_long(p, end, out) && *out >= 0 && *out < n;
}

static bool skip_int(const unsigned char **p, const unsigned char *end, bool is32)
{
	int64_t v;

	return pst_avro_get_long(p, end, &v) && (!is32 || (v >= INT32_MIN && v <= INT32_MAX));
}

/* Arrays and maps: blocks of items (a negative count is followed by the
 * block's byte size), ended by a zero count.  A count larger than the bytes
 * left is refused, so the walk always advances. */
static bool skip_blocks(avro_schema_t item, bool map, const unsigned char **p, const unsigned char *end, int depth)
{
	int64_t count, size;

	for (;;) {
		if (!pst_avro_get_long(p, end, &count))
			return false;
		if (count == 0)
			return true;
		if (count < 0) {
			if (count == INT64_MIN || !pst_avro_get_long(p, end, &size) || size < 0 || size > end - *p)
				return false;
			count = -count;
		}
		if (count > end - *p)
			return false;
		while (count--) {
			if ((map && !skip_len(p, end)) || !skip(item, p, end, depth + 1))
				return false;
		}
	}
}

static bool skip_record(avro_schema_t s, const unsigned char **p, const unsigned char *end, int depth)
{
	size_t i, n = avro_schema_record_size(s);

	for (i = 0; i < n; i++) {
		if (!skip(avro_schema_record_field_get_by_index(s, (int)i), p, end, depth + 1))
			return false;
	}
	return true;
}

static bool skip_union(avro_schema_t s, const unsigned char **p, const unsigned char *end, int depth)
{
	int64_t b;

	return get_index(p, end, (int64_t)avro_schema_union_size(s), &b) &&
	       skip(avro_schema_union_branch(s, (int)b), p, end, depth + 1);
}

static bool skip(avro_schema_t s, const unsigned char **p, const unsigned char *end, int depth)
{
	int64_t v;

	if (!s || depth > PST_AVRO_MAX_DEPTH)
		return false;
	switch (avro_typeof(s)) {
	case AVRO_NULL:
		return true;
	case AVRO_BOOLEAN:
		return skip_n(p, end, 1);
	case AVRO_INT32:
	case AVRO_INT64:
		return skip_int(p, end, avro_typeof(s) == AVRO_INT32);
	case AVRO_FLOAT:
		return skip_n(p, end, 4);
	case AVRO_DOUBLE:
		return skip_n(p, end, 8);
	case AVRO_STRING:
	case AVRO_BYTES:
		return skip_len(p, end);
	case AVRO_FIXED:
		return skip_n(p, end, avro_schema_fixed_size(s));
	case AVRO_ENUM:
		return get_index(p, end, avro_schema_enum_number_of_symbols(s), &v);
	case AVRO_ARRAY:
		return skip_blocks(avro_schema_array_items(s), false, p, end, depth);
	case AVRO_MAP:
		return skip_blocks(avro_schema_map_values(s), true, p, end, depth);
	case AVRO_UNION:
		return skip_union(s, p, end, depth);
	case AVRO_RECORD:
		return skip_record(s, p, end, depth);
	case AVRO_LINK:
		return skip(avro_schema_link_target(s), p, end, depth + 1);
	default:
		return false;
	}
}

bool pst_avro_skip(avro_schema_t s, const unsigned char **p, const unsigned char *end)
{
	return skip(s, p, end, 0);
}
