/* test_classes.c: the one table of finding classes (classes.h). */
#include <string.h>
#include "check.h"
#include "posture/classes.h"

/* Every class has every text, and no two share a code or a label. */
static void test_table_complete(void)
{
	size_t i, k;

	for (i = 0; i < PST_CLASS__COUNT; i++) {
		enum pst_class c = (enum pst_class)i;

		CHECK(strlen(pst_class_name(c)) > 0 && strcmp(pst_class_name(c), "unknown") != 0);
		CHECK(strlen(pst_class_label(c)) > 0 && strcmp(pst_class_label(c), "Unknown") != 0);
		CHECK(strlen(pst_class_meaning(c)) > 0);
		CHECK(strlen(pst_class_detail(c)) > 0);
		CHECK(strspn(pst_class_name(c), "abcdefghijklmnopqrstuvwxyz_") == strlen(pst_class_name(c)));
		for (k = 0; k < i; k++) {
			CHECK(strcmp(pst_class_name(c), pst_class_name((enum pst_class)k)) != 0);
			CHECK(strcmp(pst_class_label(c), pst_class_label((enum pst_class)k)) != 0);
		}
	}
	CHECK_STR(pst_class_name(PST_CLASS__COUNT), "unknown");
	CHECK_STR(pst_class_label(PST_CLASS__COUNT), "Unknown");
	CHECK_STR(pst_class_name(PST_CLASS_NEW_RESOURCE), "new_resource");
	CHECK_STR(pst_class_meaning(PST_CLASS_REMEDIATED), "verified fix");
}

/* closed, still open and opened partition the classes (DESIGN.md). */
static void test_closes_opens(void)
{
	size_t i, closes = 0, opens = 0;

	for (i = 0; i < PST_CLASS__COUNT; i++) {
		enum pst_class c = (enum pst_class)i;

		CHECK(!(pst_class_closes(c) && pst_class_opens(c)));
		closes += pst_class_closes(c);
		opens += pst_class_opens(c);
		if (c == PST_CLASS_STILL_OPEN)
			CHECK(!pst_class_closes(c) && !pst_class_opens(c));
	}
	CHECK_INT(closes, 6);
	CHECK_INT(opens, 5);
	CHECK(pst_class_closes(PST_CLASS_OUT_OF_SCOPE));
	CHECK(pst_class_opens(PST_CLASS_BECAME_APPLICABLE));
	CHECK(!pst_class_opens(PST_CLASS__COUNT));
}

int main(void)
{
	RUN(test_table_complete);
	RUN(test_closes_opens);
	return check_summary();
}
