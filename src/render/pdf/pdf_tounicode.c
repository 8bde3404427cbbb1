/* pdf_tounicode.c: a correct /ToUnicode map for libharu's UTF-8 fonts.
 *
 * libharu 2.3.0 (font_cid.c, HPDF_Type0Font_New) attaches its encoder
 * CMap, which holds `begincidrange`, as the font's /ToUnicode.  That
 * operator is not allowed in a ToUnicode CMap: poppler warns "Invalid
 * 'begincidrange' operator in ToUnicode CMap" on every page and other
 * readers may not extract the text.  With the UTF-8 encoder the character
 * codes in the content are the UCS-2 values themselves, so the right map is
 * the identity: bfranges within one first byte (a range may not cross
 * it), surrogates left out, at most 100 entries per section; but the
 * Arabic presentation forms the shaper draws (arabic.h) map to the letters
 * they stand for (lam-alef to two), so text copied out of the PDF is the
 * name as written, not its presentation forms.
 */
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include "pdf_int.h"
#include "posture/arabic.h"

#define CMAP_HEAD \
	"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" \
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" \
	"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" \
	"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
#define CMAP_TAIL "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"

/* A presentation form the Arabic shaper draws (arabic.h): mapped to the
 * letters it stands for, so copied text is the name as written. */
static size_t form_base(unsigned c, uint32_t base[2])
{
	return c >= 0xFB50 ? pst_arabic_base((uint32_t)c, base) : 0;
}

/* Writes every identity range (within one first byte, surrogates and
 * presentation forms left out) to sb in sections of total; returns their
 * number (sb NULL: only counts them). */
static unsigned identity_runs(struct strbuf *sb, unsigned *in_section, unsigned total)
{
	unsigned c = 0, start, n = 0;
	uint32_t base[2];

	while (c <= 0xFFFF) {
		if ((c >= 0xD800 && c <= 0xDFFF) || form_base(c, base)) {
			c++;
			continue;
		}
		start = c;
		while (c < 0xFFFF && (c + 1) >> 8 == start >> 8 && !form_base(c + 1, base))
			c++;
		if (sb) {
			if (*in_section == 0)
				strbuf_addf(sb, "%u beginbfrange\n", total - n < 100 ? total - n : 100);
			strbuf_addf(sb, "<%04X> <%04X> <%04X>\n", start, c, start);
			if (++*in_section == 100 || n + 1 == total) {
				strbuf_addstr(sb, "endbfrange\n");
				*in_section = 0;
			}
		}
		n++;
		c++;
	}
	return n;
}

static void map(struct strbuf *sb)
{
	unsigned c, in_section = 0, total = identity_runs(NULL, &in_section, 0), nforms = 0, k = 0;
	uint32_t base[2];
	size_t n, i;

	identity_runs(sb, &in_section, total);
	for (c = 0xFB50; c <= 0xFFFF; c++)
		nforms += form_base(c, base) != 0;
	for (c = 0xFB50; c <= 0xFFFF; c++) {
		n = form_base(c, base);
		if (!n)
			continue;
		if (in_section == 0)
			strbuf_addf(sb, "%u beginbfchar\n", nforms - k < 100 ? nforms - k : 100);
		strbuf_addf(sb, "<%04X> <", c);
		/* the content is in visual order (right to left reversed), and
		 * readers reverse a ligature's letters with the rest: lam-alef
		 * maps to alef, lam */
		for (i = n; i-- > 0;)
			strbuf_addf(sb, "%04X", (unsigned)base[i]);
		strbuf_addstr(sb, ">\n");
		k++;
		if (++in_section == 100 || k == nforms) {
			strbuf_addstr(sb, "endbfchar\n");
			in_section = 0;
		}
	}
}

int pdf_fix_tounicode(HPDF_Doc doc, HPDF_Font font)
{
	struct strbuf sb = STRBUF_INIT;
	HPDF_Dict stream;
	HPDF_STATUS st;

	stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
	if (!stream)
		return -1;
	if (doc->compression_mode & HPDF_COMP_TEXT)
		stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	strbuf_addstr(&sb, CMAP_HEAD);
	map(&sb);
	strbuf_addstr(&sb, CMAP_TAIL);
	st = HPDF_Stream_Write(stream->stream, (const HPDF_BYTE *)sb.buf, (HPDF_UINT)sb.len);
	strbuf_release(&sb);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(font, "ToUnicode", stream);
	return st == HPDF_OK ? 0 : -1;
}
