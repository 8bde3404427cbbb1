/* estate_int.h: what the estate's source files share.  Private to src/model/. */
#ifndef POSTURE_ESTATE_INT_H
#define POSTURE_ESTATE_INT_H

#include "posture/estate.h"

#define PST_COMPACT_MIN 4096

/* Sorts the governance records and keeps the latest of each finding. */
void pst_estate_compact_gov(struct pst_estate *e);
/* Sorts the recommendation-to-control links and keeps each once. */
void pst_estate_compact_type_controls(struct pst_estate *e);

#endif
