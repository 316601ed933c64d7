/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the rules: record text, key digests, host verdicts. */
#include "rules.h"

#include <string.h>

#include "dane.h"

const char *tlsa_short(struct lint_ctx *ctx, const struct record *r)
{
	char hex[13];
	size_t n = r->u.tlsa.len > 6 ? 6 : r->u.tlsa.len;

	hex_encode(hex, r->u.tlsa.data, n);
	return ctx_printf(ctx, "%u %u %u %s%s", r->u.tlsa.usage,
			  r->u.tlsa.selector, r->u.tlsa.mtype, hex,
			  r->u.tlsa.len > 6 ? "..." : "");
}

const char *key_digest_hex(struct lint_ctx *ctx, const struct key *k)
{
	char hex[65];

	hex_encode(hex, k->spki_sha256, sizeof(k->spki_sha256));
	return ctx_printf(ctx, "%s", hex);
}

size_t host_index(const struct lint_ctx *ctx, const struct host *h)
{
	return (size_t)(h - ctx->model->hosts);
}

struct finding_loc loc_tlsa_set(const struct tlsa_set *set)
{
	return loc_record(set->records[0]);
}

enum host_verdict host_verdict(struct lint_ctx *ctx, const struct host *h)
{
	enum host_verdict *v = &ctx->host_verdicts[host_index(ctx, h)];
	const struct tlsa_set *set;
	size_t i;

	if (*v != HOST_UNKNOWN)
		return *v;
	set = model_tlsa_for_host(ctx->model, h->name, 25);
	*v = HOST_NOT_CHECKED;
	if (!set || !h->chain_count)
		return *v;
	/* Unmatched only when every chain fails: a host with an RSA and an
	 * ECDSA chain still takes mail from senders offered the good one. */
	*v = HOST_UNMATCHED;
	for (i = 0; i < h->chain_count; i++) {
		struct dane_result res;

		if (dane_verify(&h->chains[i], h->name, set, true, ctx->now,
				&res) < 0)
			continue;
		if (res.verified)
			*v = HOST_MATCHED;
		/* An RRset with no usable record makes senders fall back to
		 * unauthenticated TLS (RFC 7672, section 2.2): no outage. */
		if (!res.verified && strstr(res.reason, "no usable")) {
			*v = HOST_NOT_CHECKED;
			break;
		}
	}
	return *v;
}
