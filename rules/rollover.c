/* SPDX-License-Identifier: BSD-3-Clause */
/* Change rules: unsafe key rollovers and SOA serials, between snapshots. */
#include "rules.h"

#include <string.h>

#include "history.h"

static bool same_spki(const struct key *a, const struct key *b)
{
	return memcmp(a->spki_sha256, b->spki_sha256, 32) == 0;
}

/* Is a key with k's public key in h with this role? */
static bool has_key(const struct host *h, const struct key *k,
		    enum key_role role)
{
	size_t i;

	for (i = 0; h && i < h->key_count; i++)
		if (h->keys[i].role == role && same_spki(&h->keys[i], k))
			return true;
	return false;
}

/* Does the host deploy a current key that it did not deploy before? */
static bool deploys_new_key(const struct host *after, const struct host *before)
{
	size_t i;

	for (i = 0; i < after->key_count; i++)
		if (after->keys[i].role == KEY_CURRENT &&
		    !has_key(before, &after->keys[i], KEY_CURRENT))
			return true;
	return false;
}

static bool same_record(const struct record *a, const struct record *b)
{
	return a->u.tlsa.usage == b->u.tlsa.usage &&
	       a->u.tlsa.selector == b->u.tlsa.selector &&
	       a->u.tlsa.mtype == b->u.tlsa.mtype &&
	       a->u.tlsa.len == b->u.tlsa.len &&
	       memcmp(a->u.tlsa.data, b->u.tlsa.data, a->u.tlsa.len) == 0;
}

/* Does set hold a record equal to r? */
static bool set_holds(const struct tlsa_set *set, const struct record *r)
{
	size_t i;

	for (i = 0; set && i < set->count; i++)
		if (same_record(set->records[i], r))
			return true;
	return false;
}

/* Is file a zone the change leaves as it was (partial base only)? */
static bool zone_unchanged(const struct lint_ctx *ctx, const char *file)
{
	size_t i;

	if (!ctx->base_partial)
		return false;
	for (i = 0; i < ctx->changed_zone_count; i++)
		if (strcmp(ctx->changed_zones[i], file) == 0)
			return false;
	return true;
}

/* When was r, which matches k, first published? Age 0 when the change
 * adds it. */
static int published_since(struct lint_ctx *ctx, const struct record *r,
			   const struct key *k, struct publication *pub)
{
	const struct tlsa_set *before = model_tlsa_set(ctx->base, r->owner);
	struct strbuf err;
	int rc;

	memset(pub, 0, sizeof(*pub));
	pub->since = ctx->now;
	if ((!set_holds(before, r) && !zone_unchanged(ctx, r->zone->file)) ||
	    !ctx->history || !*ctx->base_commit)
		return 0;
	strbuf_init(&err);
	rc = history_first_published(ctx->history, ctx->base_commit,
				     r->zone->file, r->zone->origin, r->owner,
				     k, pub, &err);
	strbuf_release(&err);
	if (rc < 0)
		ctx->history_error = 1;
	if (rc < 0 || !pub->found)
		pub->since = ctx->now;
	return rc;
}

static void report_early(struct lint_ctx *ctx, const struct rule *rule,
			 const struct host *h, const struct tlsa_set *set,
			 const struct key *k, const struct publication *pub)
{
	struct finding_loc loc = loc_file(k->file);
	struct rollover_wait w;
	long age = (long)(ctx->now - pub->since);

	required_wait(ctx, set, &w);
	if (age >= w.total)
		return;
	loc.host = h->name;
	loc.owner = set->owner;
	loc.digest = key_digest_hex(ctx, k);
	if (!pub->found) {
		report_finding(ctx, rule, &loc, "%s: new key (%s, %s) is "
			       "deployed in the same change that publishes its "
			       "TLSA record at %s, so resolvers still hold the "
			       "old RRset; publish the record first, wait %ld x "
			       "max(TTL %lds, resolver-min-ttl %lds) + SOA "
			       "refresh %lds = %s, then deploy the key",
			       display_name(ctx, h->name), k->description,
			       k->file, display_name(ctx, set->owner),
			       ctx->settings->prepublish_ttls, w.ttl,
			       ctx->settings->resolver_min_ttl, w.refresh,
			       format_duration(ctx, w.total));
		return;
	}
	report_finding(ctx, rule, &loc, "%s: new key (%s, %s) is deployed %s "
		       "after its TLSA record at %s was first published (%s, "
		       "commit %.7s); resolvers may still hold the old RRset, "
		       "so wait %ld x max(TTL %lds, resolver-min-ttl %lds) + "
		       "SOA refresh %lds = %s and deploy it after %s%s",
		       display_name(ctx, h->name), k->description, k->file,
		       format_duration(ctx, age), display_name(ctx, set->owner),
		       format_utc(ctx, pub->since), pub->commit,
		       ctx->settings->prepublish_ttls, w.ttl,
		       ctx->settings->resolver_min_ttl, w.refresh,
		       format_duration(ctx, w.total),
		       format_utc(ctx, pub->since + w.total),
		       pub->truncated ? "; the history is cut by a shallow "
		       "clone, so the record may be older" : "");
}

/* Checks one new current key: its earliest-published matching record. */
static void check_new_key(struct lint_ctx *ctx, const struct rule *rule,
			  const struct host *h, const struct tlsa_set *set,
			  const struct key *k)
{
	struct publication best = { 0 }, pub;
	bool matched = false;
	size_t i;

	for (i = 0; i < set->count; i++) {
		const struct record *r = set->records[i];

		if (!tlsa_matches_key(r, k))
			continue;
		published_since(ctx, r, k, &pub);
		if (!matched || pub.since < best.since)
			best = pub;
		matched = true;
	}
	if (matched)
		report_early(ctx, rule, h, set, k, &best);
}

static int check_too_early(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct host *before = model_host(ctx->base, h->name);
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);

		if (!before || !set)
			continue;
		for (j = 0; j < h->key_count; j++)
			if (h->keys[j].role == KEY_CURRENT &&
			    !has_key(before, &h->keys[j], KEY_CURRENT))
				check_new_key(ctx, rule, h, set, &h->keys[j]);
	}
	return 0;
}

/*
 * The host (after the change) that deploys a key matching r and still
 * publishes TLSA records at r's owner, or NULL. Withdrawing a host's whole
 * RRset turns DANE off for it, which breaks no delivery.
 */
static const struct host *live_user(const struct model *m,
				    const struct record *r)
{
	size_t i, j;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);

		if (!set || strcmp(set->owner, r->owner) != 0)
			continue;
		for (j = 0; j < h->key_count; j++)
			if (h->keys[j].role == KEY_CURRENT &&
			    tlsa_matches_key(r, &h->keys[j]))
				return h;
	}
	return NULL;
}

/* Returns the location for a removed record: the rest of its RRset, the
 * SOA of its zone, or the first line of the zone file. */
static struct finding_loc removed_loc(const struct model *m,
				      const struct record *gone)
{
	const struct tlsa_set *set = model_tlsa_set(m, gone->owner);
	size_t i;

	if (set)
		return loc_record(set->records[0]);
	for (i = 0; i < m->zone_count; i++)
		if (strcmp(m->zones[i].file, gone->zone->file) == 0 &&
		    m->zones[i].soa)
			return loc_record(m->zones[i].soa);
	return loc_file(gone->zone->file);
}

static int check_live_removed(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *base = ctx->base, *m = ctx->model;
	size_t i, j;

	for (i = 0; i < base->tlsa_set_count; i++) {
		const struct tlsa_set *bs = &base->tlsa_sets[i];
		const struct tlsa_set *now = model_tlsa_set(m, bs->owner);

		for (j = 0; j < bs->count; j++) {
			const struct record *r = bs->records[j];
			const struct host *h;
			struct finding_loc loc;

			if (set_holds(now, r) || !(h = live_user(m, r)))
				continue;
			loc = removed_loc(m, r);
			loc.host = h->name;
			loc.owner = r->owner;
			report_finding(ctx, rule, &loc, "%s: the change removes "
				       "'%s' from %s, but the host still "
				       "deploys its key; keep the record until "
				       "the new key is deployed",
				       display_name(ctx, h->name),
				       tlsa_short(ctx, r),
				       display_name(ctx, r->owner));
		}
	}
	return 0;
}

/* Reports a domain whose MX hosts (two or more) all change keys. */
static void check_domain(struct lint_ctx *ctx, const struct rule *rule,
			 const struct record *const *mx, size_t count)
{
	struct finding_loc loc = loc_record(mx[0]);
	size_t i;

	if (count < 2)
		return;
	for (i = 0; i < count; i++) {
		const char *name = mx[i]->u.mx.exchange;
		const struct host *h = name ? model_host(ctx->model, name) : NULL;
		const struct host *b = name ? model_host(ctx->base, name) : NULL;

		if (!h || !b || !deploys_new_key(h, b))
			return;
	}
	loc.domain = mx[0]->owner;
	report_finding(ctx, rule, &loc, "the change deploys new keys on every "
		       "MX host of '%s' at once, so one mistake stops all mail "
		       "to the domain; roll the hosts over in separate steps",
		       display_name(ctx, mx[0]->owner));
}

static int check_all_at_once(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->mx_set_count; i++)
		check_domain(ctx, rule, m->mx_sets[i].records,
			     m->mx_sets[i].count);
	return 0;
}

/* RFC 1982, section 3.2: is serial a greater than serial b? */
static bool serial_gt(uint32_t a, uint32_t b)
{
	return (b < a && a - b < 0x80000000U) ||
	       (b > a && b - a > 0x80000000U);
}

static const struct zone *zone_by_file(const struct model *m, const char *file)
{
	size_t i;

	for (i = 0; i < m->zone_count; i++)
		if (strcmp(m->zones[i].file, file) == 0)
			return &m->zones[i];
	return NULL;
}

static int check_serial(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->zone_count; i++) {
		const struct zone *z = &m->zones[i];
		const struct zone *b = zone_by_file(ctx->base, z->file);
		struct finding_loc loc;
		uint32_t now, was;

		if (!b || !z->soa || !b->soa || z->content_hash == b->content_hash)
			continue;
		now = z->soa->u.soa->serial;
		was = b->soa->u.soa->serial;
		if (serial_gt(now, was))
			continue;
		loc = loc_record(z->soa);
		loc.domain = z->origin;
		report_finding(ctx, rule, &loc, "zone '%s' changed but its SOA "
			       "serial %s (%u, was %u), so secondaries keep "
			       "serving the old zone; increase the serial",
			       display_name(ctx, z->origin),
			       now == was ? "did not change" : "went backwards",
			       now, was);
	}
	return 0;
}

const struct rule rule_rollover_too_early = {
	.id = "rollover-too-early",
	.severity = SEV_ERROR,
	.scope = SCOPE_CHANGE,
	.summary = "a new key deployed before its TLSA record was published "
		   "long enough",
	.check = check_too_early,
};

const struct rule rule_rollover_live_tlsa_removed = {
	.id = "rollover-live-tlsa-removed",
	.severity = SEV_ERROR,
	.scope = SCOPE_CHANGE,
	.summary = "a removed TLSA record that matches a key still deployed",
	.check = check_live_removed,
};

const struct rule rule_rollover_all_mx_at_once = {
	.id = "rollover-all-mx-at-once",
	.severity = SEV_WARNING,
	.scope = SCOPE_CHANGE,
	.summary = "new keys on every MX host of a domain in one change",
	.check = check_all_at_once,
};

const struct rule rule_soa_serial_not_incremented = {
	.id = "soa-serial-not-incremented",
	.severity = SEV_ERROR,
	.scope = SCOPE_CHANGE,
	.summary = "zone content changed but the SOA serial did not increase",
	.check = check_serial,
};
