/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-single-record: RRsets with no room for a pre-published next key. */
#include "rules.h"

static bool covered_by_certs(const struct model *m, const struct tlsa_set *set)
{
	size_t i;

	if (!m->have_certs)
		return false;
	if (set->base && model_host(m, set->base))
		return true;
	/* A shared RRset ("_25._tcp.mx CNAME _dane") is covered through
	 * any host that reaches it. */
	for (i = 0; i < m->host_count; i++)
		if (model_tlsa_for_host(m, m->hosts[i].name, 25) == set)
			return true;
	return false;
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];
		struct finding_loc loc;

		if (set->count != 1 || covered_by_certs(m, set))
			continue;
		loc = loc_tlsa_set(set);
		report_finding(ctx, rule, &loc, "TLSA RRset at '%s' has one "
			       "record, so no next key is pre-published; add a "
			       "'3 1 1' record for the next key a few TTLs "
			       "before the key changes",
			       display_name(ctx, set->owner));
	}
	return 0;
}

const struct rule rule_tlsa_single_record = {
	.id = "tlsa-single-record",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "a TLSA RRset with one record, so no next key can be "
		   "pre-published (hosts without certificates only)",
	.check = check,
	.model_only = true,
};
