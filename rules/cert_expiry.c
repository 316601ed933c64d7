/* SPDX-License-Identifier: BSD-3-Clause */
/* cert-expiry: deployed certificates that have expired or expire soon. */
#include "rules.h"

#define DAY 86400

/* Are all records of set DANE-EE(3), whose clients ignore dates (RFC
 * 7672, section 3.1.1)? */
static bool only_dane_ee(const struct tlsa_set *set)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		if (set->records[i]->u.tlsa.usage != 3)
			return false;
	return set->count > 0;
}

static void check_chain(struct lint_ctx *ctx, const struct rule *rule,
			const struct host *h, bool ee_only,
			const struct chain *c)
{
	const struct cert_info *leaf = &c->certs[0];
	long days = ctx->settings->expiry_warning_days;
	struct finding_loc loc = loc_file(c->file);
	const char *who = ee_only
		? "; DANE-EE(3) records ignore the date, but senders that "
		  "check it (PKIX, MTA-STS) do not"
		: "";
	enum severity sev;

	loc.host = h->name;
	if (leaf->not_after <= ctx->now) {
		sev = ee_only ? SEV_NOTE : SEV_ERROR;
		report_finding_severity(ctx, rule, sev, &loc, "%s: the "
					"certificate '%s' in '%s' expired on %s, "
					"%ld days ago%s; renew it and deploy "
					"the new chain",
					display_name(ctx, h->name),
					leaf->subject, c->file,
					utc_date(ctx, leaf->not_after),
					(long)((ctx->now - leaf->not_after) /
					       DAY), who);
		return;
	}
	if (leaf->not_after - ctx->now >= days * DAY)
		return;
	sev = ee_only ? SEV_NOTE : SEV_WARNING;
	report_finding_severity(ctx, rule, sev, &loc, "%s: the certificate "
				"'%s' in '%s' expires on %s, in %ld days, "
				"within expiry-warning-days (%ld)%s; renew it "
				"and deploy the new chain before then",
				display_name(ctx, h->name), leaf->subject,
				c->file, utc_date(ctx, leaf->not_after),
				(long)((leaf->not_after - ctx->now) / DAY),
				days, who);
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);
		bool ee_only = set && only_dane_ee(set);

		for (j = 0; j < h->chain_count; j++)
			if (h->chains[j].count)
				check_chain(ctx, rule, h, ee_only,
					    &h->chains[j]);
	}
	return 0;
}

const struct rule rule_cert_expiry = {
	.id = "cert-expiry",
	.severity = SEV_WARNING,
	.scope = SCOPE_CERT,
	.summary = "a deployed certificate that has expired (error) or "
		   "expires within expiry-warning-days (warning; note where "
		   "all TLSA records are DANE-EE)",
	.check = check,
};
