/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-unsigned-zone and tlsa-rrsig-expiry: DNSSEC for TLSA RRsets. */
#include "rules.h"

#include <stdlib.h>

/* Is the zone loaded from a signed zone file, with a DNSKEY and RRSIG
 * records? A zone with a DNSKEY but no RRSIG is signed when served, if at
 * all. */
static bool zone_file_signed(const struct model *m, const struct zone *z)
{
	size_t i;

	if (!z->has_dnskey)
		return false;
	for (i = 0; i < z->count; i++)
		if (m->records[z->first + i].type == RR_RRSIG)
			return true;
	return false;
}

/* Returns the RRSIG over the TLSA RRset that expires last, or NULL. */
static const struct record *latest_rrsig(const struct model *m,
					 const struct tlsa_set *set)
{
	const struct record *const *rr;
	const struct record *latest = NULL;
	size_t i, n = model_find(m, set->owner, RR_RRSIG, &rr);

	for (i = 0; i < n; i++)
		if (rr[i]->u.rrsig.covered == RR_TLSA &&
		    (!latest ||
		     rr[i]->u.rrsig.expiration > latest->u.rrsig.expiration))
			latest = rr[i];
	return latest;
}

static void check_set(struct lint_ctx *ctx, const struct rule *rule,
		      const struct tlsa_set *set)
{
	const struct record *sig = latest_rrsig(ctx->model, set);
	struct finding_loc loc = loc_tlsa_set(set);
	struct rollover_wait w;
	time_t expires;

	if (!sig) {
		report_finding(ctx, rule, &loc, "TLSA RRset at '%s' has no "
			       "RRSIG in a signed zone file, so validating "
			       "resolvers reject it and DANE senders defer "
			       "mail; sign the zone again",
			       display_name(ctx, set->owner));
		return;
	}
	expires = (time_t)sig->u.rrsig.expiration;
	if (expires <= ctx->now) {
		report_finding(ctx, rule, &loc, "RRSIG over the TLSA RRset "
			       "at '%s' expired at %s, so validating resolvers "
			       "reject the RRset and DANE senders defer mail; "
			       "sign the zone again",
			       display_name(ctx, set->owner),
			       format_utc(ctx, expires));
		return;
	}
	required_wait(ctx, set, &w);
	if (expires >= ctx->now + w.total)
		return;
	report_finding(ctx, rule, &loc, "RRSIG over the TLSA RRset at '%s' "
		       "expires at %s, before a key rollover started now could "
		       "finish (%ld x max(TTL %lds, resolver-min-ttl %lds) + SOA "
		       "refresh %lds = %s); sign the zone again with a longer "
		       "signature validity", display_name(ctx, set->owner),
		       format_utc(ctx, expires), ctx->settings->prepublish_ttls,
		       w.ttl, ctx->settings->resolver_min_ttl, w.refresh,
		       format_duration(ctx, w.total));
}

static int check_rrsig_expiry(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	bool *signed_zone = xcalloc(m->zone_count + 1, sizeof(*signed_zone));
	size_t i;

	for (i = 0; i < m->zone_count; i++)
		signed_zone[i] = zone_file_signed(m, &m->zones[i]);
	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];

		if (signed_zone[set->records[0]->zone - m->zones])
			check_set(ctx, rule, set);
	}
	free(signed_zone);
	return 0;
}

static int check_unsigned(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->zone_count; i++) {
		const struct zone *z = &m->zones[i];
		const struct record *r = NULL;
		struct finding_loc loc;

		if (z->has_dnskey)
			continue;
		for (j = 0; j < z->count && !r; j++)
			if (m->records[z->first + j].type == RR_TLSA)
				r = &m->records[z->first + j];
		if (!r)
			continue;
		loc = loc_record(r);
		loc.domain = z->origin;
		report_finding(ctx, rule, &loc, "zone '%s' has TLSA records but "
			       "no DNSKEY record, and DANE senders use TLSA "
			       "records only from signed zones; sign the zone, "
			       "or suppress this note if it is signed when "
			       "served", display_name(ctx, z->origin));
	}
	return 0;
}

const struct rule rule_tlsa_unsigned_zone = {
	.id = "tlsa-unsigned-zone",
	.severity = SEV_NOTE,
	.scope = SCOPE_ZONE,
	.summary = "TLSA records in a zone without a DNSKEY record, which "
		   "DANE senders ignore unless the zone is signed when served",
	.check = check_unsigned,
	.model_only = true,
};

const struct rule rule_tlsa_rrsig_expiry = {
	.id = "tlsa-rrsig-expiry",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "in a signed zone file, a TLSA RRset without an RRSIG, or "
		   "whose RRSIG expires before a rollover started now ends",
	.check = check_rrsig_expiry,
	.model_only = true,
};
