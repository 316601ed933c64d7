/* SPDX-License-Identifier: BSD-3-Clause */
/* The rules engine: runs rules, applies severities and suppressions. */
#include "rule.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const struct rule *rule_find(const char *id)
{
	size_t i;

	for (i = 0; i < rule_registry_count; i++)
		if (strcmp(rule_registry[i]->id, id) == 0)
			return rule_registry[i];
	return NULL;
}

size_t rule_index(const struct rule *rule)
{
	size_t i;

	for (i = 0; i < rule_registry_count; i++)
		if (rule_registry[i] == rule)
			break;
	return i;
}

int lint_ctx_init(struct lint_ctx *ctx, struct model *m,
		  const struct settings *s, time_t now, struct strbuf *err)
{
	size_t i;

	memset(ctx, 0, sizeof(*ctx));
	ctx->model = m;
	ctx->settings = s;
	ctx->now = now;
	arena_init(&ctx->arena);
	ctx->severities = xcalloc(rule_registry_count, sizeof(*ctx->severities));
	ctx->ran = xcalloc(rule_registry_count, sizeof(*ctx->ran));
	ctx->severity_fixed = xcalloc(rule_registry_count,
				      sizeof(*ctx->severity_fixed));
	for (i = 0; i < rule_registry_count; i++)
		ctx->severities[i] = rule_registry[i]->severity;
	for (i = 0; i < s->rule_count; i++) {
		const struct rule *r = rule_find(s->rules[i].rule);

		if (!r) {
			strbuf_addf(err, "unknown rule '%s'; 'danelint rules' "
				    "lists the rules", s->rules[i].rule);
			return -1;
		}
		ctx->severities[rule_index(r)] = s->rules[i].severity;
		ctx->severity_fixed[rule_index(r)] = !s->rules[i].restore_default;
	}
	ctx->host_verdicts = xcalloc(m->host_count + 1,
				     sizeof(*ctx->host_verdicts));
	return 0;
}

void lint_ctx_release(struct lint_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->changed_zone_count; i++)
		free(ctx->changed_zones[i]);
	free(ctx->changed_zones);
	free(ctx->severities);
	free(ctx->ran);
	free(ctx->severity_fixed);
	free(ctx->findings);
	free(ctx->host_verdicts);
	free(ctx->used);
	arena_release(&ctx->arena);
	memset(ctx, 0, sizeof(*ctx));
}

static const char *keep(struct lint_ctx *ctx, const char *s)
{
	return s ? arena_strdup(&ctx->arena, s) : NULL;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	c = strcmp(x->rule->id, y->rule->id);
	if (c)
		return c;
	return strcmp(x->message, y->message);
}

/* Models with fewer records are checked on one thread. */
#define THREADED_RULES_MIN_RECORDS 65536

/* The rules that run_rules runs. */
enum rule_pick {
	PICK_ALL,
	PICK_SIDE,	/* every other model_only rule, for the second thread */
	PICK_MAIN,	/* all but those */
};

/* Is the i-th rule of the registry one that pick selects? */
static bool picked(size_t i, enum rule_pick pick)
{
	size_t j, before = 0;
	bool side;

	if (pick == PICK_ALL)
		return true;
	for (j = 0; j < i; j++)
		before += rule_registry[j]->model_only;
	/* alternate, so that both threads get a share of the zone rules */
	side = rule_registry[i]->model_only && before % 2 == 1;
	return (pick == PICK_SIDE) == side;
}

/* Runs the enabled rules of the given scopes that are late, or those that
 * are not, and that pick selects. */
static int run_rules(struct lint_ctx *ctx, bool zones, bool certs, bool late,
		     enum rule_pick pick)
{
	size_t i;

	for (i = 0; i < rule_registry_count; i++) {
		const struct rule *r = rule_registry[i];

		if (r->late != late || ctx->severities[i] == SEV_OFF ||
		    !r->check || !picked(i, pick))
			continue;
		if ((r->scope == SCOPE_ZONE && !zones) ||
		    (r->scope == SCOPE_CERT && !certs) ||
		    (r->scope == SCOPE_CHANGE && !ctx->base))
			continue;
		ctx->ran[i] = true;
		if (r->check(ctx, r) < 0)
			return -1;
	}
	return 0;
}

/* Half of the model_only rules, on a thread of their own with a ctx of
 * their own. */
struct side_run {
	struct lint_ctx ctx;
	bool zones;
	bool certs;
	int rc;
};

static void *side_rules(void *arg)
{
	struct side_run *s = arg;

	s->rc = run_rules(&s->ctx, s->zones, s->certs, false, PICK_SIDE);
	return NULL;
}

/*
 * Runs the rules that are not late. On a large model with more than one
 * thread allowed, half of the model_only rules run on a second thread,
 * and their findings and suppressions join ctx's afterwards.
 */
static int run_early_rules(struct lint_ctx *ctx, bool zones, bool certs)
{
	struct side_run side;
	pthread_t id;
	size_t i;
	int rc;

	if (thread_count() < 2 ||
	    ctx->model->record_count < THREADED_RULES_MIN_RECORDS)
		return run_rules(ctx, zones, certs, false, PICK_ALL);
	side.ctx = *ctx;
	arena_init(&side.ctx.arena);
	side.ctx.findings = NULL;
	side.ctx.finding_count = side.ctx.finding_alloc = 0;
	side.ctx.ran = xcalloc(rule_registry_count, sizeof(*side.ctx.ran));
	side.ctx.host_verdicts = xcalloc(ctx->model->host_count + 1,
					 sizeof(*side.ctx.host_verdicts));
	side.ctx.defer_used = true;
	side.ctx.used = NULL;
	side.ctx.used_count = side.ctx.used_alloc = 0;
	side.zones = zones;
	side.certs = certs;
	side.rc = 0;
	if (pthread_create(&id, NULL, side_rules, &side) != 0) {
		side_rules(&side);
		rc = run_rules(ctx, zones, certs, false, PICK_MAIN);
	} else {
		rc = run_rules(ctx, zones, certs, false, PICK_MAIN);
		pthread_join(id, NULL);
	}
	lint_ctx_take(ctx, &side.ctx);
	for (i = 0; i < side.ctx.used_count; i++)
		ctx->model->suppressions[side.ctx.used[i]].used = true;
	if (side.ctx.history_error)
		ctx->history_error = side.ctx.history_error;
	free(side.ctx.used);
	free(side.ctx.ran);
	free(side.ctx.findings);
	free(side.ctx.host_verdicts);
	arena_release(&side.ctx.arena);
	return rc < 0 || side.rc < 0 ? -1 : 0;
}

int lint_run(struct lint_ctx *ctx, bool zones, bool certs)
{
	if (run_early_rules(ctx, zones, certs) < 0 ||
	    run_rules(ctx, zones, certs, true, PICK_ALL) < 0)
		return -1;
	lint_sort(ctx);
	return 0;
}

void lint_sort(struct lint_ctx *ctx)
{
	if (ctx->finding_count)
		qsort(ctx->findings, ctx->finding_count,
		      sizeof(*ctx->findings), cmp_finding);
}

void lint_keep_file(struct lint_ctx *ctx, const char *file)
{
	size_t i, kept = 0;

	for (i = 0; i < ctx->finding_count; i++)
		if (ctx->findings[i].file &&
		    strcmp(ctx->findings[i].file, file) == 0)
			ctx->findings[kept++] = ctx->findings[i];
	ctx->finding_count = kept;
}

void lint_ctx_take(struct lint_ctx *dst, const struct lint_ctx *src)
{
	size_t i;

	for (i = 0; i < rule_registry_count && dst->ran && src->ran; i++)
		dst->ran[i] = dst->ran[i] || src->ran[i];
	for (i = 0; i < src->finding_count; i++) {
		const struct finding *f = &src->findings[i];
		struct finding *copy = ARRAY_PUSH(dst->findings,
						  dst->finding_count,
						  dst->finding_alloc);

		*copy = *f;
		copy->file = keep(dst, f->file);
		copy->host = keep(dst, f->host);
		copy->owner = keep(dst, f->owner);
		copy->domain = keep(dst, f->domain);
		copy->digest = keep(dst, f->digest);
		copy->message = keep(dst, f->message);
	}
}

/* Checks whether a comment suppresses the finding at loc. Every matching
 * comment is marked used, so that a redundant one is not reported as
 * unused. */
static bool suppressed(struct lint_ctx *ctx, const struct rule *rule,
		       const struct finding_loc *loc)
{
	struct model *m = ctx->model;
	bool found = false;
	int pass;

	if (!loc->file)
		return false;
	/* the file-wide comments (line 0), then those of the line */
	for (pass = 0; pass < 2; pass++) {
		struct suppression *s;
		size_t i, n = model_suppressions_at(m, loc->file,
						    pass ? loc->line : 0, &s);

		if (pass && loc->line == 0)
			break;
		for (i = 0; i < n; i++) {
			bool covers = s[i].scope == SUPPRESS_FILE ||
				      (pass && s[i].scope == SUPPRESS_LINE);

			if (!covers || strcmp(s[i].rule, rule->id) != 0)
				continue;
			if (ctx->defer_used)
				*ARRAY_PUSH(ctx->used, ctx->used_count,
					    ctx->used_alloc) =
					(size_t)(s + i - m->suppressions);
			else
				s[i].used = true;
			found = true;
		}
	}
	return found;
}

static void add_finding(struct lint_ctx *ctx, const struct rule *rule,
			enum severity sev, const struct finding_loc *loc,
			const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));

/* Records a finding with severity sev unless a comment suppresses it. */
static void add_finding(struct lint_ctx *ctx, const struct rule *rule,
			enum severity sev, const struct finding_loc *loc,
			const char *fmt, va_list ap)
{
	struct finding *f;
	char *msg;

	if (sev == SEV_OFF || suppressed(ctx, rule, loc))
		return;
	msg = xvasprintf(fmt, ap);
	if (ctx->label) {
		char *labelled = xasprintf("%s%s", ctx->label, msg);

		free(msg);
		msg = labelled;
	}
	f = ARRAY_PUSH(ctx->findings, ctx->finding_count, ctx->finding_alloc);
	f->rule = rule;
	f->severity = sev;
	f->file = keep(ctx, loc->file);
	f->line = loc->line;
	f->column = loc->column ? loc->column : 1;
	f->host = loc->host ? display_name(ctx, loc->host) : NULL;
	f->owner = loc->owner ? display_name(ctx, loc->owner) : NULL;
	f->domain = loc->domain ? display_name(ctx, loc->domain) : NULL;
	f->digest = keep(ctx, loc->digest);
	f->message = keep(ctx, msg);
	free(msg);
}

int report_finding(struct lint_ctx *ctx, const struct rule *rule,
		   const struct finding_loc *loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_finding(ctx, rule, ctx->severities[rule_index(rule)], loc, fmt,
		    ap);
	va_end(ap);
	return 0;
}

int report_finding_severity(struct lint_ctx *ctx, const struct rule *rule,
			    enum severity severity,
			    const struct finding_loc *loc, const char *fmt, ...)
{
	size_t i = rule_index(rule);
	va_list ap;

	if (ctx->severities[i] == SEV_OFF)
		return 0;
	if (ctx->severity_fixed[i])
		severity = ctx->severities[i];
	va_start(ap, fmt);
	add_finding(ctx, rule, severity, loc, fmt, ap);
	va_end(ap);
	return 0;
}

struct finding_loc loc_record(const struct record *r)
{
	struct finding_loc loc = { 0 };

	loc.file = r->file;
	loc.line = r->line;
	loc.column = r->column;
	loc.owner = r->owner;
	return loc;
}

struct finding_loc loc_file(const char *file)
{
	struct finding_loc loc = { 0 };

	loc.file = file;
	loc.line = 1;
	loc.column = 1;
	return loc;
}

size_t lint_count(const struct lint_ctx *ctx, enum severity at_least)
{
	size_t i, n = 0;

	for (i = 0; i < ctx->finding_count; i++)
		if (ctx->findings[i].severity >= at_least)
			n++;
	return n;
}

const char *display_name(struct lint_ctx *ctx, const char *name)
{
	size_t n = strlen(name);

	if (n > 1 && name[n - 1] == '.')
		n--;
	return arena_strndup(&ctx->arena, name, n);
}

const char *ctx_printf(struct lint_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	const char *out;

	va_start(ap, fmt);
	out = arena_vprintf(&ctx->arena, fmt, ap);
	va_end(ap);
	return out;
}
