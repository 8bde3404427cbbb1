/* arabic.h: contextual shaping of Arabic letters for a renderer without a
 * shaping engine (the PDF: libharu draws one glyph per code).
 *
 * Each letter of the basic Arabic alphabet (U+0621..U+064A) and the Persian
 * letters peh, tcheh, jeh, keheh, gaf and farsi yeh becomes its isolated,
 * initial, medial or final presentation form (U+FE70..U+FEFC, and
 * U+FB56..U+FBFF for the Persian ones) from its neighbours: a letter joins
 * the one before it when that one joins to the left (the dual-joining
 * letters and tatweel do; alef, dal, thal, reh, zain, waw, teh marbuta,
 * alef maksura, jeh and the hamza forms join only to the right, hamza not at
 * all); harakat and other marks between letters are passed over.  Lam
 * followed by alef (plain, with madda, hamza above or below) becomes the
 * lam-alef ligature.  Logical order is kept: reordering for display is the
 * caller's.  Everything else is copied as it is.
 */
#ifndef POSTURE_ARABIC_H
#define POSTURE_ARABIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/strbuf.h"

/* Whether the font draws code point c (a presentation form). */
typedef bool (*pst_glyph_fn)(void *ctx, uint32_t c);

/* Appends s[0..len) (UTF-8) to out, shaped.  has (NULL: every form is
 * there) is asked about each form chosen: a form the font lacks is drawn
 * as the isolated form, else the plain letter (unjoined, but never an empty
 * box), and a missing ligature as lam and alef.  Returns whether any
 * letter was changed. */
bool pst_arabic_shape(struct strbuf *out, const char *s, size_t len, pst_glyph_fn has, void *ctx);

/* Whether s[0..len) holds a letter pst_arabic_shape shapes (a quick test
 * before shaping). */
bool pst_arabic_any(const char *s, size_t len);

/* The letters presentation form c stands for, in logical order (two for a
 * lam-alef ligature): their number, 0 when c is not a form made here. */
size_t pst_arabic_base(uint32_t c, uint32_t out[2]);

/* Whether c is an Arabic-block character drawn correctly once shaped: the
 * letters above, tatweel, the Arabic comma, semicolon, question mark and
 * digits.  Harakat and the other letters are not (the PDF cannot place
 * marks or join letters it has no table for). */
bool pst_arabic_drawable(uint32_t c);

#endif
