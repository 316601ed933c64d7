/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-stale: records that match no current or next key. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/*
 * Does r match a key of h, or (usage 2) a certificate of a deployed chain
 * or a CA certificate of h's directory? A CA the server does not send is
 * dane-ta-ca-missing's finding, not a stale record.
 */
static bool record_in_use(const struct record *r, const struct host *h)
{
	size_t i, j;

	for (i = 0; r->u.tlsa.usage == 2 && i < h->ca_cert_count; i++)
		if (tlsa_matches_cert(r, &h->ca_certs[i]))
			return true;
	for (i = 0; i < h->key_count; i++)
		if (tlsa_matches_key(r, &h->keys[i]))
			return true;
	for (i = 0; i < h->chain_count; i++)
		for (j = 0; j < h->chains[i].count; j++)
			if (tlsa_matches_cert(r, &h->chains[i].certs[j]))
				return true;
	return false;
}

/* Does a file of h's directory hold something danelint could not read? A
 * record may then belong to the key in it. */
static bool has_problem(const struct model *m, const struct host *h)
{
	size_t i, n = strlen(h->dir);

	for (i = 0; i < m->cert_problem_count; i++)
		if (strncmp(m->cert_problems[i].file, h->dir, n) == 0 &&
		    m->cert_problems[i].file[n] == '/')
			return true;
	return false;
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	/* Per TLSA RRset: 1 when some host reaches it, then per record. */
	bool *reached = xcalloc(m->tlsa_set_count + 1, sizeof(bool));
	bool *used = xcalloc(m->record_count + 1, sizeof(bool));
	size_t i, j;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);

		if (!set || !h->key_count || has_problem(m, h))
			continue;
		reached[set - m->tlsa_sets] = true;
		for (j = 0; j < set->count; j++)
			if (record_in_use(set->records[j], h))
				used[set->records[j] - m->records] = true;
	}
	for (i = 0; i < m->tlsa_set_count; i++) {
		const struct tlsa_set *set = &m->tlsa_sets[i];

		for (j = 0; reached[i] && j < set->count; j++) {
			const struct record *r = set->records[j];
			struct finding_loc loc = loc_record(r);

			if (used[r - m->records])
				continue;
			report_finding(ctx, rule, &loc, "'%s' at '%s' matches no "
				       "current or next key in the certificate "
				       "directory; remove it once no deployed "
				       "server uses its key",
				       tlsa_short(ctx, r),
				       display_name(ctx, r->owner));
		}
	}
	free(reached);
	free(used);
	return 0;
}

const struct rule rule_tlsa_stale = {
	.id = "tlsa-stale",
	.severity = SEV_NOTE,
	.scope = SCOPE_CERT,
	.summary = "a TLSA record that matches no current or next key",
	.check = check,
};
