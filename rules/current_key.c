/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-current-key-unmatched and domain-all-mx-unmatched. */
#include "rules.h"

#include <string.h>

#include "dane.h"

static const struct key *chain_key(const struct host *h, const struct chain *c)
{
	size_t i;

	for (i = 0; i < h->key_count; i++)
		if (h->keys[i].chain == c)
			return &h->keys[i];
	return NULL;
}

static void report_chain(struct lint_ctx *ctx, const struct rule *rule,
			 const struct host *h, const struct tlsa_set *set,
			 const struct chain *c, const struct dane_result *res)
{
	const struct key *k = chain_key(h, c);
	struct finding_loc loc = loc_tlsa_set(set);
	const char *key = k ? ctx_printf(ctx, "%s, %s", k->description, c->file)
			    : c->file;

	loc.host = h->name;
	loc.digest = k ? key_digest_hex(ctx, k) : NULL;
	if (res->agility_hidden) {
		report_finding(ctx, rule, &loc, "%s: deployed key (%s) matches "
			       "only a '3 1 1' record at %s, and the '3 1 2' "
			       "records there make clients that prefer SHA-512 "
			       "ignore it (RFC 7671, section 9); publish a "
			       "'3 1 2' record for this key or remove the "
			       "'3 1 2' records", display_name(ctx, h->name),
			       key, display_name(ctx, set->owner));
		return;
	}
	if (!strstr(res->reason, "no matching DANE TLSA records")) {
		report_finding(ctx, rule, &loc, "%s: deployed chain (%s) fails "
			       "DANE verification against the TLSA records at "
			       "%s: %s; fix the chain or the records before "
			       "validating senders stop delivering",
			       display_name(ctx, h->name), key,
			       display_name(ctx, set->owner), res->reason);
		return;
	}
	report_finding(ctx, rule, &loc, "%s: deployed key (%s) matches no "
		       "TLSA record at %s (%s); redeploy a key that a record "
		       "matches, or publish '3 1 1 %s' now and expect "
		       "failures until cached TLSA records expire",
		       display_name(ctx, h->name), key,
		       display_name(ctx, set->owner), res->reason,
		       loc.digest ? loc.digest : "<digest>");
}

static int check_current(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);
		const char *const *hops;
		size_t hop_count;

		if (!set)
			continue;
		hop_count = host_next_hops(ctx, h, &hops);
		for (j = 0; j < h->chain_count; j++) {
			struct dane_result res;

			if (dane_verify_names(&h->chains[j], h->name, hops,
					      hop_count, set, true, ctx->now,
					      &res) < 0)
				return -1;
			/* With no usable record senders fall back to
			 * unauthenticated TLS (RFC 7672, section 2.2), and
			 * tlsa-pkix-usage reports the records. */
			if (!res.verified && !strstr(res.reason, "no usable"))
				report_chain(ctx, rule, h, set, &h->chains[j],
					     &res);
		}
	}
	return 0;
}

/* Reports a domain once when all of its MX hosts fail verification. */
static void check_domain(struct lint_ctx *ctx, const struct rule *rule,
			 const struct record *const *mx, size_t count)
{
	struct strbuf hosts;
	struct finding_loc loc = loc_record(mx[0]);
	size_t i;

	for (i = 0; i < count; i++) {
		const struct host *h = mx[i]->u.mx.exchange
			? model_host(ctx->model, mx[i]->u.mx.exchange) : NULL;

		if (!h || host_verdict(ctx, h) != HOST_UNMATCHED)
			return;
	}
	strbuf_init(&hosts);
	for (i = 0; i < count; i++)
		strbuf_addf(&hosts, "%s'%s'", i ? ", " : "",
			    display_name(ctx, mx[i]->u.mx.exchange));
	loc.domain = mx[0]->owner;
	report_finding(ctx, rule, &loc, "no deployed chain of any MX host of "
		       "'%s' (%s) verifies against its TLSA records, so "
		       "validating senders cannot deliver any mail to the "
		       "domain; fix the TLSA records or the deployed keys now",
		       display_name(ctx, mx[0]->owner), strbuf_str(&hosts));
	strbuf_release(&hosts);
}

static int check_all_mx(struct lint_ctx *ctx, const struct rule *rule)
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

const struct rule rule_tlsa_current_key_unmatched = {
	.id = "tlsa-current-key-unmatched",
	.severity = SEV_ERROR,
	.scope = SCOPE_CERT,
	.summary = "a deployed chain that the host's TLSA RRset does not "
		   "accept (OpenSSL's DANE verifier)",
	.check = check_current,
};

const struct rule rule_domain_all_mx_unmatched = {
	.id = "domain-all-mx-unmatched",
	.severity = SEV_ERROR,
	.scope = SCOPE_CERT,
	.summary = "every MX host of a domain fails tlsa-current-key-unmatched",
	.check = check_all_mx,
};
