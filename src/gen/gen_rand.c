/* gen_rand.c: the generator's own PRNG (splitmix64) and fake GUIDs. */
#include <stdio.h>
#include "gen.h"

uint64_t gen_mix(uint64_t x)
{
	x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
	return x ^ (x >> 31);
}

void gen_rng_init(struct gen_rng *r, uint64_t seed, uint64_t stream)
{
	r->s = gen_mix(seed * UINT64_C(0x9e3779b97f4a7c15) + stream);
}

uint64_t gen_next(struct gen_rng *r)
{
	r->s += UINT64_C(0x9e3779b97f4a7c15);
	return gen_mix(r->s);
}

uint32_t gen_below(struct gen_rng *r, uint32_t n)
{
	if (n == 0)
		return 0;
	return (uint32_t)(((gen_next(r) >> 32) * (uint64_t)n) >> 32);
}

bool gen_chance(struct gen_rng *r, unsigned per_mille)
{
	return gen_below(r, 1000) < per_mille;
}

uint64_t gen_hash(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/* A version-4-looking GUID from 128 bits. */
void gen_guid(uint64_t a, uint64_t b, char out[GEN_GUID_LEN])
{
	a = gen_mix(a);
	b = gen_mix(b ^ a);
	snprintf(out, GEN_GUID_LEN, "%08x-%04x-4%03x-%04x-%012llx",
		 (unsigned)(a >> 32), (unsigned)(a >> 16) & 0xffffu, (unsigned)a & 0xfffu,
		 (unsigned)(0x8000u | ((b >> 48) & 0x3fffu)),
		 (unsigned long long)(b & UINT64_C(0xffffffffffff)));
}
