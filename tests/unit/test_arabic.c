/* test_arabic.c: contextual shaping of Arabic letters (arabic.h): the
 * isolated, initial, medial and final forms from the neighbours, letters
 * that join only to the right, lam-alef, marks passed over, and the
 * fallbacks when the font lacks a form. */
#include <stdint.h>
#include "check.h"
#include "posture/arabic.h"

/* UTF-8 of the code points cp[0..n). */
static const char *utf8(const uint32_t *cp, size_t n)
{
	static char buf[256];
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		uint32_t c = cp[i];

		if (c < 0x80) {
			buf[k++] = (char)c;
		} else if (c < 0x800) {
			buf[k++] = (char)(0xC0 | c >> 6);
			buf[k++] = (char)(0x80 | (c & 0x3F));
		} else {
			buf[k++] = (char)(0xE0 | c >> 12);
			buf[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
			buf[k++] = (char)(0x80 | (c & 0x3F));
		}
	}
	buf[k] = '\0';
	return buf;
}

#define U(...) utf8((const uint32_t[]){__VA_ARGS__}, sizeof((const uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t))

static uint32_t denied[4];

static bool font_has(void *ctx, uint32_t c)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < 4; i++)
		if (denied[i] == c)
			return false;
	return true;
}

/* s shaped (with the test font when lacking is set), as a string kept until the next call. */
static const char *shape(const char *s, bool lacking, bool *changed)
{
	static struct strbuf sb = STRBUF_INIT;
	bool c;

	strbuf_reset(&sb);
	c = pst_arabic_shape(&sb, s, strlen(s), lacking ? font_has : NULL, NULL);
	if (changed)
		*changed = c;
	return strbuf_cstr(&sb);
}

static void check_shape(const char *in, const char *want)
{
	char copy[256];

	snprintf(copy, sizeof(copy), "%s", want); /* U() reuses its buffer */
	CHECK_STR(shape(in, false, NULL), copy);
}

static void test_forms(void)
{
	char want[256];
	bool changed;

	/* salaam: seen initial, lam-alef final (after seen), meem isolated (after alef) */
	snprintf(want, sizeof(want), "%s", U(0xFEB3, 0xFEFC, 0xFEE1));
	CHECK_STR(shape(U(0x0633, 0x0644, 0x0627, 0x0645), false, &changed), want);
	CHECK(changed);
	/* Muhammad: meem initial, hah medial, meem medial, dal final */
	snprintf(want, sizeof(want), "%s", U(0xFEE3, 0xFEA4, 0xFEE4, 0xFEAA));
	check_shape(U(0x0645, 0x062D, 0x0645, 0x062F), want);
	/* dar: dal, alef, reh join only to the right: all isolated */
	snprintf(want, sizeof(want), "%s", U(0xFEA9, 0xFE8D, 0xFEAD));
	check_shape(U(0x062F, 0x0627, 0x0631), want);
	/* bayt: beh initial, yeh medial, teh final */
	snprintf(want, sizeof(want), "%s", U(0xFE91, 0xFEF4, 0xFE96));
	check_shape(U(0x0628, 0x064A, 0x062A), want);
	/* waw after a dual-joining letter is final, and the letter after waw starts again */
	snprintf(want, sizeof(want), "%s", U(0xFE91, 0xFEEE, 0xFE8F));
	check_shape(U(0x0628, 0x0648, 0x0628), want);
	/* hamza joins nothing */
	snprintf(want, sizeof(want), "%s", U(0xFE8F, 0xFE80, 0xFE8F));
	check_shape(U(0x0628, 0x0621, 0x0628), want);
	/* Latin, digits and spaces around: words shaped apart, the rest untouched */
	snprintf(want, sizeof(want), "%s", U('T', 'e', 'a', 'm', ' ', 0xFED3, 0xFEAE, 0xFEF3, 0xFED6, ' ', '7'));
	check_shape(U('T', 'e', 'a', 'm', ' ', 0x0641, 0x0631, 0x064A, 0x0642, ' ', '7'), want);
	/* a haraka (fatha) between letters does not break the join and is kept */
	snprintf(want, sizeof(want), "%s", U(0xFE91, 0x064E, 0xFE96));
	check_shape(U(0x0628, 0x064E, 0x062A), want);
	/* tatweel joins on both sides and stays itself */
	snprintf(want, sizeof(want), "%s", U(0xFE91, 0x0640, 0xFE90));
	check_shape(U(0x0628, 0x0640, 0x0628), want);
	/* lam-alef alone (isolated), with hamza above, and the Persian letters (gaf, farsi yeh) */
	snprintf(want, sizeof(want), "%s", U(0xFEFB, ' ', 0xFEF7));
	check_shape(U(0x0644, 0x0627, ' ', 0x0644, 0x0623), want);
	snprintf(want, sizeof(want), "%s", U(0xFB94, 0xFBFF, 0xFB93));
	check_shape(U(0x06AF, 0x06CC, 0x06AF), want);
	/* nothing to shape: copied, and said so */
	CHECK_STR(shape("plain text, \xD7\xA6\xD7\x95\xD7\x95\xD7\xAA", false, &changed), "plain text, \xD7\xA6\xD7\x95\xD7\x95\xD7\xAA");
	CHECK(!changed);
	CHECK(!pst_arabic_any("plain", 5));
	CHECK(pst_arabic_any(U('x', 0x0628), 3));
}

static void test_fallbacks(void)
{
	char want[256];

	/* the font lacks beh's initial form: the isolated form, and teh, which
	 * cannot join it, isolated too */
	denied[0] = 0xFE91;
	snprintf(want, sizeof(want), "%s", U(0xFE8F, 0xFE95));
	CHECK_STR(shape(U(0x0628, 0x062A), true, NULL), want);
	/* it lacks the ligature: lam initial and alef final */
	denied[0] = 0xFEFB;
	snprintf(want, sizeof(want), "%s", U(0xFEDF, 0xFE8E));
	CHECK_STR(shape(U(0x0644, 0x0627), true, NULL), want);
	/* it lacks every form of beh: the letter itself, never an empty box */
	denied[0] = 0xFE8F;
	denied[1] = 0xFE90;
	denied[2] = 0xFE91;
	denied[3] = 0xFE92;
	snprintf(want, sizeof(want), "%s", U(0x0628, 0xFE95));
	CHECK_STR(shape(U(0x0628, 0x062A), true, NULL), want);
	memset(denied, 0, sizeof(denied));
}

static void test_base(void)
{
	uint32_t b[2] = {0, 0};

	CHECK_INT(pst_arabic_base(0xFEFC, b), 2);
	CHECK_INT(b[0], 0x0644);
	CHECK_INT(b[1], 0x0627);
	CHECK_INT(pst_arabic_base(0xFEB3, b), 1);
	CHECK_INT(b[0], 0x0633);
	CHECK_INT(pst_arabic_base(0xFEAA, b), 1);
	CHECK_INT(b[0], 0x062F);
	CHECK_INT(pst_arabic_base(0xFBFF, b), 1);
	CHECK_INT(b[0], 0x06CC);
	CHECK_INT(pst_arabic_base('A', b), 0);
	CHECK_INT(pst_arabic_base(0xFE75, b), 0); /* not a form made here */
	CHECK(pst_arabic_drawable(0x0628));
	CHECK(pst_arabic_drawable(0x0663));
	CHECK(!pst_arabic_drawable(0x064E)); /* a haraka: not placed */
	CHECK(!pst_arabic_drawable(0x0679)); /* tteh (Urdu): no table */
}

int main(void)
{
	RUN(test_forms);
	RUN(test_fallbacks);
	RUN(test_base);
	return check_summary();
}
