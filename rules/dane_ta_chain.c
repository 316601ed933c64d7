/* SPDX-License-Identifier: BSD-3-Clause */
/* dane-ta-ca-missing: DANE-TA(2) records that no CA certificate of the
 * chain the server sends matches. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/* Issuer chains longer than this are treated as loops. */
#define MAX_CHAIN_DEPTH 8

/* The CA certificates of the certificate directory, in one list. */
struct ca_pool {
	const struct cert_info **certs;
	size_t count;
	size_t alloc;
};

static void collect_cas(const struct model *m, struct ca_pool *pool)
{
	size_t i, j, k;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];

		for (j = 0; j < h->chain_count; j++)
			for (k = 0; k < h->chains[j].count; k++)
				if (h->chains[j].certs[k].is_ca)
					*ARRAY_PUSH(pool->certs, pool->count,
						    pool->alloc) =
						&h->chains[j].certs[k];
		for (j = 0; j < h->ca_cert_count; j++)
			*ARRAY_PUSH(pool->certs, pool->count, pool->alloc) =
				&h->ca_certs[j];
	}
}

/* Can r match a certificate: usage 2, selector 0 or 1, and a digest of
 * the length its matching type has (RFC 6698, section 2.1.3)? */
static bool usable_ta(const struct record *r)
{
	const size_t len = r->u.tlsa.len;

	if (r->u.tlsa.usage != 2 || r->u.tlsa.selector > 1 || !len)
		return false;
	return r->u.tlsa.mtype == 0 || (r->u.tlsa.mtype == 1 && len == 32) ||
	       (r->u.tlsa.mtype == 2 && len == 64);
}

/* Does a usable DANE-TA record of set match a certificate of c? One that
 * matches the leaf itself leaves the verdict to tlsa-current-key-unmatched. */
static bool set_matches_chain(const struct tlsa_set *set,
			      const struct chain *c)
{
	size_t i, j;

	for (i = 0; i < set->count; i++)
		for (j = 0; j < c->count; j++)
			if (usable_ta(set->records[i]) &&
			    tlsa_matches_cert(set->records[i], &c->certs[j]))
				return true;
	return false;
}

/* Did ca issue the top of c, directly or through CAs of the pool? The
 * names are compared as text, without checking signatures. */
static bool above_chain(const struct ca_pool *pool,
			const struct cert_info *ca, const struct chain *c)
{
	const struct cert_info *top = &c->certs[c->count - 1];
	size_t depth, i;

	for (depth = 0; depth < MAX_CHAIN_DEPTH; depth++) {
		const struct cert_info *next = NULL;

		if (strcmp(top->issuer, top->subject) == 0)
			return false;
		if (strcmp(ca->subject, top->issuer) == 0)
			return true;
		for (i = 0; i < pool->count && !next; i++)
			if (strcmp(pool->certs[i]->subject, top->issuer) == 0)
				next = pool->certs[i];
		if (!next)
			return false;
		top = next;
	}
	return false;
}

/* Finds a record of set and a CA of the pool above c that it matches. */
static const struct cert_info *find_pinned_ca(const struct ca_pool *pool,
					      const struct tlsa_set *set,
					      const struct chain *c,
					      const struct record **pin)
{
	size_t i, j;

	for (i = 0; i < set->count; i++) {
		if (!usable_ta(set->records[i]))
			continue;
		for (j = 0; j < pool->count; j++)
			if (tlsa_matches_cert(set->records[i],
					      pool->certs[j]) &&
			    above_chain(pool, pool->certs[j], c)) {
				*pin = set->records[i];
				return pool->certs[j];
			}
	}
	return NULL;
}

/* Describes the CA above c: "the next one up is 'CN=root', the issuer of
 * 'CN=intermediate'". */
static const char *next_ca(struct lint_ctx *ctx, const struct chain *c)
{
	const struct cert_info *top = &c->certs[c->count - 1];

	if (strcmp(top->issuer, top->subject) == 0)
		return ctx_printf(ctx, "the chain ends at the self-signed "
				  "'%s'", top->subject);
	return ctx_printf(ctx, "the next one up is '%s', the issuer of '%s'",
			  top->issuer, top->subject);
}

static void check_chain(struct lint_ctx *ctx, const struct rule *rule,
			const struct ca_pool *pool, const struct host *h,
			const struct tlsa_set *set, const struct chain *c)
{
	struct finding_loc loc = loc_file(c->file);
	const struct record *pin = NULL;
	const struct cert_info *ca;

	if (c->count == 0 || set_matches_chain(set, c))
		return;
	loc.host = h->name;
	loc.owner = set->owner;
	ca = find_pinned_ca(pool, set, c, &pin);
	if (ca) {
		report_finding(ctx, rule, &loc, "%s: the CA certificate '%s' "
			       "that '%s' pins is in '%s' but not in '%s', the "
			       "chain the server sends, so senders cannot "
			       "match the record; append the CA certificate "
			       "to '%s' and deploy it",
			       display_name(ctx, h->name), ca->subject,
			       tlsa_short(ctx, pin), ca->file, c->file,
			       c->file);
		return;
	}
	report_finding(ctx, rule, &loc, "%s: no DANE-TA(2) record at '%s' "
		       "matches a CA certificate of '%s', the chain the server "
		       "sends, so senders cannot match them; add the CA "
		       "certificate they pin to that file (%s), or publish a "
		       "record for a CA the chain holds",
		       display_name(ctx, h->name),
		       display_name(ctx, set->owner), c->file,
		       next_ca(ctx, c));
}

static bool has_usable_ta(const struct tlsa_set *set)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		if (usable_ta(set->records[i]))
			return true;
	return false;
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	struct ca_pool pool = { NULL, 0, 0 };
	size_t i, j;

	collect_cas(m, &pool);
	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);

		if (!set || !has_usable_ta(set))
			continue;
		for (j = 0; j < h->chain_count; j++)
			check_chain(ctx, rule, &pool, h, set, &h->chains[j]);
	}
	free(pool.certs);
	return 0;
}

const struct rule rule_dane_ta_ca_missing = {
	.id = "dane-ta-ca-missing",
	.severity = SEV_ERROR,
	.scope = SCOPE_CERT,
	.summary = "DANE-TA(2) records that match no CA certificate of the "
		   "chain the server sends",
	.check = check,
};
