/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the rules: record text, key digests, host verdicts,
 * times, rollover waits and CNAME chains. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dane.h"

/* CNAME chains longer than this are treated as loops. */
#define MAX_ALIAS_DEPTH 8

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

const char *utc_date(struct lint_ctx *ctx, time_t t)
{
	struct tm tm;
	char buf[32];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
	return ctx_printf(ctx, "%s", buf);
}

bool tlsa_set_has_usage(const struct tlsa_set *set, uint8_t usage)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		if (set->records[i]->u.tlsa.usage == usage)
			return true;
	return false;
}

struct finding_loc loc_tlsa_set(const struct tlsa_set *set)
{
	return loc_record(set->records[0]);
}

enum host_verdict host_verdict(struct lint_ctx *ctx, const struct host *h)
{
	enum host_verdict *v = &ctx->host_verdicts[host_index(ctx, h)];
	const struct tlsa_set *set;
	const char *const *hops;
	size_t i, hop_count;

	if (*v != HOST_UNKNOWN)
		return *v;
	set = model_tlsa_for_host(ctx->model, h->name, 25);
	*v = HOST_NOT_CHECKED;
	if (!set || !h->chain_count)
		return *v;
	/* Unmatched only when every chain fails: a host with an RSA and an
	 * ECDSA chain still takes mail from senders offered the good one. */
	*v = HOST_UNMATCHED;
	hop_count = host_next_hops(ctx, h, &hops);
	for (i = 0; i < h->chain_count; i++) {
		struct dane_result res;

		if (dane_verify_names(&h->chains[i], h->name, hops, hop_count,
				      set, true, ctx->now, &res) < 0)
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

/* A growing list of names that the model owns. */
struct name_list {
	const char **items;
	size_t count;
	size_t alloc;
};

static bool in_list(const struct name_list *list, const char *name)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (strcmp(list->items[i], name) == 0)
			return true;
	return false;
}

static void add_name(struct name_list *list, const char *name)
{
	if (!in_list(list, name))
		*ARRAY_PUSH(list->items, list->count, list->alloc) = name;
}

/* Adds to names the owners of CNAME records whose target is in names,
 * up to MAX_ALIAS_DEPTH aliases away. */
static void add_aliases(const struct model *m, struct name_list *names)
{
	size_t depth, i, j, start = 0, end;

	for (depth = 0; depth < MAX_ALIAS_DEPTH && start < names->count;
	     depth++) {
		end = names->count;
		for (i = start; i < end; i++) {
			const struct record *const *cn;
			size_t n = model_cnames_pointing_to(m, names->items[i],
							    &cn);

			for (j = 0; j < n; j++)
				add_name(names, cn[j]->owner);
		}
		start = end;
	}
}

size_t host_next_hops(struct lint_ctx *ctx, const struct host *h,
		      const char *const **out)
{
	struct name_list names = { NULL, 0, 0 }, hops = { NULL, 0, 0 };
	const char **list;
	size_t i, j, n;

	add_name(&names, h->name);
	add_aliases(ctx->model, &names);
	for (i = 0; i < names.count; i++) {
		const struct record *const *mx;

		n = model_mx_pointing_to(ctx->model, names.items[i], &mx);
		for (j = 0; j < n; j++)
			add_name(&hops, mx[j]->owner);
	}
	list = arena_alloc(&ctx->arena, (hops.count + 1) * sizeof(*list));
	for (i = 0; i < hops.count; i++)
		list[i] = hops.items[i];
	n = hops.count;
	free(names.items);
	free(hops.items);
	*out = list;
	return n;
}

/* Both names are lower case, as the model keeps them. */
bool cert_name_matches(const char *pattern, const char *name)
{
	size_t plen = strlen(pattern), nlen = strlen(name);
	const char *dot;

	if (plen && pattern[plen - 1] == '.')
		plen--;
	if (nlen && name[nlen - 1] == '.')
		nlen--;
	if (plen == 0 || nlen == 0)
		return false;
	if (plen < 3 || strncmp(pattern, "*.", 2) != 0)
		return plen == nlen && memcmp(pattern, name, nlen) == 0;
	/* "*.example.net": the rest needs a dot, and name one more label. */
	if (!memchr(pattern + 2, '.', plen - 2))
		return false;
	dot = memchr(name, '.', nlen);
	if (!dot || dot == name)
		return false;
	return (size_t)(name + nlen - dot) == plen - 1 &&
	       memcmp(dot, pattern + 1, plen - 1) == 0;
}

const char *format_utc(struct lint_ctx *ctx, time_t t)
{
	struct tm tm;
	char buf[32];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm);
	return ctx_printf(ctx, "%s", buf);
}

const char *format_duration(struct lint_ctx *ctx, long s)
{
	if (s < 0)
		s = 0;
	if (s >= 86400)
		return ctx_printf(ctx, "%ldd %ldh %ldm", s / 86400,
				  s % 86400 / 3600, s % 3600 / 60);
	return ctx_printf(ctx, "%ldh %ldm %lds", s / 3600, s % 3600 / 60,
			  s % 60);
}

void required_wait(struct lint_ctx *ctx, const struct tlsa_set *set,
		   struct rollover_wait *w)
{
	const struct settings *s = ctx->settings;
	const struct record *soa = set->records[0]->zone->soa;
	size_t i;

	w->ttl = 0;
	for (i = 0; i < set->count; i++)
		if ((long)set->records[i]->ttl > w->ttl)
			w->ttl = (long)set->records[i]->ttl;
	w->refresh = soa ? (long)soa->u.soa->refresh : 0;
	w->total = s->prepublish_ttls *
		   (w->ttl > s->resolver_min_ttl ? w->ttl : s->resolver_min_ttl) +
		   w->refresh;
}

const char *cname_target(const struct model *m, const char *name)
{
	const struct record *const *rr;

	if (!model_find(m, name, RR_CNAME, &rr))
		return NULL;
	return rr[0]->u.cname.target;
}

const char *cname_chain_end(const struct model *m, const char *name)
{
	int step;

	for (step = 0; step <= MAX_CNAME_CHAIN; step++) {
		const char *target = cname_target(m, name);

		if (!target)
			return name;
		name = target;
	}
	return NULL;
}

const char *parent_name(const char *name)
{
	const char *p;

	for (p = name; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == '.')
			return p[1] ? p + 1 : NULL;
	}
	return NULL;
}

bool name_in_loaded_zone(const struct model *m, const char *name)
{
	const struct zone *z = model_zone_for(m, name);
	const struct record *const *rr;
	const char *p = name;

	if (!z)
		return false;
	while (p && strcmp(p, z->origin) != 0) {
		if (model_find(m, p, RR_NS, &rr))
			return false;
		p = parent_name(p);
	}
	return true;
}
