/* SPDX-License-Identifier: BSD-3-Clause */
/* soa-rname-invalid and soa-rname-undeliverable: SOA contact mailboxes. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/* The mail domain of an RNAME is what follows its first unescaped dot. */
static const char *mail_domain(const char *rname)
{
	return parent_name(rname);
}

static bool is_example(const char *name)
{
	static const char *const names[] = { "example.", "example.com.",
					     "example.net.", "example.org." };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (name_in_zone(name, names[i]))
			return true;
	return false;
}

/* Returns why rname cannot be a contact mailbox, or NULL. */
static const char *rname_problem(const char *rname, const char *origin)
{
	const char *domain = mail_domain(rname);

	if (strcmp(rname, ".") == 0)
		return "is the root name, so it names no mailbox";
	if (strchr(rname, '@'))
		return "contains '@', which zone files do not use for "
		       "mailboxes: the first dot stands for it";
	if (!domain)
		return "is a single label, not a mailbox";
	if (name_in_zone(domain, "localhost.") ||
	    name_in_zone(domain, "invalid.") || name_in_zone(domain, "local."))
		return "is a placeholder that no one reads";
	if (is_example(domain) && !is_example(origin))
		return "uses an example domain (RFC 2606) outside an example "
		       "zone, a placeholder that no one reads";
	return NULL;
}

static int check_invalid(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->zone_count; i++) {
		const struct record *soa = m->zones[i].soa;
		struct finding_loc loc;
		const char *why;

		if (!soa || !soa->u.soa->rname)
			continue;
		why = rname_problem(soa->u.soa->rname, m->zones[i].origin);
		if (!why)
			continue;
		loc = loc_record(soa);
		loc.domain = m->zones[i].origin;
		report_finding(ctx, rule, &loc, "SOA RNAME '%s' %s; write a "
			       "mailbox someone reads, such as "
			       "hostmaster.%s", soa->u.soa->rname, why,
			       m->zones[i].origin);
	}
	return 0;
}

/* Is name at or below a delegation (NS records below the zone apex)? */
static bool delegated(const struct model *m, const struct zone *z,
		      const char *name)
{
	const struct record *const *rr;
	const char *p = name;

	while (p && strcmp(p, z->origin) != 0) {
		if (model_find(m, p, RR_NS, &rr))
			return true;
		p = mail_domain(p);
	}
	return false;
}

/* Does a wildcard ("*.example.net.") give name mail or an address? */
static bool wildcard_covers(const struct model *m, const char *name)
{
	const struct record *const *rr;
	const char *parent = mail_domain(name);
	char *star;
	bool covered;

	if (!parent)
		return false;
	star = xasprintf("*.%s", parent);
	covered = model_find(m, star, RR_MX, &rr) ||
		  model_find(m, star, RR_A, &rr) ||
		  model_find(m, star, RR_AAAA, &rr);
	free(star);
	return covered;
}

/* Returns the reason mail to domain cannot be delivered, when its zone is
 * loaded, or NULL. */
static const char *undeliverable(const struct model *m, const char *domain)
{
	const struct record *const *rr;
	const struct zone *z;
	size_t n, i;
	int hop;

	for (hop = 0; hop < 8; hop++) {
		if (model_find(m, domain, RR_CNAME, &rr) != 1 ||
		    !rr[0]->u.cname.target)
			break;
		domain = rr[0]->u.cname.target;
	}
	z = model_zone_for(m, domain);
	if (!z || delegated(m, z, domain))
		return NULL;
	n = model_find(m, domain, RR_MX, &rr);
	for (i = 0; i < n; i++)
		if (rr[i]->u.mx.exchange && strcmp(rr[i]->u.mx.exchange, ".") == 0)
			return "has a null MX (RFC 7505), so it accepts no mail";
	if (n || model_find(m, domain, RR_A, &rr) ||
	    model_find(m, domain, RR_AAAA, &rr) || wildcard_covers(m, domain))
		return NULL;
	return "has no MX, A or AAAA record in the loaded zones";
}

static int check_undeliverable(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->zone_count; i++) {
		const struct record *soa = m->zones[i].soa;
		const char *domain, *why;
		struct finding_loc loc;

		if (!soa || !soa->u.soa->rname ||
		    rname_problem(soa->u.soa->rname, m->zones[i].origin))
			continue;
		domain = mail_domain(soa->u.soa->rname);
		why = domain ? undeliverable(m, domain) : NULL;
		if (!why)
			continue;
		loc = loc_record(soa);
		loc.domain = m->zones[i].origin;
		report_finding(ctx, rule, &loc, "SOA RNAME '%s' cannot receive "
			       "mail: '%s' %s; add an MX record for it or use a "
			       "mailbox in a domain that receives mail",
			       soa->u.soa->rname, display_name(ctx, domain), why);
	}
	return 0;
}

const struct rule rule_soa_rname_invalid = {
	.id = "soa-rname-invalid",
	.severity = SEV_ERROR,
	.scope = SCOPE_ZONE,
	.summary = "an SOA RNAME that is the root, a single label, contains "
		   "'@' or is a placeholder",
	.check = check_invalid,
	.model_only = true,
};

const struct rule rule_soa_rname_undeliverable = {
	.id = "soa-rname-undeliverable",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "an SOA RNAME whose mail domain, in a loaded zone, has no "
		   "MX, A or AAAA, or a null MX",
	.check = check_undeliverable,
	.model_only = true,
};
