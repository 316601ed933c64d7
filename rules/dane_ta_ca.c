/* SPDX-License-Identifier: BSD-3-Clause */
/* dane-ta-retired-ca and dane-ta-incomplete-set: DANE-TA(2) records and
 * chains checked against built-in data about public CAs. */
#include "rules.h"

#include <string.h>

#include "ca_data.h"

static void report_retired(struct lint_ctx *ctx, const struct rule *rule,
			   const struct host *h, const struct chain *c,
			   const struct cert_info *ca)
{
	const struct retired_ca *retired = retired_ca_find(ca);
	struct finding_loc loc = loc_file(c->file);
	const char *host = display_name(ctx, h->name);

	loc.host = h->name;
	if (retired && ctx->now >= retired->retired_at) {
		report_finding(ctx, rule, &loc, "%s: '%s' sends the CA "
			       "certificate of '%s', retired on %s: %s; deploy "
			       "the chain your CA issues now, and replace "
			       "DANE-TA(2) records that pin this CA",
			       host, c->file, retired->name,
			       utc_date(ctx, retired->retired_at),
			       retired->reason);
		return;
	}
	if (ca->is_ca && ca->not_after < ctx->now)
		report_finding(ctx, rule, &loc, "%s: '%s' sends the CA "
			       "certificate '%s', which expired on %s, so no "
			       "chain through it verifies; deploy the CA's "
			       "current certificate, and replace DANE-TA(2) "
			       "records that pin this one",
			       host, c->file, ca->subject,
			       utc_date(ctx, ca->not_after));
}

static int check_retired(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j, k;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);

		if (!set || !tlsa_set_has_usage(set, 2))
			continue;
		for (j = 0; j < h->chain_count; j++)
			for (k = 1; k < h->chains[j].count; k++)
				report_retired(ctx, rule, h, &h->chains[j],
					       &h->chains[j].certs[k]);
	}
	return 0;
}

/* Does the certificate c belong to member's key? */
static bool member_cert(const struct ca_member *member,
			const struct cert_info *c)
{
	char hex[65];

	hex_encode(hex, c->spki_sha256, sizeof(c->spki_sha256));
	return strcmp(hex, member->spki_sha256) == 0;
}

/* Does a certificate of the certificate directory that r matches belong
 * to member? This finds the pins whose data the table does not hold. */
static bool pins_known_cert(const struct model *m, const struct record *r,
			    const struct ca_member *member)
{
	size_t i, j, k;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];

		for (j = 0; j < h->chain_count; j++)
			for (k = 0; k < h->chains[j].count; k++)
				if (tlsa_matches_cert(r, &h->chains[j].certs[k]) &&
				    member_cert(member, &h->chains[j].certs[k]))
					return true;
		for (j = 0; j < h->ca_cert_count; j++)
			if (tlsa_matches_cert(r, &h->ca_certs[j]) &&
			    member_cert(member, &h->ca_certs[j]))
				return true;
	}
	return false;
}

/* Does the DANE-TA(2) record r pin member: "2 1 1" of its key, "2 0 1" of
 * one of its certificates, or any record matching such a certificate in
 * the certificate directory? */
static bool pins_member(const struct model *m, const struct record *r,
			const struct ca_member *member)
{
	char hex[65];
	size_t i;

	if (r->u.tlsa.usage != 2)
		return false;
	if (r->u.tlsa.mtype == 1 && r->u.tlsa.len == 32) {
		hex_encode(hex, r->u.tlsa.data, 32);
		if (r->u.tlsa.selector == 1 &&
		    strcmp(hex, member->spki_sha256) == 0)
			return true;
		for (i = 0; r->u.tlsa.selector == 0 && member->cert_sha256[i];
		     i++)
			if (strcmp(hex, member->cert_sha256[i]) == 0)
				return true;
	}
	return pins_known_cert(m, r, member);
}

/* Returns the first record of set that pins member, or NULL. */
static const struct record *member_pin(const struct model *m,
				       const struct tlsa_set *set,
				       const struct ca_member *member)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		if (pins_member(m, set->records[i], member))
			return set->records[i];
	return NULL;
}

/* Reports the members of one key type that set leaves out, when it pins
 * another member of that type. */
static void check_key_type(struct lint_ctx *ctx, const struct rule *rule,
			   const struct tlsa_set *set,
			   const struct ca_family *family, const char *type)
{
	const struct record *first = NULL;
	struct strbuf pinned, missing, records;
	size_t i;

	strbuf_init(&pinned);
	strbuf_init(&missing);
	strbuf_init(&records);
	for (i = 0; i < family->member_count; i++) {
		const struct ca_member *member = &family->members[i];
		const struct record *pin;

		if (strcmp(member->key_type, type) != 0)
			continue;
		pin = member_pin(ctx->model, set, member);
		if (pin && !first)
			first = pin;
		if (pin) {
			strbuf_addf(&pinned, "%s'%s'", pinned.len ? ", " : "",
				    member->name);
			continue;
		}
		strbuf_addf(&missing, "%s'%s'", missing.len ? ", " : "",
			    member->name);
		strbuf_addf(&records, "%s'2 1 1 %s' for '%s'",
			    records.len ? " and " : "", member->spki_sha256,
			    member->name);
	}
	if (first && missing.len) {
		struct finding_loc loc = loc_record(first);

		report_finding(ctx, rule, &loc, "'%s' pins the %s %s "
			       "intermediate %s but not %s, and %s picks among "
			       "them at random for each certificate (list "
			       "checked %s), so "
			       "the next certificate can fail these records; "
			       "publish %s", display_name(ctx, set->owner),
			       family->name, type, strbuf_str(&pinned),
			       strbuf_str(&missing), family->name,
			       family->checked, strbuf_str(&records));
	}
	strbuf_release(&pinned);
	strbuf_release(&missing);
	strbuf_release(&records);
}

static int check_incomplete(struct lint_ctx *ctx, const struct rule *rule)
{
	static const char *const types[] = { "RSA", "ECDSA" };
	const struct model *m = ctx->model;
	size_t i, j, k;

	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];

		if (!tlsa_set_has_usage(set, 2))
			continue;
		for (j = 0; j < ca_family_count; j++)
			for (k = 0; k < ARRAY_SIZE(types); k++)
				check_key_type(ctx, rule, set,
					       &ca_families[j], types[k]);
	}
	return 0;
}

const struct rule rule_dane_ta_retired_ca = {
	.id = "dane-ta-retired-ca",
	.severity = SEV_WARNING,
	.scope = SCOPE_CERT,
	.summary = "a DANE-TA(2) host whose chain lists an expired or "
		   "retired CA certificate",
	.check = check_retired,
};

const struct rule rule_dane_ta_incomplete_set = {
	.id = "dane-ta-incomplete-set",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "DANE-TA(2) records that pin some, not all, of the "
		   "intermediates a CA issues from at random",
	.check = check_incomplete,
};
