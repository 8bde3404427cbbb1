#include "gen.h"
int gen_portal_csv(struct gen_ctx *c, pst_time t, uint32_t skip_sub, bool wide) { (void)c; (void)t; (void)skip_sub; (void)wide; return 0; }
int gen_la_csv(struct gen_ctx *c, pst_time t, uint32_t skip_sub) { (void)c; (void)t; (void)skip_sub; return 0; }
int gen_rest_lists(struct gen_ctx *c, pst_time t, uint32_t skip_sub) { (void)c; (void)t; (void)skip_sub; return 0; }
int gen_arg_result(struct gen_ctx *c, pst_time t, uint32_t skip_sub) { (void)c; (void)t; (void)skip_sub; return 0; }
