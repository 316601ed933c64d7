/* SPDX-License-Identifier: BSD-3-Clause */
/* dane-ta-name: a DANE-TA(2) host whose leaf names neither it nor a
 * next-hop domain. */
#include "rules.h"

/* Does a DNS name of leaf match name? The subject CN counts only when the
 * certificate has no subjectAltName dNSName (RFC 6125, section 6.4.4). */
static bool leaf_names(const struct cert_info *leaf, const char *name)
{
	size_t i;

	if (leaf->dns_name_count == 0)
		return leaf->common_name &&
		       cert_name_matches(leaf->common_name, name);
	for (i = 0; i < leaf->dns_name_count; i++)
		if (cert_name_matches(leaf->dns_names[i], name))
			return true;
	return false;
}

/* "names 'a', 'b'", "names only the CN 'a'" or "names no DNS name". */
static void describe_leaf(struct strbuf *sb, const struct cert_info *leaf)
{
	size_t i;

	if (leaf->dns_name_count == 0) {
		if (leaf->common_name)
			strbuf_addf(sb, "names only the subject CN '%s'",
				    leaf->common_name);
		else
			strbuf_addstr(sb, "names no DNS name");
		return;
	}
	strbuf_addstr(sb, "names ");
	for (i = 0; i < leaf->dns_name_count; i++)
		strbuf_addf(sb, "%s'%s'", i ? ", " : "", leaf->dns_names[i]);
}

/* " nor the next-hop domain 'example.net'", or "" without one. */
static void describe_hops(struct lint_ctx *ctx, struct strbuf *sb,
			  const char *const *hops, size_t count)
{
	size_t i;

	if (count == 0)
		return;
	strbuf_addf(sb, " nor the next-hop domain%s ", count > 1 ? "s" : "");
	for (i = 0; i < count; i++)
		strbuf_addf(sb, "%s'%s'", i ? ", " : "",
			    display_name(ctx, hops[i]));
}

static void report_chain(struct lint_ctx *ctx, const struct rule *rule,
			 const struct host *h, const struct tlsa_set *set,
			 const struct chain *c, const char *const *hops,
			 size_t hop_count)
{
	struct finding_loc loc = loc_file(c->file);
	const char *host = display_name(ctx, h->name);
	struct strbuf what;

	strbuf_init(&what);
	describe_leaf(&what, &c->certs[0]);
	strbuf_addf(&what, " but %s the TLSA base domain '%s'",
		    hop_count ? "neither" : "not", host);
	describe_hops(ctx, &what, hops, hop_count);
	loc.host = h->name;
	loc.owner = set->owner;
	report_finding(ctx, rule, &loc, "%s: the certificate in '%s' %s, so "
		       "senders that match it with the DANE-TA(2) records at "
		       "'%s' reject it; get a "
		       "certificate that names '%s', or publish '3 1 1' "
		       "records for its key", host, c->file, strbuf_str(&what),
		       display_name(ctx, set->owner), host);
	strbuf_release(&what);
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j, k;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);
		const char *const *hops;
		size_t hop_count;

		if (!set || !tlsa_set_has_usage(set, 2))
			continue;
		hop_count = host_next_hops(ctx, h, &hops);
		for (j = 0; j < h->chain_count; j++) {
			const struct chain *c = &h->chains[j];
			bool named = c->count && leaf_names(&c->certs[0], h->name);

			for (k = 0; k < hop_count && !named; k++)
				named = leaf_names(&c->certs[0], hops[k]);
			if (c->count && !named)
				report_chain(ctx, rule, h, set, c, hops,
					     hop_count);
		}
	}
	return 0;
}

const struct rule rule_dane_ta_name = {
	.id = "dane-ta-name",
	.severity = SEV_ERROR,
	.scope = SCOPE_CERT,
	.summary = "a DANE-TA(2) host whose certificate names neither the "
		   "host nor a next-hop domain",
	.check = check,
};
