/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-rrset-large: the shape of each TLSA RRset. */
#include "rules.h"

static int check_large(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];
		struct finding_loc loc;

		if (set->count <= (size_t)ctx->settings->max_tlsa_records)
			continue;
		loc = loc_tlsa_set(set);
		report_finding(ctx, rule, &loc, "TLSA RRset at '%s' has %zu "
			       "records, more than max-tlsa-records (%ld); "
			       "remove the records of retired keys and "
			       "certificates", display_name(ctx, set->owner),
			       set->count, ctx->settings->max_tlsa_records);
	}
	return 0;
}

const struct rule rule_tlsa_rrset_large = {
	.id = "tlsa-rrset-large",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "a TLSA RRset with more records than max-tlsa-records "
		   "(default 8)",
	.check = check_large,
};
