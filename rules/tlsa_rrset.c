/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-rrset-large, tlsa-ttl-long and tlsa-duplicate: the size, TTL and
 * records of each TLSA RRset. */
#include "rules.h"

#include <string.h>

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
	.model_only = true,
};

/*
 * Reports the record with the largest TTL of set when that TTL is above
 * max-tlsa-ttl, with the outage a failed rollover would cause: the TTL for
 * caches to expire plus the SOA refresh for secondaries to load the fix.
 * Records of one RRset should share a TTL, but name servers differ on
 * which TTL they serve when they do not, so the largest counts.
 */
static void report_ttl(struct lint_ctx *ctx, const struct rule *rule,
		       const struct tlsa_set *set)
{
	const struct record *soa = set->records[0]->zone->soa;
	const long max = ctx->settings->max_tlsa_ttl;
	const struct record *longest = set->records[0];
	struct finding_loc loc;
	long ttl, refresh;
	size_t i;

	for (i = 1; i < set->count; i++)
		if (set->records[i]->ttl > longest->ttl)
			longest = set->records[i];
	ttl = (long)longest->ttl;
	if (ttl <= max)
		return;
	loc = loc_record(longest);
	if (!soa) {
		report_finding(ctx, rule, &loc, "TLSA RRset at '%s' has TTL "
			       "%lds, above max-tlsa-ttl %lds, so a failed key "
			       "rollover would keep DANE senders from "
			       "delivering for up to %s; lower the TTL to %ld "
			       "or less", display_name(ctx, set->owner), ttl,
			       max, format_duration(ctx, ttl), max);
		return;
	}
	refresh = (long)soa->u.soa->refresh;
	report_finding(ctx, rule, &loc, "TLSA RRset at '%s' has TTL %lds, "
		       "above max-tlsa-ttl %lds, so a failed key rollover would "
		       "keep DANE senders from delivering for up to TTL + SOA "
		       "refresh %lds = %s; lower the TTL to %ld or less",
		       display_name(ctx, set->owner), ttl, max, refresh,
		       format_duration(ctx, ttl + refresh), max);
}

static int check_ttl(struct lint_ctx *ctx, const struct rule *rule)
{
	size_t i;

	for (i = 0; i < ctx->model->tlsa_set_count; i++)
		report_ttl(ctx, rule, &ctx->model->tlsa_sets[i]);
	return 0;
}

const struct rule rule_tlsa_ttl_long = {
	.id = "tlsa-ttl-long",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "a TLSA record with a TTL above max-tlsa-ttl (default "
		   "86400 seconds)",
	.check = check_ttl,
	.model_only = true,
};

static bool same_association(const struct record *a, const struct record *b)
{
	return a->u.tlsa.usage == b->u.tlsa.usage &&
	       a->u.tlsa.selector == b->u.tlsa.selector &&
	       a->u.tlsa.mtype == b->u.tlsa.mtype &&
	       a->u.tlsa.len == b->u.tlsa.len &&
	       memcmp(a->u.tlsa.data, b->u.tlsa.data, a->u.tlsa.len) == 0;
}

/* Reports set->records[j] when an earlier record of the set has the same
 * association, naming the first such record. */
static void report_copy(struct lint_ctx *ctx, const struct rule *rule,
			const struct tlsa_set *set, size_t j)
{
	const struct record *r = set->records[j];
	struct finding_loc loc = loc_record(r);
	size_t k;

	for (k = 0; k < j; k++) {
		const struct record *first = set->records[k];

		if (!same_association(first, r))
			continue;
		report_finding(ctx, rule, &loc, "TLSA record '%s' at '%s' "
			       "repeats the one %s, and DNS keeps only one "
			       "copy; remove it, or if it was meant for the next "
			       "key, put that key's digest here",
			       tlsa_short(ctx, r), display_name(ctx, r->owner),
			       strcmp(first->file, r->file) == 0 ?
			       ctx_printf(ctx, "on line %u", first->line) :
			       ctx_printf(ctx, "at %s:%u", first->file,
					  first->line));
		return;
	}
}

static int check_duplicate(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->tlsa_set_count; i++)
		for (j = 1; j < m->tlsa_sets[i].count; j++)
			report_copy(ctx, rule, &m->tlsa_sets[i], j);
	return 0;
}

const struct rule rule_tlsa_duplicate = {
	.id = "tlsa-duplicate",
	.severity = SEV_NOTE,
	.scope = SCOPE_ZONE,
	.summary = "a TLSA record that repeats the usage, selector, matching "
		   "type and data of another in its RRset",
	.check = check_duplicate,
	.model_only = true,
};
