/* sha256.h: SHA-256 (FIPS 180-4), for the evidence appendix.
 *
 * Computed by OpenSSL's libcrypto (EVP digests), which uses the CPU's SHA
 * extensions where it has them.  A context holds a libcrypto context from
 * pst_sha256_init until pst_sha256_final (or pst_sha256_hex) frees it;
 * pst_sha256_release frees an abandoned one (and is a no-op after final or
 * on a zeroed context).  Out of memory exits 71 like xmalloc.
 */
#ifndef POSTURE_SHA256_H
#define POSTURE_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct evp_md_ctx_st; /* OpenSSL's EVP_MD_CTX */

struct pst_sha256 {
	struct evp_md_ctx_st *ctx;
};
#define PST_SHA256_HEX 65

void pst_sha256_init(struct pst_sha256 *c);
void pst_sha256_update(struct pst_sha256 *c, const void *data, size_t len);
void pst_sha256_final(struct pst_sha256 *c, uint8_t out[32]);
void pst_sha256_hex(struct pst_sha256 *c, char out[PST_SHA256_HEX]);
void pst_sha256_release(struct pst_sha256 *c);

#endif
