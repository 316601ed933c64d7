/* SPDX-License-Identifier: BSD-3-Clause */
/* host-tlsa-missing: hosts with certificates but no TLSA RRset. */
#include "rules.h"

/* The first current key of h, or its first key of any role. */
static const struct key *first_key(const struct host *h)
{
	size_t i;

	for (i = 0; i < h->key_count; i++)
		if (h->keys[i].role == KEY_CURRENT)
			return &h->keys[i];
	return h->key_count ? &h->keys[0] : NULL;
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct key *k = first_key(h);
		struct finding_loc loc;

		if (!k || model_tlsa_for_host(m, h->name, 25))
			continue;
		loc = loc_file(k->file);
		loc.host = h->name;
		if (!model_zone_for(m, h->name)) {
			report_finding(ctx, rule, &loc, "no loaded zone contains "
				       "'%s', whose certificates are in '%s'; "
				       "check the directory name, or load the "
				       "zone that holds the host",
				       display_name(ctx, h->name), h->dir);
			continue;
		}
		report_finding(ctx, rule, &loc, "'%s' has certificates in '%s' "
			       "but no TLSA records at _25._tcp.%s, so senders "
			       "do not use DANE for it; publish '3 1 1' records "
			       "for its current and next keys, or check the "
			       "owner name of its records",
			       display_name(ctx, h->name), h->dir,
			       display_name(ctx, h->name));
	}
	return 0;
}

const struct rule rule_host_tlsa_missing = {
	.id = "host-tlsa-missing",
	.severity = SEV_WARNING,
	.scope = SCOPE_CERT,
	.summary = "a host of the certificate directory without a TLSA RRset "
		   "at _25._tcp.HOST in the loaded zones",
	.check = check,
};
