/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-owner-name: TLSA owners that clients never query. */
#include "rules.h"

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];
		struct finding_loc loc;

		/*
		 * "_dane IN TLSA ..." reached through
		 * "_25._tcp.mail IN CNAME _dane" is valid (RFC 7671, section 7).
		 */
		if (set->owner_valid || set->alias)
			continue;
		loc = loc_tlsa_set(set);
		report_finding(ctx, rule, &loc, "TLSA owner '%s' is not of the "
			       "form _PORT._PROTO.host with a numeric port and "
			       "tcp, udp or sctp, so clients never query it; "
			       "for SMTP write _25._tcp.HOST",
			       display_name(ctx, set->owner));
	}
	return 0;
}

const struct rule rule_tlsa_owner_name = {
	.id = "tlsa-owner-name",
	.severity = SEV_ERROR,
	.scope = SCOPE_ZONE,
	.summary = "a TLSA owner not of the form _PORT._PROTO.host",
	.check = check,
	.model_only = true,
};
