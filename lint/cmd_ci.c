/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint ci: lints the head tree and every change of base..head. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"
#include "commands.h"
#include "history.h"
#include "input.h"
#include "msg.h"
#include "output.h"
#include "rules.h"
#include "snapshot.h"

static const char ci_usage[] =
	"usage: danelint ci [--base REV] [--head REV] [OPTION...]\n"
	"\n"
	"Lints the head tree, then the change of every commit of base..head\n"
	"(first parents) against its parent, at the commit's committer time.\n"
	"\n"
	"  --base REV   where the range starts (default: the merge request\n"
	"               or pull request base from the CI environment, else\n"
	"               the whole first-parent history)\n"
	"  --head REV   where the range ends (default: HEAD)\n"
	"\n"
	"Other options as for 'danelint check'.\n";

struct ci_run {
	struct options opts;
	const char *base;
	const char *head;
	struct repo *repo;
	struct history *history;
	struct commit_info *commits;
	size_t commit_count;
	struct input head_input;
	struct lint_ctx report;
	struct load_cache *cache;	/* files parsed so far, by blob id */
};

/* Splits --base and --head off argv; the rest goes to options_parse. */
static int take_range(struct ci_run *ci, int *argc, char **argv)
{
	int i, out = 1;

	for (i = 1; i < *argc; i++) {
		if ((strcmp(argv[i], "--base") == 0 ||
		     strcmp(argv[i], "--head") == 0) && i + 1 < *argc) {
			if (argv[i][2] == 'b')
				ci->base = argv[++i];
			else
				ci->head = argv[++i];
		} else if (str_starts_with(argv[i], "--base=")) {
			ci->base = argv[i] + 7;
		} else if (str_starts_with(argv[i], "--head=")) {
			ci->head = argv[i] + 7;
		} else if (strcmp(argv[i], "--base") == 0 ||
			   strcmp(argv[i], "--head") == 0) {
			msg_usage("%s needs a revision", argv[i]);
			return -1;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	return 0;
}

/* The base the CI system names: GitLab merge requests and pushes, GitHub
 * pull requests. NULL means the whole history. */
static char *default_base(void)
{
	const char *mr = getenv("CI_MERGE_REQUEST_DIFF_BASE_SHA");
	const char *before = getenv("CI_COMMIT_BEFORE_SHA");
	const char *pr = getenv("GITHUB_BASE_REF");

	if (mr && *mr)
		return xstrdup(mr);
	if (before && *before && strspn(before, "0") != strlen(before))
		return xstrdup(before);
	if (pr && *pr)
		return xasprintf("origin/%s", pr);
	return NULL;
}

static int check_shallow(struct ci_run *ci, struct strbuf *err)
{
	if (!repo_is_shallow(ci->repo))
		return 0;
	strbuf_addstr(err, "the clone is shallow, so the history that dates "
		      "TLSA records is missing; fetch the whole history "
		      "('fetch-depth: 0' for actions/checkout, 'GIT_DEPTH: 0' "
		      "in GitLab CI, or 'git fetch --unshallow')");
	return -1;
}

/* Lints the head tree with the zone and certificate rules. */
static int lint_head(struct ci_run *ci, const char *head_id,
		     struct strbuf *err)
{
	struct snapshot *snap = NULL;
	struct lint_ctx ctx;
	int rc = -1;

	if (snapshot_commit(ci->repo, head_id, &snap, err) < 0)
		return -1;
	ci->head_input.cache = ci->cache;
	if (input_settings(&ci->head_input, snapshot_source(snap), &ci->opts,
			   repo_root(ci->repo), err) < 0 ||
	    input_load(&ci->head_input, snapshot_source(snap), NULL, false,
		       err) < 0)
		goto out;
	if (lint_ctx_init(&ci->report, &ci->head_input.model,
			  &ci->head_input.settings, time(NULL), err) < 0 ||
	    lint_ctx_init(&ctx, &ci->head_input.model,
			  &ci->head_input.settings,
			  ci->opts.have_now ? ci->opts.now : time(NULL), err) < 0)
		goto out;
	rc = lint_run(&ctx, true, true);
	lint_ctx_take(&ci->report, &ctx);
	lint_ctx_release(&ctx);
out:
	snapshot_free(snap);
	return rc;
}

/* Loads one commit's tree with the head's settings into in. */
static int load_commit(struct ci_run *ci, const char *id, struct input *in,
		       struct snapshot **snap, struct strbuf *err)
{
	input_release(in);
	input_init(in);
	in->cache = ci->cache;
	settings_copy(&in->settings, &ci->head_input.settings);
	if (snapshot_commit(ci->repo, id, snap, err) < 0)
		return -1;
	return input_load(in, snapshot_source(*snap), NULL, true, err);
}

/* Reports private keys whose file the commit adds or changes; a key
 * removed later stays readable in the history. */
static void new_private_keys(struct lint_ctx *ctx, const struct input *cur,
			     const struct snapshot *parent,
			     const struct snapshot *snap)
{
	const struct model *m = &cur->model;
	size_t i;

	for (i = 0; i < m->private_key_count; i++) {
		const char *file = m->private_keys[i].file;
		char now_id[41], was_id[41];
		struct finding_loc loc = loc_file(file);

		if (parent && snapshot_blob_id(parent, file, was_id) == 0 &&
		    snapshot_blob_id(snap, file, now_id) == 0 &&
		    strcmp(was_id, now_id) == 0)
			continue;
		report_finding(ctx, &rule_private_key_committed, &loc,
			       "private key material (%s) is committed; it "
			       "stays readable in the history even after the "
			       "file is removed, so replace the key and purge "
			       "the file from the history",
			       m->private_keys[i].description);
	}
}

static int check_commit(struct ci_run *ci, const struct commit_info *c,
			struct input *prev, struct snapshot *prev_snap,
			struct input *cur, struct snapshot *snap,
			struct strbuf *err)
{
	struct lint_ctx ctx;
	char label[32];
	int rc;

	if (lint_ctx_init(&ctx, &cur->model, &cur->settings, c->time, err) < 0)
		return -1;
	snprintf(label, sizeof(label), "commit %.7s: ", c->id);
	ctx.label = label;
	if (prev_snap) {
		ctx.base = &prev->model;
		ctx.base_commit = c->parent;
		ctx.history = ci->history;
	}
	rc = lint_run(&ctx, false, false);
	new_private_keys(&ctx, cur, prev_snap, snap);
	if (ctx.history_error)
		msg_warning("commit %.7s: part of the history could not be "
			    "read, so publication times may be too recent",
			    c->id);
	lint_ctx_take(&ci->report, &ctx);
	lint_ctx_release(&ctx);
	return rc;
}

/* Checks the commits oldest first, each against its parent. */
static int check_range(struct ci_run *ci, struct strbuf *err)
{
	struct input a, b, *prev = &a, *cur = &b, *swap;
	struct snapshot *prev_snap = NULL, *snap = NULL, *tmp;
	size_t i;
	int rc = 0;

	input_init(&a);
	input_init(&b);
	for (i = ci->commit_count; rc == 0 && i-- > 0;) {
		const struct commit_info *c = &ci->commits[i];

		if (i == ci->commit_count - 1 && c->parent[0] &&
		    !c->parent_missing &&
		    load_commit(ci, c->parent, prev, &prev_snap, err) < 0) {
			rc = -1;
			break;
		}
		if (load_commit(ci, c->id, cur, &snap, err) < 0 ||
		    check_commit(ci, c, prev, prev_snap, cur, snap, err) < 0) {
			rc = -1;
			break;
		}
		swap = prev, prev = cur, cur = swap;
		snapshot_free(prev_snap);
		tmp = snap, prev_snap = tmp, snap = NULL;
	}
	snapshot_free(prev_snap);
	snapshot_free(snap);
	input_release(&a);
	input_release(&b);
	return rc;
}

static int run(struct ci_run *ci, struct strbuf *err)
{
	char head_id[41];
	char *base = ci->base ? xstrdup(ci->base) : default_base();
	int rc = -1;

	if (repo_open(&ci->repo, err) < 0 || check_shallow(ci, err) < 0 ||
	    repo_resolve(ci->repo, ci->head ? ci->head : "HEAD", head_id,
			 err) < 0)
		goto out;
	if (repo_first_parents(ci->repo, head_id, base, &ci->commits,
			       &ci->commit_count, err) < 0)
		goto out;
	ci->history = history_new(ci->repo);
	ci->cache = load_cache_new();
	if (history_preload(ci->history, head_id, err) < 0 ||
	    lint_head(ci, head_id, err) < 0 || check_range(ci, err) < 0)
		goto out;
	lint_sort(&ci->report);
	msg_note("checked the head tree and %zu commit%s", ci->commit_count,
		 ci->commit_count == 1 ? "" : "s");
	rc = 0;
out:
	free(base);
	return rc;
}

int cmd_ci(int argc, char **argv)
{
	struct ci_run ci;
	struct strbuf err;
	int rc, status = 2;

	memset(&ci, 0, sizeof(ci));
	strbuf_init(&err);
	input_init(&ci.head_input);
	if (take_range(&ci, &argc, argv) < 0)
		goto out;
	rc = options_parse(&ci.opts, argc, argv, ci_usage);
	if (rc != 0) {
		status = rc > 0 ? 0 : 2;
		goto out;
	}
	msg_set_quiet(ci.opts.quiet);
	if (ci.opts.path_count) {
		msg_usage("ci takes no paths; use --base and --head");
		goto out;
	}
	if (run(&ci, &err) < 0)
		goto out;
	status = output_findings(&ci.opts, &ci.report,
				 ci.head_input.settings.fail_on,
				 ci.head_input.zones.count, &err);
	if (status < 0)
		status = 2;
out:
	if (err.len)
		msg_error("%s", strbuf_str(&err));
	strbuf_release(&err);
	lint_ctx_release(&ci.report);
	history_free(ci.history);
	repo_free_commits(ci.commits, ci.commit_count);
	input_release(&ci.head_input);
	/* after the models that point into its strings */
	load_cache_free(ci.cache);
	repo_free(ci.repo);
	options_release(&ci.opts);
	return status;
}
