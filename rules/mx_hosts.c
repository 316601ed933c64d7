/* SPDX-License-Identifier: BSD-3-Clause */
/* mx-tlsa-partial: mail domains whose MX hosts do not all publish TLSA. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/* The state of an MX host's TLSA records, as far as the loaded zones show. */
enum tlsa_state {
	TLSA_NONE,	/* no TLSA RRset, and all names involved are loaded */
	TLSA_FOUND,
	TLSA_UNKNOWN,	/* none found, but a name leads out of the zones */
};

/* Does the CNAME chain from name end outside the loaded zones? */
static bool leaves_zones(const struct model *m, const char *name)
{
	const char *end = cname_chain_end(m, name);

	return end && !name_in_loaded_zone(m, end);
}

/*
 * Looks for the TLSA RRset of an MX host at "_25._tcp.NAME", for the host
 * and each name along its CNAME chain, following CNAMEs of those TLSA
 * names too. Returns TLSA_UNKNOWN when none is found but one of these
 * chains ends outside the loaded zones.
 */
static enum tlsa_state host_tlsa(const struct model *m, const char *host)
{
	const char *name = host;
	bool unknown = false;
	int step;

	for (step = 0; name && step <= MAX_CNAME_CHAIN; step++) {
		char *tlsa_name;

		if (model_tlsa_for_host(m, name, 25))
			return TLSA_FOUND;
		tlsa_name = xasprintf("_25._tcp.%s", name);
		if (leaves_zones(m, tlsa_name) || leaves_zones(m, name))
			unknown = true;
		free(tlsa_name);
		name = cname_target(m, name);
	}
	return unknown ? TLSA_UNKNOWN : TLSA_NONE;
}

static bool null_mx(const struct record *mx)
{
	return strcmp(mx->u.mx.exchange, ".") == 0;
}

/* Checks the MX records mx[0..n) of one domain. */
static void check_domain(struct lint_ctx *ctx, const struct rule *rule,
			 const struct record *const *mx, size_t n)
{
	const struct model *m = ctx->model;
	const char *with_tlsa = NULL;
	size_t i;

	for (i = 0; i < n && !with_tlsa; i++)
		if (mx[i]->u.mx.exchange && !null_mx(mx[i]) &&
		    host_tlsa(m, mx[i]->u.mx.exchange) == TLSA_FOUND)
			with_tlsa = mx[i]->u.mx.exchange;
	if (!with_tlsa)
		return;
	for (i = 0; i < n; i++) {
		const char *host = mx[i]->u.mx.exchange;
		struct finding_loc loc;

		if (!host || null_mx(mx[i]) || host_tlsa(m, host) != TLSA_NONE)
			continue;
		loc = loc_record(mx[i]);
		loc.domain = mx[i]->owner;
		loc.host = host;
		report_finding(ctx, rule, &loc, "MX host '%s' of '%s' has no "
			       "TLSA RRset while '%s' has one, so an attacker "
			       "who blocks the hosts with TLSA records gets the "
			       "domain's mail delivered here without "
			       "authentication; publish TLSA records at "
			       "'_25._tcp.%s'", display_name(ctx, host),
			       display_name(ctx, mx[i]->owner),
			       display_name(ctx, with_tlsa),
			       display_name(ctx, host));
	}
}

static int check_partial(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i = 0;

	/* by_owner is sorted by owner, then type: each domain's MX records
	 * are adjacent. */
	while (i < m->record_count) {
		const struct record *const *rr;
		size_t n;

		if (m->by_owner[i]->type != RR_MX) {
			i++;
			continue;
		}
		n = model_find(m, m->by_owner[i]->owner, RR_MX, &rr);
		check_domain(ctx, rule, rr, n);
		i = (size_t)(rr - m->by_owner) + n;
	}
	return 0;
}

const struct rule rule_mx_tlsa_partial = {
	.id = "mx-tlsa-partial",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "an MX host without TLSA records, in a loaded zone, of a "
		   "domain whose other MX hosts have them",
	.check = check_partial,
};
