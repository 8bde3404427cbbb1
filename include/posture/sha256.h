/* sha256.h: SHA-256 (FIPS 180-4), for the evidence appendix. */
#ifndef POSTURE_SHA256_H
#define POSTURE_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct pst_sha256 {
	uint32_t h[8];
	uint64_t total;
	uint8_t block[64];
	size_t used;
};
#define PST_SHA256_HEX 65

void pst_sha256_init(struct pst_sha256 *c);
void pst_sha256_update(struct pst_sha256 *c, const void *data, size_t len);
void pst_sha256_final(struct pst_sha256 *c, uint8_t out[32]);
void pst_sha256_hex(struct pst_sha256 *c, char out[PST_SHA256_HEX]);

#endif
