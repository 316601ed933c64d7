/* SPDX-License-Identifier: BSD-3-Clause */
/* zone-syntax and record-out-of-zone: what the zone loader rejected. */
#include "rules.h"

/* Reports the load problems of one kind, each where the loader met it. */
static int report_problems(struct lint_ctx *ctx, const struct rule *rule,
			   enum load_problem kind)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->error_count; i++) {
		const struct syntax_error *e = &m->errors[i];
		struct finding_loc loc = { 0 };

		if (e->kind != kind)
			continue;
		loc.file = e->file;
		loc.line = e->line;
		loc.column = e->column;
		report_finding(ctx, rule, &loc, "%s", e->message);
	}
	return 0;
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	return report_problems(ctx, rule, LOAD_SYNTAX);
}

static int check_out_of_zone(struct lint_ctx *ctx, const struct rule *rule)
{
	return report_problems(ctx, rule, LOAD_OUT_OF_ZONE);
}

const struct rule rule_record_out_of_zone = {
	.id = "record-out-of-zone",
	.severity = SEV_ERROR,
	.scope = SCOPE_ZONE,
	.summary = "a record whose owner lies outside its zone, which name "
		   "servers ignore",
	.check = check_out_of_zone,
	.model_only = true,
};

const struct rule rule_zone_syntax = {
	.id = "zone-syntax",
	.severity = SEV_ERROR,
	.scope = SCOPE_ZONE,
	.summary = "a record or directive that does not parse",
	.check = check,
	.model_only = true,
};
