/* pdf_tounicode.c: a correct /ToUnicode map for libharu's UTF-8 fonts.
 *
 * libharu 2.3.0 (font_cid.c, HPDF_Type0Font_New) attaches its encoder
 * CMap, which holds `begincidrange`, as the font's /ToUnicode.  That
 * operator is not allowed in a ToUnicode CMap: poppler warns "Invalid
 * 'begincidrange' operator in ToUnicode CMap" on every page and other
 * readers may not extract the text.  With the UTF-8 encoder the character
 * codes in the content are the UCS-2 values themselves, so the right map is
 * the identity: 248 bfranges of 256 codes (a range may not cross its first
 * byte), surrogates left out, at most 100 entries per section.
 */
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include "pdf_int.h"

#define CMAP_HEAD \
	"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" \
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" \
	"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" \
	"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
#define CMAP_TAIL "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"

static int is_surrogate_block(unsigned hi)
{
	return hi >= 0xD8 && hi <= 0xDF;
}

/* The bfrange sections of the identity map. */
static void identity_ranges(struct strbuf *sb)
{
	unsigned hi, in_section = 0, left = 256 - 8;

	for (hi = 0; hi < 256; hi++) {
		if (is_surrogate_block(hi))
			continue;
		if (in_section == 0)
			strbuf_addf(sb, "%u beginbfrange\n", left < 100 ? left : 100);
		strbuf_addf(sb, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		left--;
		if (++in_section == 100 || left == 0) {
			strbuf_addstr(sb, "endbfrange\n");
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
	identity_ranges(&sb);
	strbuf_addstr(&sb, CMAP_TAIL);
	st = HPDF_Stream_Write(stream->stream, (const HPDF_BYTE *)sb.buf, (HPDF_UINT)sb.len);
	strbuf_release(&sb);
	if (st == HPDF_OK)
		st = HPDF_Dict_Add(font, "ToUnicode", stream);
	return st == HPDF_OK ? 0 : -1;
}
