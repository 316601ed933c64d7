/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-pkix-usage and tlsa-not-311: TLSA parameters other than "3 1 1". */
#include "rules.h"

static bool pkix_on_smtp(const struct tlsa_set *set, const struct record *r)
{
	return set->smtp && r->u.tlsa.usage <= 1;
}

static int check_pkix(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];

		for (j = 0; j < set->count; j++) {
			const struct record *r = set->records[j];
			struct finding_loc loc = loc_record(r);

			if (!pkix_on_smtp(set, r))
				continue;
			report_finding(ctx, rule, &loc, "usage %u (%s) at '%s' "
				       "is used for SMTP, where clients treat "
				       "PKIX usages as unusable (RFC 7672, "
				       "section 3.1.3); publish '3 1 1' for the "
				       "server's key instead", r->u.tlsa.usage,
				       r->u.tlsa.usage ? "PKIX-EE" : "PKIX-TA",
				       display_name(ctx, r->owner));
		}
	}
	return 0;
}

/* Explains each part of a record that differs from "3 1 1". */
static void explain(struct strbuf *why, const struct record *r)
{
	uint8_t u = r->u.tlsa.usage, s = r->u.tlsa.selector;
	uint8_t t = r->u.tlsa.mtype;

	if (u == 2)
		strbuf_addstr(why, "usage 2 (DANE-TA) makes the server's chain "
			      "and certificate names part of the check");
	else if (u <= 1)
		strbuf_addf(why, "usage %u (%s) needs a public CA that the "
			    "client trusts", u, u ? "PKIX-EE" : "PKIX-TA");
	if (s == 0)
		strbuf_addf(why, "%sselector 0 (full certificate) stops "
			    "matching at every renewal, even with the same key",
			    why->len ? "; " : "");
	if (t == 0)
		strbuf_addf(why, "%smatching type 0 (full data) makes large "
			    "responses", why->len ? "; " : "");
	else if (t == 2)
		strbuf_addf(why, "%smatching type 2 (SHA-512) adds nothing over "
			    "SHA-256 and, next to '3 1 1', hides those records "
			    "from clients that prefer SHA-512",
			    why->len ? "; " : "");
}

static int check_not_311(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	struct strbuf why;
	size_t i, j;

	strbuf_init(&why);
	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];

		for (j = 0; j < set->count; j++) {
			const struct record *r = set->records[j];
			struct finding_loc loc = loc_record(r);

			/* Out-of-range values are tlsa-malformed findings. */
			if (r->u.tlsa.usage > 3 || r->u.tlsa.selector > 1 ||
			    r->u.tlsa.mtype > 2 || pkix_on_smtp(set, r))
				continue;
			if (r->u.tlsa.usage == 3 && r->u.tlsa.selector == 1 &&
			    r->u.tlsa.mtype == 1)
				continue;
			strbuf_reset(&why);
			explain(&why, r);
			report_finding(ctx, rule, &loc, "'%u %u %u' record at "
				       "'%s' is not '3 1 1': %s; publish '3 1 1' "
				       "records for the current and next keys",
				       r->u.tlsa.usage, r->u.tlsa.selector,
				       r->u.tlsa.mtype,
				       display_name(ctx, r->owner),
				       strbuf_str(&why));
		}
	}
	strbuf_release(&why);
	return 0;
}

const struct rule rule_tlsa_pkix_usage = {
	.id = "tlsa-pkix-usage",
	.severity = SEV_ERROR,
	.scope = SCOPE_ZONE,
	.summary = "usage 0 or 1 in a TLSA RRset used for SMTP",
	.check = check_pkix,
	.model_only = true,
};

const struct rule rule_tlsa_not_311 = {
	.id = "tlsa-not-311",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "a TLSA record other than \"3 1 1\" (DANE-EE, public key, "
		   "SHA-256)",
	.check = check_not_311,
};
