/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint pre-commit: lints the staged snapshot and the change to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "history.h"
#include "input.h"
#include "msg.h"
#include "output.h"
#include "snapshot.h"

static const char precommit_usage[] =
	"usage: danelint pre-commit [OPTION...]\n"
	"\n"
	"Lints the staged content (the git index, not the working tree) and\n"
	"the change from HEAD to it. Exit status 1 blocks the commit.\n"
	"Run it from a git pre-commit hook ('danelint hook install').\n"
	"\n"
	"Options as for 'danelint check': --config, --no-config, --certs,\n"
	"--format, --docs-url, -o, --fail-on, --exit-zero, --enable, --disable,\n"
	"--now, --color, -q, -v.\n";

struct precommit {
	struct options opts;
	struct repo *repo;
	struct snapshot *staged;
	struct snapshot *head;
	char head_id[41];
	struct input after;
	struct input before;
	struct history *history;
	struct lint_ctx ctx;
};

static void explain_block(const struct precommit *pc)
{
	if (pc->opts.quiet)
		return;
	fputs("danelint: the commit is blocked: fix the findings above and\n"
	      "  stage the fix. For a deliberate exception, suppress one rule\n"
	      "  on the record with '; danelint: disable=RULE', or set\n"
	      "  '[rule \"RULE\"] severity = warning' in .danelint.\n", stderr);
}

/* Loads HEAD (when there is one) with the staged settings and zone list. */
static int load_head(struct precommit *pc, struct strbuf *err)
{
	struct strbuf none;

	strbuf_init(&none);
	if (repo_resolve(pc->repo, "HEAD", pc->head_id, &none) < 0) {
		strbuf_release(&none);
		pc->head_id[0] = '\0';	/* the first commit: no change rules */
		return 0;
	}
	strbuf_release(&none);
	if (snapshot_commit(pc->repo, pc->head_id, &pc->head, err) < 0)
		return -1;
	settings_copy(&pc->before.settings, &pc->after.settings);
	return input_load(&pc->before, snapshot_source(pc->head),
			  &pc->after.zones, true, err);
}

static int run(struct precommit *pc, struct strbuf *err)
{
	const char *root;
	time_t now;

	if (repo_open(&pc->repo, err) < 0)
		return -1;
	root = repo_root(pc->repo);
	if (!*root) {
		strbuf_addstr(err, "the repository has no work tree; run "
			      "danelint pre-commit in a checkout");
		return -1;
	}
	if (snapshot_index(pc->repo, &pc->staged, err) < 0 ||
	    input_settings(&pc->after, snapshot_source(pc->staged), &pc->opts,
			   root, err) < 0 ||
	    input_load(&pc->after, snapshot_source(pc->staged), NULL, false,
		       err) < 0 || load_head(pc, err) < 0)
		return -1;
	now = pc->opts.have_now ? pc->opts.now : time(NULL);
	if (lint_ctx_init(&pc->ctx, &pc->after.model, &pc->after.settings, now,
			  err) < 0)
		return -1;
	if (pc->head_id[0]) {
		pc->history = history_new(pc->repo);
		pc->ctx.base = &pc->before.model;
		pc->ctx.base_commit = pc->head_id;
		pc->ctx.history = pc->history;
	}
	if (lint_run(&pc->ctx, true, true) < 0) {
		strbuf_addstr(err, "internal error while running the rules");
		return -1;
	}
	return 0;
}

int cmd_precommit(int argc, char **argv)
{
	struct precommit pc;
	struct strbuf err;
	int rc, status = 2;

	memset(&pc, 0, sizeof(pc));
	strbuf_init(&err);
	input_init(&pc.after);
	input_init(&pc.before);
	rc = options_parse(&pc.opts, argc, argv, precommit_usage);
	if (rc != 0) {
		status = rc > 0 ? 0 : 2;
		goto out;
	}
	msg_set_quiet(pc.opts.quiet);
	if (pc.opts.path_count) {
		msg_usage("pre-commit takes no paths; it lints the whole index");
		goto out;
	}
	if (run(&pc, &err) < 0)
		goto out;
	status = output_findings(&pc.opts, &pc.ctx, pc.after.settings.fail_on,
				 pc.after.zones.count, &err);
	if (status == 1)
		explain_block(&pc);
	if (status < 0)
		status = 2;
out:
	if (err.len)
		msg_error("%s", strbuf_str(&err));
	strbuf_release(&err);
	lint_ctx_release(&pc.ctx);
	history_free(pc.history);
	input_release(&pc.after);
	input_release(&pc.before);
	snapshot_free(pc.staged);
	snapshot_free(pc.head);
	repo_free(pc.repo);
	options_release(&pc.opts);
	return status;
}
