/* SPDX-License-Identifier: BSD-3-Clause */
/* name-origin-doubled: names written without their trailing dot. */
#include "rules.h"

#include <string.h>

/*
 * Returns the length of the suffix that name ends in twice, or 0. The
 * suffix is the zone origin or a name below it, so "mx1.example.net"
 * written under $ORIGIN example.net. and "mx1.sub.example.net" written
 * under $ORIGIN sub.example.net. are both found. Both arguments are
 * absolute and in lower case.
 */
static size_t doubled_suffix(const char *name, const char *origin)
{
	size_t n = strlen(name), len = strlen(origin);

	if (!name_in_zone(name, origin))
		return 0;
	while (2 * len <= n) {
		const char *suffix = name + n - len;
		const char *first = name + n - 2 * len;
		const char *p;

		if (memcmp(first, suffix, len) == 0 &&
		    (first == name || first[-1] == '.'))
			return len;
		/* Grow the suffix by the label to its left. */
		p = suffix - 1;
		while (p > name && p[-1] != '.')
			p--;
		len = n - (size_t)(p - name);
	}
	return 0;
}

/* Counts the doubled names of r (owner first, then RDATA names) and sets
 * *first to the index of the first one: 0 for the owner, i + 1 for
 * names[i]. */
static size_t count_doubled(const struct record *r, const char *origin,
			    size_t *first)
{
	size_t i, count = 0;

	for (i = 0; i <= r->name_count; i++) {
		const char *name = i == 0 ? r->owner : r->names[i - 1];

		if (!name || !doubled_suffix(name, origin))
			continue;
		if (!count)
			*first = i;
		count++;
	}
	return count;
}

static void report_record(struct lint_ctx *ctx, const struct rule *rule,
			  const struct record *r)
{
	const char *origin = r->zone->origin;
	struct finding_loc loc = loc_record(r);
	size_t first = 0, count = count_doubled(r, origin, &first);
	const char *name, *more = "";
	size_t len;

	if (!count)
		return;
	name = first == 0 ? r->owner : r->names[first - 1];
	len = doubled_suffix(name, origin);
	if (count > 1)
		more = ctx_printf(ctx, " (the record has %zu more such names)",
				  count - 1);
	report_finding(ctx, rule, &loc, "%s '%s' ends in '%s' twice, so its "
		       "trailing dot is probably missing%s; write '%.*s' with "
		       "the trailing dot",
		       first == 0 ? "owner" : "RDATA name",
		       display_name(ctx, name), display_name(ctx, name +
							    strlen(name) - len),
		       more, (int)(strlen(name) - len), name);
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->record_count; i++) {
		const struct record *r = &m->records[i];

		/* The root origin appends nothing to a relative name, so
		 * a repeated suffix there is no missing dot. */
		if (!r->zone || !*r->zone->origin ||
		    strcmp(r->zone->origin, ".") == 0)
			continue;
		report_record(ctx, rule, r);
	}
	return 0;
}

const struct rule rule_name_origin_doubled = {
	.id = "name-origin-doubled",
	.severity = SEV_WARNING,
	.scope = SCOPE_ZONE,
	.summary = "a name that ends in the zone origin twice, as in "
		   "'mx1.example.net.example.net': a missing trailing dot",
	.check = check,
	.model_only = true,
};
