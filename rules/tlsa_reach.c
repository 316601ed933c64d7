/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-orphan: SMTP TLSA RRsets that no MX record leads to. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/*
 * Marks the TLSA RRsets that senders use for an MX exchange: the one at
 * "_25._tcp.EXCHANGE" and, when the exchange is an alias, the ones at
 * "_25._tcp.NAME" for each name along its CNAME chain.
 */
static void mark_exchange(const struct model *m, const char *exchange,
			  bool *used)
{
	const char *name = exchange;
	int step;

	for (step = 0; name && step <= MAX_CNAME_CHAIN; step++) {
		const struct tlsa_set *set = model_tlsa_for_host(m, name, 25);

		if (set)
			used[set - m->tlsa_sets] = true;
		name = cname_target(m, name);
	}
}

/* Returns the part of the message that says who still looks up the TLSA
 * RRset of base, which no MX record names: no sender when base has MX
 * records of its own, senders to mailboxes at base when it has none. */
static const char *orphan_reason(struct lint_ctx *ctx, const char *base)
{
	const struct model *m = ctx->model;
	const char *canonical = cname_chain_end(m, base);
	const struct record *const *rr;

	if (!canonical)
		canonical = base;
	if (model_find(m, canonical, RR_MX, &rr))
		return "and mail for it goes to its own MX hosts, so no sender "
		       "looks the RRset up";
	if (model_find(m, canonical, RR_A, &rr) ||
	    model_find(m, canonical, RR_AAAA, &rr))
		return ctx_printf(ctx, "so only mail to mailboxes at '%s' "
				  "itself, which has no MX record, uses it",
				  display_name(ctx, base));
	return "and it has no MX or address record, so no sender looks the "
	       "RRset up";
}

static int check_orphan(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	bool *used;
	size_t i;

	/* Without any MX record the mail domains' zones are not loaded, so
	 * every RRset would look unused. */
	if (!m->mx_count)
		return 0;
	used = xcalloc(m->tlsa_set_count + 1, sizeof(*used));
	for (i = 0; i < m->mx_count; i++)
		if (strcmp(m->mx_by_exchange[i]->u.mx.exchange, ".") != 0)
			mark_exchange(m, m->mx_by_exchange[i]->u.mx.exchange,
				      used);
	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];
		struct finding_loc loc;

		if (used[i] || !set->owner_valid || !set->smtp || set->port != 25)
			continue;
		loc = loc_tlsa_set(set);
		report_finding(ctx, rule, &loc, "TLSA RRset at '%s' is for "
			       "'%s', which no MX record in the loaded zones "
			       "names, %s; remove the RRset if the host no "
			       "longer receives mail, or fix its owner name",
			       display_name(ctx, set->owner),
			       display_name(ctx, set->base),
			       orphan_reason(ctx, set->base));
	}
	free(used);
	return 0;
}

const struct rule rule_tlsa_orphan = {
	.id = "tlsa-orphan",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "a port-25 TLSA RRset whose host no MX record in the "
		   "loaded zones names, directly or through a CNAME",
	.check = check_orphan,
};
