/* SPDX-License-Identifier: BSD-3-Clause */
/* Rules: the registry, the context rules run in, and how they report. */
#ifndef DANELINT_RULE_H
#define DANELINT_RULE_H

#include <stdbool.h>
#include <time.h>

#include "config.h"
#include "model.h"

struct lint_ctx;
struct rule;

/* Returns 0, or a negative value for an operational failure (never for a
 * finding). */
typedef int (*rule_check_fn)(struct lint_ctx *ctx, const struct rule *rule);

enum rule_scope {
	SCOPE_ZONE,	/* needs zones only */
	SCOPE_CERT,	/* needs the certificate directory */
	SCOPE_CHANGE,	/* needs two snapshots */
};

struct rule {
	const char *id;
	enum severity severity;	/* default */
	enum rule_scope scope;
	const char *summary;
	rule_check_fn check;
	bool late;	/* runs after every other rule, because it reads what
			 * they reported (unused-suppression) */
	/* Reads the model and its ctx only (no OpenSSL, no git), so on a
	 * large model it may run on a second thread beside the others. */
	bool model_only;
};

/* Every rule, sorted by id. */
extern const struct rule *const rule_registry[];
extern const size_t rule_registry_count;

const struct rule *rule_find(const char *id);
/* The position of rule in rule_registry. */
size_t rule_index(const struct rule *rule);
/* The rule's page, docs/rules/ID.md as built in, or NULL. */
const char *rule_doc(const struct rule *r);

/* The location and subject of a finding. NULL fields are absent. */
struct finding_loc {
	const char *file;
	unsigned line;
	unsigned column;
	const char *host;
	const char *owner;
	const char *domain;
	const char *digest;
};

struct finding {
	const struct rule *rule;
	enum severity severity;
	const char *file;
	unsigned line;
	unsigned column;
	const char *host;
	const char *owner;
	const char *domain;
	const char *digest;
	const char *message;
};

/* The verdict of a host's deployed chains against its TLSA RRset. */
enum host_verdict {
	HOST_UNKNOWN = 0,
	HOST_NOT_CHECKED,	/* no deployed chain or no TLSA RRset */
	HOST_MATCHED,		/* at least one deployed chain verifies */
	HOST_UNMATCHED,		/* no deployed chain verifies */
};

struct lint_ctx {
	struct model *model;
	const struct settings *settings;
	time_t now;
	enum severity *severities;	/* per registry entry, after overrides */
	bool *ran;			/* per registry entry: its check ran */
	/* Per registry entry: the configuration set the severity, so it
	 * replaces the one a rule passes to report_finding_severity(). */
	bool *severity_fixed;
	struct arena arena;
	struct finding *findings;
	size_t finding_count;
	size_t finding_alloc;
	enum host_verdict *host_verdicts;	/* per model host, lazily */

	/* For the change rules: the snapshot before the change (HEAD, or a
	 * commit's parent) and its commit id, where history lookups start ("" for
	 * none). history dates the records. */
	const struct model *base;
	const char *base_commit;
	struct history *history;
	const char *label;	/* prefix of every message, such as
				 * "commit 1a2b3c4: ", or NULL */
	int history_error;	/* set when a history lookup failed */
	/* With a partial base (pre-commit), base holds only the zone files
	 * and hosts the change touches; every other zone is unchanged. */
	bool base_partial;
	char **changed_zones;
	size_t changed_zone_count;
	/* On a second thread: suppressions that matched, by index, marked
	 * used after the thread ends instead of at once. */
	bool defer_used;
	size_t *used;
	size_t used_count;
	size_t used_alloc;
};

/*
 * Sets up ctx; applies the settings' rule overrides. Returns -1 with err
 * set when an override names an unknown rule.
 */
int lint_ctx_init(struct lint_ctx *ctx, struct model *m,
		  const struct settings *s, time_t now, struct strbuf *err);
void lint_ctx_release(struct lint_ctx *ctx);

/* Runs every enabled rule of the given scopes (and the change rules when
 * ctx->base is set), the late rules after all others, then sorts the
 * findings. */
int lint_run(struct lint_ctx *ctx, bool zones, bool certs);

/*
 * Records a finding of rule at loc with the rule's effective severity,
 * unless a "; danelint: disable..." comment suppresses it; every comment
 * that matches is marked used. The message states the problem first, then
 * what to do.
 */
int report_finding(struct lint_ctx *ctx, const struct rule *rule,
		   const struct finding_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * The same with a severity chosen by the rule for this finding, for rules
 * whose severity varies (an expired certificate against one that expires
 * soon). A severity set in the configuration ([rule "ID"] severity, or
 * --disable) still wins; --enable restores the per-finding severity.
 */
int report_finding_severity(struct lint_ctx *ctx, const struct rule *rule,
			    enum severity severity,
			    const struct finding_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* A location at a record: its file, line, column and owner. */
struct finding_loc loc_record(const struct record *r);
/* A location at line 1 of a file. */
struct finding_loc loc_file(const char *file);

/* Copies the findings of src into dst, and marks the rules that ran in src
 * as run in dst, for reports that combine runs. */
void lint_ctx_take(struct lint_ctx *dst, const struct lint_ctx *src);
/* Drops every finding that is not in file. */
void lint_keep_file(struct lint_ctx *ctx, const char *file);
/* Sorts the findings by file, line, column and rule. */
void lint_sort(struct lint_ctx *ctx);

/* Counts findings at or above a severity. */
size_t lint_count(const struct lint_ctx *ctx, enum severity at_least);

/* Formats a string that lives as long as ctx. */
const char *ctx_printf(struct lint_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Strips the trailing dot of an absolute name for messages, in ctx's arena. */
const char *display_name(struct lint_ctx *ctx, const char *name);

#endif
