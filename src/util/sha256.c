/* sha256.c: SHA-256 through libcrypto's EVP interface (sha256.h). */
#include "posture/sha256.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

static void crypto_failed(const char *what)
{
	fprintf(stderr, "posture: out of memory (libcrypto: %s)\n", what);
	exit(71);
}

void pst_sha256_init(struct pst_sha256 *c)
{
	c->ctx = EVP_MD_CTX_new();
	if (!c->ctx || EVP_DigestInit_ex(c->ctx, EVP_sha256(), NULL) != 1)
		crypto_failed("SHA-256 init");
}

void pst_sha256_update(struct pst_sha256 *c, const void *data, size_t len)
{
	if (len && EVP_DigestUpdate(c->ctx, data, len) != 1)
		crypto_failed("SHA-256 update");
}

void pst_sha256_final(struct pst_sha256 *c, uint8_t out[32])
{
	unsigned n = 0;

	if (EVP_DigestFinal_ex(c->ctx, out, &n) != 1 || n != 32)
		crypto_failed("SHA-256 final");
	pst_sha256_release(c);
}

void pst_sha256_hex(struct pst_sha256 *c, char out[PST_SHA256_HEX])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t d[32];
	unsigned i;

	pst_sha256_final(c, d);
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[64] = '\0';
}

void pst_sha256_release(struct pst_sha256 *c)
{
	EVP_MD_CTX_free(c->ctx);
	c->ctx = NULL;
}
