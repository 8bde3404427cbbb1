/* cmd_score_int.h (private to src/cmd_score*.c): what the text, CSV and
 * JSON writers of `posture score` share. */
#ifndef POSTURE_CMD_SCORE_INT_H
#define POSTURE_CMD_SCORE_INT_H

#include <stdio.h>
#include "posture/pipeline.h"

/* The writers read the pipeline's results. */
#define score_run pst_pipeline

/* Gain of one control summed over the subscriptions at T1. */
struct control_gain {
	size_t control;
	double gain;
};

const char *score_sub_id(const struct score_run *r, uint32_t sub);
const char *score_sub_name(const struct score_run *r, uint32_t sub);
const char *score_control_name(const struct score_run *r, size_t k);
const char *score_control_id(const struct score_run *r, size_t k);
/* Per control at T1, largest first (caller frees *out); returns how many gain. */
size_t score_control_gains(const struct score_run *r, struct control_gain **out);

void score_csv_out(FILE *out, const struct score_run *r);
void score_json_out(FILE *out, const struct score_run *r);

#endif
