/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint check: lints zone files and certificates on disk. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "load.h"
#include "msg.h"
#include "options.h"
#include "output.h"
#include "report.h"
#include "rule.h"

static const char check_usage[] =
	"usage: danelint check [OPTION...] [PATH...]\n"
	"\n"
	"Lints zone files (or the zone files below directories) and the\n"
	"certificate directory. Without PATH, the zones setting of .danelint\n"
	"or every *.zone, db.*, *.db and *.zone.signed file below the\n"
	"repository root.\n"
	"\n"
	"  --config FILE      read settings from FILE, not .danelint\n"
	"  --no-config        read no .danelint\n"
	"  --certs DIR        certificate directory (default: certs below the\n"
	"                     root; relative to the working directory)\n"
	"  --origin NAME      origin of the one zone file given\n"
	"  --format FORMAT    text (default), json, sarif, github, gitlab,\n"
	"                     junit, or auto (github under GitHub Actions,\n"
	"                     else text); docs/formats.md shows each\n"
	"  --docs-url URL     where danelint's docs/ is served, for the links\n"
	"                     of the sarif report\n"
	"  -o, --output FILE  write the report to FILE\n"
	"  --fail-on LEVEL    exit 1 for findings at or above error (default),\n"
	"                     warning or note\n"
	"  --exit-zero        exit 0 even with findings\n"
	"  --enable RULE      turn a rule on (repeatable)\n"
	"  --disable RULE     turn a rule off (repeatable)\n"
	"  --now TIME         reference time: 2026-12-04T10:00:00Z or epoch\n"
	"                     seconds (default: now)\n"
	"  --color WHEN       auto (default), always or never\n"
	"  --jobs N           accepted; loading is single-threaded for now\n"
	"  -q, --quiet        hide danelint's notes\n"
	"  -v, --verbose      show debug lines\n";

struct check_run {
	struct options opts;
	struct settings settings;
	struct model model;
	struct zone_list zones;
	struct lint_ctx ctx;
	char *cwd;
	char **rel_paths;
};

/* Makes a path given relative to the working directory root-relative. */
static char *root_relative(const struct check_run *run, const char *path)
{
	const char *root = run->settings.root;
	char *abs = path_join(run->cwd, path);
	size_t n = strlen(root);
	char *rel;

	if (strncmp(abs, root, n) == 0 && abs[n] == '/')
		rel = xstrdup(abs + n + 1);
	else if (strcmp(abs, root) == 0)
		rel = xstrdup(".");
	else
		rel = xstrdup(abs);
	free(abs);
	return rel;
}

/* Reads .danelint (or --config) and sets the repository root. */
static int setup_settings(struct check_run *run, struct strbuf *err)
{
	struct settings *s = &run->settings;
	char *root = NULL, *found = NULL;

	if (run->opts.config) {
		char *abs = realpath(run->opts.config, NULL);

		if (!abs) {
			strbuf_addf(err, "cannot open '%s': %s",
				    run->opts.config, strerror(errno));
			return -1;
		}
		root = path_dirname(abs);
		found = abs;
	} else {
		/* The root is found the same way with --no-config. */
		found = config_find(run->cwd, &root);
		if (run->opts.no_config) {
			free(found);
			found = NULL;
		}
	}
	s->root = root ? root : xstrdup(run->cwd);
	if (found && config_read(s, found, err) < 0) {
		free(found);
		return -1;
	}
	free(found);
	if (options_apply(&run->opts, s) < 0)
		return -1;
	/* --certs is relative to the working directory, as paths are. */
	if (run->opts.certs && run->opts.certs[0] != '/') {
		free(s->certs);
		s->certs = root_relative(run, run->opts.certs);
	}
	return 0;
}

/* Turns the PATH arguments into root-relative paths. */
static int relative_paths(struct check_run *run, struct strbuf *err)
{
	const char *root = run->settings.root;
	size_t i, n = strlen(root);

	run->rel_paths = xcalloc(run->opts.path_count + 1, sizeof(char *));
	for (i = 0; i < run->opts.path_count; i++) {
		const char *arg = run->opts.paths[i];
		char *abs;

		if (strcmp(arg, "-") == 0) {
			/* TODO: read a zone from standard input */
			strbuf_addstr(err, "reading standard input ('-') is not "
				      "supported yet; pass the file name");
			return -1;
		}
		abs = realpath(arg, NULL);
		if (!abs) {
			strbuf_addf(err, "cannot open '%s': %s", arg,
				    strerror(errno));
			return -1;
		}
		if (strncmp(abs, root, n) == 0 && abs[n] == '/')
			run->rel_paths[i] = xstrdup(abs + n + 1);
		else if (strcmp(abs, root) == 0)
			run->rel_paths[i] = xstrdup("");
		else
			run->rel_paths[i] = xstrdup(abs);
		free(abs);
	}
	return 0;
}

/* Refuses an -o file that is one of the inputs: writing would empty it. */
static int check_output(const struct check_run *run, struct strbuf *err)
{
	struct stat out, in;
	size_t i;

	if (!run->opts.output || stat(run->opts.output, &out) != 0)
		return 0;
	for (i = 0; i < run->zones.count; i++) {
		char *path = path_join(run->settings.root,
				       run->zones.files[i].path);
		bool same = stat(path, &in) == 0 && in.st_dev == out.st_dev &&
			    in.st_ino == out.st_ino;

		free(path);
		if (same) {
			strbuf_addf(err, "-o '%s' is the zone file '%s', which "
				    "the report would overwrite; write the "
				    "report to another file", run->opts.output,
				    run->zones.files[i].path);
			return -1;
		}
	}
	return 0;
}

static int load_and_lint(struct check_run *run, struct strbuf *err)
{
	struct source src;
	time_t now = run->opts.have_now ? run->opts.now : time(NULL);

	source_disk_init(&src, run->settings.root);
	if (run->opts.origin && run->opts.path_count != 1) {
		strbuf_addstr(err, "--origin needs exactly one zone file");
		return -1;
	}
	if (load_collect_zones(&src, &run->settings, run->rel_paths,
			       run->opts.path_count, run->opts.origin,
			       &run->zones, err) < 0 || check_output(run, err) < 0 ||
	    load_zones(&run->model, &src, &run->zones, false, err) < 0 ||
	    load_certs(&run->model, &src, &run->settings, err) < 0)
		return -1;
	if (!run->zones.count)
		msg_note("no zone files found below '%s'; name them as "
			 "arguments or with zones = in .danelint",
			 run->settings.root);
	model_index(&run->model);
	if (lint_ctx_init(&run->ctx, &run->model, &run->settings, now, err) < 0)
		return -1;
	if (lint_run(&run->ctx, true, true) < 0) {
		strbuf_addstr(err, "internal error while running the rules");
		return -1;
	}
	return 0;
}

static void check_release(struct check_run *run)
{
	size_t i;

	lint_ctx_release(&run->ctx);
	zone_list_release(&run->zones);
	model_release(&run->model);
	settings_release(&run->settings);
	options_release(&run->opts);
	if (run->rel_paths)
		for (i = 0; i < run->opts.path_count; i++)
			free(run->rel_paths[i]);
	free(run->rel_paths);
	free(run->cwd);
}

int cmd_check(int argc, char **argv)
{
	struct check_run run;
	struct strbuf err;
	int rc, status = 2;

	memset(&run, 0, sizeof(run));
	strbuf_init(&err);
	settings_init(&run.settings);
	model_init(&run.model);
	rc = options_parse(&run.opts, argc, argv, check_usage);
	if (rc != 0) {
		status = rc > 0 ? 0 : 2;
		goto out;
	}
	msg_set_quiet(run.opts.quiet);
	msg_set_verbose(run.opts.verbose);
	run.cwd = getcwd(NULL, 0);
	if (!run.cwd) {
		strbuf_addf(&err, "cannot read the working directory: %s",
			    strerror(errno));
		goto out;
	}
	if (setup_settings(&run, &err) < 0 || relative_paths(&run, &err) < 0 ||
	    load_and_lint(&run, &err) < 0)
		goto out;
	status = output_findings(&run.opts, &run.ctx, run.settings.fail_on,
				 run.zones.count, &err);
	if (status < 0)
		status = 2;
out:
	if (err.len)
		msg_error("%s", strbuf_str(&err));
	strbuf_release(&err);
	check_release(&run);
	return status;
}
