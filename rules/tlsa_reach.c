/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-orphan and tlsa-alias-target-missing: TLSA RRsets that no MX record
 * leads to, and TLSA names that lead to no RRset. */
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

/* Returns the part of the message that names who still looks up the TLSA
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

/*
 * Follows the CNAME chain of a TLSA name. Returns true when it reaches a
 * TLSA RRset. Otherwise *end is the name the chain ends at (NULL when it
 * loops) and *links the number of CNAME records followed.
 */
static bool alias_reaches_tlsa(const struct model *m, const char *name,
			       const char **end, int *links)
{
	int step;

	*end = NULL;
	for (step = 0; step <= MAX_CNAME_CHAIN; step++) {
		const char *target;

		if (model_tlsa_set(m, name))
			return true;
		target = cname_target(m, name);
		if (!target) {
			*end = name;
			return false;
		}
		name = target;
		*links = step + 1;
	}
	return false;
}

static void check_alias(struct lint_ctx *ctx, const struct rule *rule,
			const struct record *cname)
{
	struct tlsa_set probe = { 0 };
	struct finding_loc loc = loc_record(cname);
	const char *end;
	int links = 0;

	probe.owner = cname->owner;
	model_parse_tlsa_owner(ctx->model, &probe);
	if (!probe.owner_valid ||
	    alias_reaches_tlsa(ctx->model, cname->owner, &end, &links))
		return;
	if (!end) {
		report_finding(ctx, rule, &loc, "the CNAME chain from '%s' "
			       "loops or has more than %d links, so clients "
			       "find no TLSA records for port %u of '%s'; point "
			       "it at the name that has the TLSA RRset",
			       display_name(ctx, cname->owner), MAX_CNAME_CHAIN,
			       probe.port, display_name(ctx, probe.base));
		return;
	}
	/* The records of a name outside the loaded zones are unknown. */
	if (!name_in_loaded_zone(ctx->model, end))
		return;
	report_finding(ctx, rule, &loc, "'%s' %s '%s', which has no TLSA "
		       "RRset in the loaded zones, so clients find no TLSA "
		       "records for port %u of '%s'; publish the TLSA records "
		       "at '%s' or point the CNAME at the name that has them",
		       display_name(ctx, cname->owner),
		       links == 1 ? "is a CNAME for" :
		       ctx_printf(ctx, "leads through %d CNAME records to",
				  links),
		       display_name(ctx, end), probe.port,
		       display_name(ctx, probe.base), display_name(ctx, end));
}

static int check_alias_target(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->record_count; i++)
		if (m->records[i].type == RR_CNAME &&
		    m->records[i].owner[0] == '_')
			check_alias(ctx, rule, &m->records[i]);
	return 0;
}

const struct rule rule_tlsa_alias_target_missing = {
	.id = "tlsa-alias-target-missing",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "a _PORT._PROTO name that is a CNAME, within the loaded "
		   "zones, for a name without a TLSA RRset",
	.check = check_alias_target,
	.model_only = true,
};

const struct rule rule_tlsa_orphan = {
	.id = "tlsa-orphan",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "a port-25 TLSA RRset whose host no MX record in the "
		   "loaded zones names, directly or through a CNAME",
	.check = check_orphan,
	.model_only = true,
};
