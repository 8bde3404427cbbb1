/* arabic.c: contextual shaping of Arabic letters (arabic.h). */
#include "posture/arabic.h"

#include <string.h>

/* A letter and its forms; ini = med = 0 for a letter that joins only to the
 * right, fin = 0 too for one that does not join (hamza).  In code order. */
static const struct form {
	uint16_t base, iso, fin, ini, med;
} forms[] = {
	{0x0621, 0xFE80, 0, 0, 0},                /* hamza */
	{0x0622, 0xFE81, 0xFE82, 0, 0},           /* alef with madda above */
	{0x0623, 0xFE83, 0xFE84, 0, 0},           /* alef with hamza above */
	{0x0624, 0xFE85, 0xFE86, 0, 0},           /* waw with hamza above */
	{0x0625, 0xFE87, 0xFE88, 0, 0},           /* alef with hamza below */
	{0x0626, 0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, /* yeh with hamza above */
	{0x0627, 0xFE8D, 0xFE8E, 0, 0},           /* alef */
	{0x0628, 0xFE8F, 0xFE90, 0xFE91, 0xFE92}, /* beh */
	{0x0629, 0xFE93, 0xFE94, 0, 0},           /* teh marbuta */
	{0x062A, 0xFE95, 0xFE96, 0xFE97, 0xFE98}, /* teh */
	{0x062B, 0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, /* theh */
	{0x062C, 0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, /* jeem */
	{0x062D, 0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, /* hah */
	{0x062E, 0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, /* khah */
	{0x062F, 0xFEA9, 0xFEAA, 0, 0},           /* dal */
	{0x0630, 0xFEAB, 0xFEAC, 0, 0},           /* thal */
	{0x0631, 0xFEAD, 0xFEAE, 0, 0},           /* reh */
	{0x0632, 0xFEAF, 0xFEB0, 0, 0},           /* zain */
	{0x0633, 0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, /* seen */
	{0x0634, 0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8}, /* sheen */
	{0x0635, 0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, /* sad */
	{0x0636, 0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0}, /* dad */
	{0x0637, 0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, /* tah */
	{0x0638, 0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8}, /* zah */
	{0x0639, 0xFEC9, 0xFECA, 0xFECB, 0xFECC}, /* ain */
	{0x063A, 0xFECD, 0xFECE, 0xFECF, 0xFED0}, /* ghain */
	{0x0641, 0xFED1, 0xFED2, 0xFED3, 0xFED4}, /* feh */
	{0x0642, 0xFED5, 0xFED6, 0xFED7, 0xFED8}, /* qaf */
	{0x0643, 0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, /* kaf */
	{0x0644, 0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, /* lam */
	{0x0645, 0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, /* meem */
	{0x0646, 0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, /* noon */
	{0x0647, 0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, /* heh */
	{0x0648, 0xFEED, 0xFEEE, 0, 0},           /* waw */
	{0x0649, 0xFEEF, 0xFEF0, 0, 0},           /* alef maksura */
	{0x064A, 0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4}, /* yeh */
	{0x067E, 0xFB56, 0xFB57, 0xFB58, 0xFB59}, /* peh */
	{0x0686, 0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, /* tcheh */
	{0x0698, 0xFB8A, 0xFB8B, 0, 0},           /* jeh */
	{0x06A9, 0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, /* keheh */
	{0x06AF, 0xFB92, 0xFB93, 0xFB94, 0xFB95}, /* gaf */
	{0x06CC, 0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, /* farsi yeh */
};

#define NFORMS (sizeof(forms) / sizeof(forms[0]))
#define LAM 0x0644
#define TATWEEL 0x0640

/* Lam-alef: the alef, its isolated and its final ligature. */
static const uint16_t lam_alef[4][3] = {
	{0x0622, 0xFEF5, 0xFEF6}, {0x0623, 0xFEF7, 0xFEF8}, {0x0625, 0xFEF9, 0xFEFA}, {0x0627, 0xFEFB, 0xFEFC},
};

static const struct form *form_of(uint32_t c)
{
	size_t lo = 0, hi = NFORMS;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (forms[mid].base == c)
			return &forms[mid];
		if (forms[mid].base < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Marks that sit on a letter and do not break its joining: harakat,
 * superscript alef, Quranic marks. */
static bool transparent(uint32_t c)
{
	return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
	       (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8 ||
	       (c >= 0x06EA && c <= 0x06ED);
}

static bool joins_right(uint32_t c) /* to the letter before it */
{
	const struct form *f = form_of(c);

	return c == TATWEEL || (f && f->fin);
}

static uint32_t decode(const unsigned char *s, size_t len, size_t *n)
{
	uint32_t c = s[0];

	*n = 1;
	if (c >= 0xC0 && c < 0xE0 && len >= 2 && (s[1] & 0xC0) == 0x80)
		return *n = 2, (c & 0x1F) << 6 | (s[1] & 0x3F);
	if (c >= 0xE0 && c < 0xF0 && len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
		return *n = 3, (c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	return c; /* ASCII, a 4-byte sequence or a stray byte: not a letter here */
}

static void put(struct strbuf *out, uint32_t c)
{
	char b[3];

	if (c < 0x80) {
		b[0] = (char)c;
		strbuf_add(out, b, 1);
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | c >> 6);
		b[1] = (char)(0x80 | (c & 0x3F));
		strbuf_add(out, b, 2);
	} else {
		b[0] = (char)(0xE0 | c >> 12);
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		strbuf_add(out, b, 3);
	}
}

/* The next letter after byte at (marks passed over), or 0. */
static uint32_t next_letter(const unsigned char *u, size_t len, size_t at)
{
	size_t n;
	uint32_t c;

	while (at < len) {
		c = decode(u + at, len - at, &n);
		if (!transparent(c))
			return c;
		at += n;
	}
	return 0;
}

static bool have(pst_glyph_fn has, void *ctx, uint32_t c)
{
	return c && (!has || has(ctx, c));
}

/* The form of f between prev (joins to its left?) and next: the form the
 * font has, else the isolated form, else the letter. */
static uint32_t pick(const struct form *f, bool after_joiner, uint32_t next, pst_glyph_fn has, void *ctx)
{
	bool r = after_joiner && f->fin, l = f->ini && joins_right(next);
	uint32_t want = r && l ? f->med : r ? f->fin : l ? f->ini : f->iso;

	if (have(has, ctx, want))
		return want;
	return have(has, ctx, f->iso) ? f->iso : f->base;
}

/* The lam-alef ligature for lam followed by alef a (after a letter that
 * joins to it or not), if the font has it; else 0. */
static uint32_t ligature(uint32_t a, bool after_joiner, pst_glyph_fn has, void *ctx)
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (lam_alef[i][0] == a && have(has, ctx, lam_alef[i][after_joiner ? 2 : 1]))
			return lam_alef[i][after_joiner ? 2 : 1];
	return 0;
}

bool pst_arabic_shape(struct strbuf *out, const char *s, size_t len, pst_glyph_fn has, void *ctx)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t at = 0, n, k;
	bool after_joiner = false, changed = false, lig;
	uint32_t c, shaped;
	const struct form *f;

	while (at < len) {
		c = decode(u + at, len - at, &n);
		f = form_of(c);
		shaped = 0;
		if (f && c == LAM && at + n < len) {
			shaped = ligature(decode(u + at + n, len - at - n, &k), after_joiner, has, ctx);
			if (shaped)
				n += k;
		}
		lig = shaped != 0;
		if (f && !shaped)
			shaped = pick(f, after_joiner, next_letter(u, len, at + n), has, ctx);
		if (shaped && shaped != c) {
			put(out, shaped);
			changed = true;
			/* the next letter joins this one if its form does (a ligature
			 * ends in alef, which joins no further) */
			after_joiner = !lig && (shaped == f->ini || shaped == f->med);
		} else {
			strbuf_add(out, s + at, n);
			if (!transparent(c))
				after_joiner = c == TATWEEL;
		}
		at += n;
	}
	return changed;
}

bool pst_arabic_any(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t at = 0, n;

	while (at < len) {
		if (u[at] == 0xD8 || u[at] == 0xD9 || u[at] == 0xDA || u[at] == 0xDB) {
			if (form_of(decode(u + at, len - at, &n)))
				return true;
			at += n;
		} else {
			at++;
		}
	}
	return false;
}

size_t pst_arabic_base(uint32_t c, uint32_t out[2])
{
	size_t i;

	for (i = 0; i < 4; i++) {
		if (c == lam_alef[i][1] || c == lam_alef[i][2]) {
			out[0] = LAM;
			out[1] = lam_alef[i][0];
			return 2;
		}
	}
	for (i = 0; i < NFORMS; i++) {
		const struct form *f = &forms[i];

		if (c == f->iso || (f->fin && c == f->fin) || (f->ini && (c == f->ini || c == f->med))) {
			out[0] = f->base;
			return 1;
		}
	}
	return 0;
}

bool pst_arabic_drawable(uint32_t c)
{
	return form_of(c) || c == TATWEEL || c == 0x060C || c == 0x061B || c == 0x061F ||
	       (c >= 0x0660 && c <= 0x066D) || (c >= 0x06F0 && c <= 0x06F9);
}
