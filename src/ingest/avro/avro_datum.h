/* avro_datum.h: checks one datum of the Avro binary encoding against its
 * schema before avro-c decodes it.
 *
 * avro-c's avro_value_read trusts the lengths it reads: a negative bytes
 * length makes it write before its buffer, a huge one asks for a huge
 * allocation.  pst_avro_skip walks the datum with every length and count
 * checked against the bytes left, so a datum it accepts is safe to decode.
 * Private to src/ingest/.
 */
#ifndef POSTURE_AVRO_DATUM_H
#define POSTURE_AVRO_DATUM_H

#include <avro.h>
#include <stdbool.h>

#define PST_AVRO_MAX_DEPTH 32

/* Advances *p over one datum of schema s in [*p, end).  false if the bytes
 * are not a valid datum (or nest deeper than PST_AVRO_MAX_DEPTH). */
bool pst_avro_skip(avro_schema_t s, const unsigned char **p, const unsigned char *end);

#endif
