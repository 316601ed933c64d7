/* SPDX-License-Identifier: BSD-3-Clause */
/* mx-tlsa-partial and mx-target-cname: the TLSA records of each domain's
 * MX hosts. */
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
		const char *canonical;
		struct finding_loc loc;

		if (!host || null_mx(mx[i]) || host_tlsa(m, host) != TLSA_NONE)
			continue;
		/* Clients look up the TLSA records of an alias's target. */
		canonical = cname_chain_end(m, host);
		if (!canonical)
			canonical = host;
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
			       display_name(ctx, canonical));
	}
}

static int check_partial(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->mx_set_count; i++)
		check_domain(ctx, rule, m->mx_sets[i].records,
			     m->mx_sets[i].count);
	return 0;
}

const struct rule rule_mx_tlsa_partial = {
	.id = "mx-tlsa-partial",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "an MX host without TLSA records, in a loaded zone, of a "
		   "domain whose other MX hosts have them",
	.check = check_partial,
	.model_only = true,
};

/* Describes which of the two TLSA names of an aliased MX host, at the
 * alias and at its target, lead to a TLSA RRset, and which one clients
 * use: the target's, and the alias's only when the target has none. */
static const char *alias_tlsa_text(struct lint_ctx *ctx, const char *alias,
				   const char *target)
{
	const struct model *m = ctx->model;
	const struct tlsa_set *at_alias = model_tlsa_for_host(m, alias, 25);
	const struct tlsa_set *at_target = model_tlsa_for_host(m, target, 25);
	const char *a = ctx_printf(ctx, "_25._tcp.%s", display_name(ctx, alias));
	const char *t = ctx_printf(ctx, "_25._tcp.%s",
				   display_name(ctx, target));

	if (at_target && at_alias == at_target)
		return ctx_printf(ctx, "'%s' and '%s' lead to the same TLSA "
				  "RRset", a, t);
	if (at_target && at_alias)
		return ctx_printf(ctx, "'%s' and '%s' both have a TLSA RRset, "
				  "and the one at '%s' is used", a, t, t);
	if (at_target)
		return ctx_printf(ctx, "the TLSA RRset at '%s' is used, and "
				  "'%s' has none", t, a);
	if (!name_in_loaded_zone(m, target))
		return ctx_printf(ctx, "'%s' is in a zone that is not loaded%s",
				  t, at_alias ? ctx_printf(ctx, ", and the TLSA "
				  "RRset at '%s' is used only if it has none",
				  a) : "");
	if (at_alias)
		return ctx_printf(ctx, "'%s' has no TLSA RRset, so the one at "
				  "'%s' is used", t, a);
	return ctx_printf(ctx, "neither '%s' nor '%s' has a TLSA RRset", a, t);
}

static void check_exchange(struct lint_ctx *ctx, const struct rule *rule,
			   const struct record *mx)
{
	const char *alias = mx->u.mx.exchange;
	const char *target = cname_chain_end(ctx->model, alias);
	struct finding_loc loc = loc_record(mx);

	loc.domain = mx->owner;
	loc.host = alias;
	if (!target) {
		report_finding(ctx, rule, &loc, "MX exchange '%s' of '%s' is a "
			       "CNAME whose chain loops or has more than %d "
			       "links; point the MX record at the mail host's "
			       "own name", display_name(ctx, alias),
			       display_name(ctx, mx->owner), MAX_CNAME_CHAIN);
		return;
	}
	report_finding(ctx, rule, &loc, "MX exchange '%s' of '%s' is a CNAME "
		       "for '%s', which an MX exchange must not be (RFC 2181), "
		       "and DANE clients that follow it check TLSA records and "
		       "the certificate name for the target first: %s; point "
		       "the MX record at '%s'", display_name(ctx, alias),
		       display_name(ctx, mx->owner), display_name(ctx, target),
		       alias_tlsa_text(ctx, alias, target),
		       display_name(ctx, target));
}

static int check_cname(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->mx_count; i++) {
		const struct record *mx = m->mx_by_exchange[i];

		if (!null_mx(mx) && cname_target(m, mx->u.mx.exchange))
			check_exchange(ctx, rule, mx);
	}
	return 0;
}

const struct rule rule_mx_target_cname = {
	.id = "mx-target-cname",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "an MX exchange that is a CNAME in the loaded zones, so "
		   "TLSA records and the certificate name follow its target",
	.check = check_cname,
	.model_only = true,
};
