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

/* Does path have the same blob (or none) in the index and in HEAD? */
static bool same_blob(const struct precommit *pc, const char *path)
{
	char a[41], b[41];
	int ra = snapshot_blob_id(pc->staged, path, a);
	int rb = snapshot_blob_id(pc->head, path, b);

	return ra == rb && (ra < 0 || strcmp(a, b) == 0);
}

/* Does the change touch z's file or a file it includes? */
static bool zone_changed(const struct precommit *pc, const struct zone *z)
{
	const struct model *m = &pc->after.model;
	const char *last = z->file;
	size_t i;

	if (!same_blob(pc, z->file))
		return true;
	for (i = 0; i < z->count; i++) {
		const char *file = m->records[z->first + i].file;

		if (file != last && strcmp(file, last) != 0) {
			if (!same_blob(pc, file))
				return true;
			last = file;
		}
	}
	return false;
}

/* Does the change touch a file of h's certificate directory? */
static bool host_changed(const struct precommit *pc, const struct host *h)
{
	const struct source *a = snapshot_source(pc->staged);
	const struct source *b = snapshot_source(pc->head);
	char **fa = NULL, **fb = NULL;
	size_t na = 0, nb = 0, i;
	struct strbuf why;
	bool changed;

	strbuf_init(&why);
	a->list(a, h->dir, &fa, &na, &why);
	changed = b->list(b, h->dir, &fb, &nb, &why) < 0 || na != nb;
	for (i = 0; !changed && i < na; i++)
		changed = strcmp(fa[i], fb[i]) != 0 || !same_blob(pc, fa[i]);
	strbuf_release(&why);
	source_free_list(fa, na);
	source_free_list(fb, nb);
	return changed;
}

/*
 * Loads from HEAD only the zones and certificate directories the change
 * touches: the change rules compare nothing else, and unchanged zones
 * count as published before the change (ctx.base_partial).
 */
static int load_head_changes(struct precommit *pc, struct strbuf *err)
{
	const struct model *m = &pc->after.model;
	const char **names = xcalloc(m->host_count + 1, sizeof(*names));
	const char **dirs = xcalloc(m->host_count + 1, sizeof(*dirs));
	struct zone_list changed = { 0 };
	size_t i, j, n = 0;
	int rc;

	for (i = 0; i < m->zone_count; i++) {
		if (!zone_changed(pc, &m->zones[i]))
			continue;
		for (j = 0; j < pc->after.zones.count; j++) {
			const struct zone_file *zf = &pc->after.zones.files[j];
			struct zone_file *copy;

			if (strcmp(zf->path, m->zones[i].file) != 0)
				continue;
			copy = ARRAY_PUSH(changed.files, changed.count,
					  changed.alloc);
			copy->path = xstrdup(zf->path);
			copy->origin = zf->origin ? xstrdup(zf->origin) : NULL;
			pc->ctx.changed_zones = xrealloc(pc->ctx.changed_zones,
				(pc->ctx.changed_zone_count + 1) * sizeof(char *));
			pc->ctx.changed_zones[pc->ctx.changed_zone_count++] =
				xstrdup(zf->path);
		}
	}
	for (i = 0; i < m->host_count; i++)
		if (host_changed(pc, &m->hosts[i])) {
			names[n] = m->hosts[i].name;
			dirs[n++] = m->hosts[i].dir;
		}
	settings_copy(&pc->before.settings, &pc->after.settings);
	rc = load_zones(&pc->before.model, snapshot_source(pc->head), &changed,
			true, err);
	if (rc == 0)
		rc = load_cert_dirs(&pc->before.model, snapshot_source(pc->head),
				    names, dirs, n, err);
	model_index(&pc->before.model);
	zone_list_release(&changed);
	free(names);
	free(dirs);
	return rc;
}

/* Opens HEAD when there is one; the first commit has no change rules. */
static int open_head(struct precommit *pc, struct strbuf *err)
{
	struct strbuf none;

	strbuf_init(&none);
	if (repo_resolve(pc->repo, "HEAD", pc->head_id, &none) < 0) {
		strbuf_release(&none);
		pc->head_id[0] = '\0';
		return 0;
	}
	strbuf_release(&none);
	return snapshot_commit(pc->repo, pc->head_id, &pc->head, err);
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
		       err) < 0 || open_head(pc, err) < 0)
		return -1;
	now = pc->opts.have_now ? pc->opts.now : time(NULL);
	if (lint_ctx_init(&pc->ctx, &pc->after.model, &pc->after.settings, now,
			  err) < 0)
		return -1;
	if (pc->head_id[0]) {
		if (load_head_changes(pc, err) < 0)
			return -1;
		pc->history = history_new(pc->repo);
		pc->ctx.base = &pc->before.model;
		pc->ctx.base_commit = pc->head_id;
		pc->ctx.history = pc->history;
		pc->ctx.base_partial = true;
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
