/* SPDX-License-Identifier: BSD-3-Clause */
/* Next keys: next-key-missing, next-key-unpublished, dual-algorithm-coverage. */
#include "rules.h"

#include <ctype.h>
#include <string.h>

/* Key families a host uses, in the order its keys list them. */
struct families {
	const char *name[8];
	size_t count;
};

/* Is file one of the private key files (a leak, not a deployment)? */
static bool private_file(const struct model *m, const char *file)
{
	size_t i;

	for (i = 0; i < m->private_key_count; i++)
		if (strcmp(m->private_keys[i].file, file) == 0)
			return true;
	return false;
}

static void current_families(const struct model *m, const struct host *h,
			     struct families *f)
{
	size_t i, j;

	f->count = 0;
	for (i = 0; i < h->key_count; i++) {
		if (h->keys[i].role != KEY_CURRENT ||
		    private_file(m, h->keys[i].file))
			continue;
		for (j = 0; j < f->count; j++)
			if (strcmp(f->name[j], h->keys[i].family) == 0)
				break;
		if (j == f->count && f->count < ARRAY_SIZE(f->name))
			f->name[f->count++] = h->keys[i].family;
	}
}

static const struct key *find_key(const struct host *h, enum key_role role,
				  const char *family)
{
	size_t i;

	for (i = 0; i < h->key_count; i++)
		if (h->keys[i].role == role &&
		    strcmp(h->keys[i].family, family) == 0)
			return &h->keys[i];
	return NULL;
}

static bool is_311(const struct record *r)
{
	return r->u.tlsa.usage == 3 && r->u.tlsa.selector == 1 &&
	       r->u.tlsa.mtype == 1;
}

/* Does a record of set match k? */
static bool key_published(const struct tlsa_set *set, const struct key *k,
			  bool only_311)
{
	size_t j;

	for (j = 0; j < set->count; j++)
		if ((!only_311 || is_311(set->records[j])) &&
		    tlsa_matches_key(set->records[j], k))
			return true;
	return false;
}

/* Does a record of set match a key of this role and family? */
static bool published(const struct tlsa_set *set, const struct host *h,
		      enum key_role role, const char *family)
{
	size_t i;

	for (i = 0; i < h->key_count; i++) {
		const struct key *k = &h->keys[i];

		if (k->role == role && strcmp(k->family, family) == 0 &&
		    key_published(set, k, false))
			return true;
	}
	return false;
}

static const char *lower_name(struct lint_ctx *ctx, const char *s)
{
	char *out = (char *)ctx_printf(ctx, "%s", s), *p;

	for (p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

static int check_missing(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		struct families f;

		if (!model_tlsa_for_host(m, h->name, 25))
			continue;
		current_families(m, h, &f);
		for (j = 0; j < f.count; j++) {
			const struct key *cur = find_key(h, KEY_CURRENT, f.name[j]);
			struct finding_loc loc = loc_file(cur->file);

			if (find_key(h, KEY_NEXT, f.name[j]))
				continue;
			loc.host = h->name;
			report_finding(ctx, rule, &loc, "%s: no next %s key is "
				       "staged (current: %s, %s); generate the "
				       "next key and put its public key in "
				       "%s/next-%s.pem, so its TLSA record can "
				       "be published before the rollover",
				       display_name(ctx, h->name), f.name[j],
				       cur->description, cur->file, h->dir,
				       lower_name(ctx, f.name[j]));
		}
	}
	return 0;
}

static void report_unpublished(struct lint_ctx *ctx, const struct rule *rule,
			       const struct host *h, const struct tlsa_set *set,
			       const struct key *k)
{
	struct finding_loc loc = loc_file(k->file);

	loc.host = h->name;
	loc.owner = set->owner;
	loc.digest = key_digest_hex(ctx, k);
	report_finding(ctx, rule, &loc, "%s: next key (%s, %s) has no '3 1 1' "
		       "record at %s; publish '%s IN TLSA 3 1 1 %s' at least "
		       "%ld TTLs before deploying the key",
		       display_name(ctx, h->name), k->description, k->file,
		       display_name(ctx, set->owner), set->owner,
		       loc.digest, ctx->settings->prepublish_ttls);
}

static int check_unpublished(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);

		if (!set)
			continue;
		for (j = 0; j < h->key_count; j++) {
			const struct key *k = &h->keys[j];

			if (k->role == KEY_NEXT && !key_published(set, k, true))
				report_unpublished(ctx, rule, h, set, k);
		}
	}
	return 0;
}

/* Reports family f when it lacks a record that another family has. */
static void check_family(struct lint_ctx *ctx, const struct rule *rule,
			 const struct host *h, const struct tlsa_set *set,
			 const struct families *f, size_t which)
{
	static const char *const what[] = { "current", "next" };
	enum key_role roles[] = { KEY_CURRENT, KEY_NEXT };
	size_t r, j;

	for (r = 0; r < 2; r++) {
		bool other = false;
		struct finding_loc loc = loc_tlsa_set(set);

		if (published(set, h, roles[r], f->name[which]))
			continue;
		for (j = 0; j < f->count; j++)
			if (j != which &&
			    published(set, h, roles[r], f->name[j]))
				other = true;
		if (!other)
			continue;
		loc.host = h->name;
		report_finding(ctx, rule, &loc, "%s: the host uses several key "
			       "algorithms, but its %s key has no %s record at "
			       "%s while another algorithm has one; publish "
			       "current and next records for each algorithm",
			       display_name(ctx, h->name), f->name[which],
			       what[r], display_name(ctx, set->owner));
	}
}

static int check_dual(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i, j;

	for (i = 0; i < m->host_count; i++) {
		const struct host *h = &m->hosts[i];
		const struct tlsa_set *set = model_tlsa_for_host(m, h->name, 25);
		struct families f;

		current_families(m, h, &f);
		if (!set || f.count < 2)
			continue;
		for (j = 0; j < f.count; j++)
			check_family(ctx, rule, h, set, &f, j);
	}
	return 0;
}

const struct rule rule_next_key_missing = {
	.id = "next-key-missing",
	.severity = SEV_WARNING,
	.scope = SCOPE_CERT,
	.summary = "no staged next key for a key algorithm the host uses",
	.check = check_missing,
};

const struct rule rule_next_key_unpublished = {
	.id = "next-key-unpublished",
	.severity = SEV_ERROR,
	.scope = SCOPE_CERT,
	.summary = "a staged next key without a \"3 1 1\" record",
	.check = check_unpublished,
};

const struct rule rule_dual_algorithm_coverage = {
	.id = "dual-algorithm-coverage",
	.severity = SEV_ERROR,
	.scope = SCOPE_CERT,
	.summary = "a host with several key algorithms where one lacks a "
		   "current or a next record",
	.check = check_dual,
};
