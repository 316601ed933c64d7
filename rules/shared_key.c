/* SPDX-License-Identifier: BSD-3-Clause */
/* shared-key-all-mx: every MX host of a domain runs the same key. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/* CNAME chains longer than this are treated as loops. */
#define MAX_ALIAS_DEPTH 8

/* Returns the host of an MX exchange, following CNAMEs to the TLSA base
 * domain, or NULL when no host directory has that name. */
static const struct host *exchange_host(const struct model *m,
					const char *name)
{
	size_t depth;

	for (depth = 0; depth <= MAX_ALIAS_DEPTH && name; depth++) {
		const struct host *h = model_host(m, name);
		const struct record *const *rr;

		if (h)
			return h;
		if (!model_find(m, name, RR_CNAME, &rr))
			return NULL;
		name = rr[0]->u.cname.target;
	}
	return NULL;
}

/* Returns the deployed key of h with this SPKI, or NULL. */
static const struct key *deployed_key(const struct host *h,
				      const struct key *like)
{
	size_t i;

	for (i = 0; i < h->key_count; i++) {
		const struct key *k = &h->keys[i];

		if (k->chain && k->spki_len == like->spki_len &&
		    memcmp(k->spki, like->spki, k->spki_len) == 0)
			return k;
	}
	return NULL;
}

/* Returns the wildcard name ("*.example.net") of k's certificate when
 * every host deploys that very certificate, or NULL. */
static const char *same_wildcard(const struct host *const *hosts,
				 size_t count, const struct key *k)
{
	const struct cert_info *c = k->cert;
	const char *wildcard = NULL;
	size_t i;

	for (i = 0; c && i < c->dns_name_count && !wildcard; i++)
		if (strncmp(c->dns_names[i], "*.", 2) == 0)
			wildcard = c->dns_names[i];
	for (i = 1; wildcard && i < count; i++) {
		const struct key *other = deployed_key(hosts[i], k);

		if (!other || !other->cert ||
		    other->cert->der_len != c->der_len ||
		    memcmp(other->cert->der, c->der, c->der_len) != 0)
			return NULL;
	}
	return wildcard;
}

/* Returns a deployed key of hosts[0] that every other host deploys too. */
static const struct key *shared_key(const struct host *const *hosts,
				    size_t count)
{
	size_t i, j;

	for (i = 0; i < hosts[0]->key_count; i++) {
		const struct key *k = &hosts[0]->keys[i];
		bool everywhere = k->chain != NULL;

		for (j = 1; everywhere && j < count; j++)
			everywhere = deployed_key(hosts[j], k) != NULL;
		if (everywhere)
			return k;
	}
	return NULL;
}

/* Collects the distinct hosts of the MX records, or returns 0 when an MX
 * host has no host directory or no deployed chain. */
static size_t mx_hosts(const struct model *m, const struct record *const *mx,
		       size_t count, const struct host **hosts)
{
	size_t i, j, n = 0;

	for (i = 0; i < count; i++) {
		const struct host *h = exchange_host(m, mx[i]->u.mx.exchange);

		if (!h || !h->chain_count)
			return 0;
		for (j = 0; j < n && hosts[j] != h; j++)
			;
		if (j == n)
			hosts[n++] = h;
	}
	return n;
}

static void check_domain(struct lint_ctx *ctx, const struct rule *rule,
			 const struct record *const *mx, size_t count)
{
	const struct host **hosts = xcalloc(count, sizeof(*hosts));
	struct finding_loc loc = loc_record(mx[0]);
	size_t n = mx_hosts(ctx->model, mx, count, hosts), i;
	const struct key *k = n >= 2 ? shared_key(hosts, n) : NULL;
	const char *wildcard;
	struct strbuf names;

	if (!k) {
		free(hosts);
		return;
	}
	strbuf_init(&names);
	for (i = 0; i < n; i++)
		strbuf_addf(&names, "%s'%s'", i ? ", " : "",
			    display_name(ctx, hosts[i]->name));
	loc.domain = mx[0]->owner;
	loc.digest = key_digest_hex(ctx, k);
	wildcard = same_wildcard(hosts, n, k);
	if (wildcard)
		report_finding(ctx, rule, &loc, "every MX host of '%s' (%s) "
			       "deploys the same wildcard certificate for '%s', "
			       "so one leaked key or one botched rollover "
			       "breaks mail to the domain on all of them at "
			       "once; give each host its own key and "
			       "certificate",
			       display_name(ctx, mx[0]->owner),
			       strbuf_str(&names), wildcard);
	else
		report_finding(ctx, rule, &loc, "every MX host of '%s' (%s) "
			       "deploys the same key (%s, '3 1 1 %s'), so one "
			       "leaked key or one botched rollover breaks mail "
			       "to the domain on all of them at once; give each "
			       "host its own key", display_name(ctx, mx[0]->owner),
			       strbuf_str(&names), k->description, loc.digest);
	strbuf_release(&names);
	free(hosts);
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->mx_set_count; i++) {
		const struct mx_set *set = &m->mx_sets[i];

		if (!set->null_mx)
			check_domain(ctx, rule, set->records, set->count);
	}
	return 0;
}

const struct rule rule_shared_key_all_mx = {
	.id = "shared-key-all-mx",
	.severity = SEV_WARNING,
	.scope = SCOPE_CERT,
	.summary = "every MX host of a domain deploys the same key or the "
		   "same wildcard certificate",
	.check = check,
};
