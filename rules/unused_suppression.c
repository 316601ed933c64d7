/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * unused-suppression: "; danelint: disable..." comments that suppressed
 * nothing. The rule is late: the engine runs it after every other rule,
 * once report_finding() has marked the comments that matched a finding.
 */
#include "rules.h"

#include <string.h>

/* Longer ids get no suggestion; every rule id is shorter. */
#define MAX_SUGGEST_LEN 64

/* Levenshtein distance of a and b, both at most MAX_SUGGEST_LEN long. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t prev[MAX_SUGGEST_LEN + 1], cur[MAX_SUGGEST_LEN + 1];
	size_t la = strlen(a), lb = strlen(b), i, j;

	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;

			cur[j] = sub < del ? sub : del;
			cur[j] = cur[j] < ins ? cur[j] : ins;
		}
		memcpy(prev, cur, (lb + 1) * sizeof(prev[0]));
	}
	return prev[lb];
}

/* The rule id closest to id, when it is at most 2 edits away. */
static const char *suggest(const char *id)
{
	const char *best = NULL;
	size_t best_distance = 3, i;

	if (strlen(id) > MAX_SUGGEST_LEN)
		return NULL;
	for (i = 0; i < rule_registry_count; i++) {
		const char *known = rule_registry[i]->id;
		size_t d;

		if (strlen(known) > MAX_SUGGEST_LEN)
			continue;
		d = edit_distance(id, known);
		if (d < best_distance) {
			best_distance = d;
			best = known;
		}
	}
	return best;
}

/* A comment that also names unused-suppression silences the report of
 * its other ids; marks that id used. */
static bool silenced(struct model *m, const struct suppression *s,
		     const struct rule *self)
{
	bool found = false;
	size_t i;

	for (i = 0; i < m->suppression_count; i++) {
		struct suppression *t = &m->suppressions[i];

		if (t->comment_line == s->comment_line &&
		    strcmp(t->file, s->file) == 0 &&
		    strcmp(t->rule, self->id) == 0) {
			t->used = true;
			found = true;
		}
	}
	return found;
}

static void report_unused(struct lint_ctx *ctx, const struct rule *rule,
			  const struct suppression *s,
			  const struct finding_loc *loc)
{
	const char *id = s->rule;

	switch (s->scope) {
	case SUPPRESS_NOTHING:
		report_finding(ctx, rule, loc, "suppression of '%s' has no "
			       "record after it in this file, so it suppresses "
			       "nothing; remove it", id);
		break;
	case SUPPRESS_FILE:
		report_finding(ctx, rule, loc, "file-wide suppression of '%s' "
			       "matches no finding in this file; remove it",
			       id);
		break;
	case SUPPRESS_LINE:
	default:
		report_finding(ctx, rule, loc, "suppression of '%s' matches no "
			       "finding on line %u; remove it, or move it to "
			       "the line the finding is on", id, s->line);
		break;
	}
}

static void check_one(struct lint_ctx *ctx, const struct rule *rule,
		      const struct suppression *s)
{
	const struct rule *target = rule_find(s->rule);
	struct finding_loc loc = loc_file(s->file);

	loc.line = s->comment_line;
	if (!target) {
		const char *near = suggest(s->rule);

		report_finding(ctx, rule, &loc, "unknown rule '%s' in a danelint "
			       "suppression%s%s%s, so it suppresses nothing; "
			       "'danelint rules' lists the rule ids", s->rule,
			       near ? " (did you mean '" : "", near ? near : "",
			       near ? "'?)" : "");
		return;
	}
	/* A rule that did not run could not use the comment; a change rule
	 * uses it only for the changes that need it. */
	if (!ctx->ran[rule_index(target)] || target->scope == SCOPE_CHANGE)
		return;
	report_unused(ctx, rule, s, &loc);
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->suppression_count; i++) {
		const struct suppression *s = &m->suppressions[i];

		/* The rule's own ids are used or not by this very pass. */
		if (s->used || strcmp(s->rule, rule->id) == 0 ||
		    silenced(m, s, rule))
			continue;
		check_one(ctx, rule, s);
	}
	return 0;
}

const struct rule rule_unused_suppression = {
	.id = "unused-suppression",
	.severity = SEV_NOTE,
	.scope = SCOPE_ZONE,
	.summary = "a danelint suppression comment that suppresses nothing, "
		   "or names an unknown rule",
	.check = check,
	.late = true,
};
