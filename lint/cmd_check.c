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

/* The size limit of zone files on disk (source.c), for '-' too. */
#define MAX_STDIN_SIZE ((size_t)1 << 31)

static const char check_usage[] =
	"usage: danelint check [OPTION...] [PATH...]\n"
	"       danelint check [OPTION...] --stdin-filename NAME -\n"
	"\n"
	"Lints zone files (or the zone files below directories) and the\n"
	"certificate directory. Without PATH, the zones setting of .danelint\n"
	"or every *.zone, db.*, *.db and *.zone.signed file below the\n"
	"repository root.\n"
	"\n"
	"With '-', the zone text comes from standard input and takes the\n"
	"place of the file NAME: NAME sets the root, .danelint and origin, the\n"
	"rest of the repository is loaded from disk, and only NAME's findings\n"
	"are reported.\n"
	"\n"
	"  --config FILE      read settings from FILE, not .danelint\n"
	"  --no-config        read no .danelint\n"
	"  --certs DIR        certificate directory (default: certs below the\n"
	"                     root; relative to the working directory)\n"
	"  --origin NAME      origin of the one zone file given\n"
	"  --stdin-filename NAME\n"
	"                     path of the zone read from '-' (relative to the\n"
	"                     working directory; need not exist)\n"
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
	"  --jobs N           threads for large zone files and certificate\n"
	"                     directories (default: the number of processors)\n"
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
	char *stdin_path;	/* --stdin-filename made absolute, or NULL */
	struct strbuf stdin_text;
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
		/* The root is found the same way with --no-config. A zone on
		 * standard input is looked up from the directory of NAME. */
		char *start = run->stdin_path ? path_dirname(run->stdin_path)
					      : xstrdup(run->cwd);

		found = config_find(start, &root);
		free(start);
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

/*
 * Checks that '-' comes with --stdin-filename and alone, and makes NAME
 * absolute. Returns -1 after a usage message.
 */
static int setup_stdin(struct check_run *run)
{
	const struct options *o = &run->opts;
	size_t i, dashes = 0;
	struct stat st;

	for (i = 0; i < o->path_count; i++)
		dashes += strcmp(o->paths[i], "-") == 0;
	if (dashes && !o->stdin_filename) {
		msg_usage("'-' reads the zone from standard input and needs "
			  "--stdin-filename NAME, the path of the zone file it "
			  "replaces");
		return -1;
	}
	if (o->stdin_filename && (dashes != 1 || o->path_count != 1)) {
		msg_usage("--stdin-filename needs '-' as the only path: "
			  "danelint check --stdin-filename %s -",
			  o->stdin_filename);
		return -1;
	}
	if (!o->stdin_filename)
		return 0;
	run->stdin_path = path_resolve(run->cwd, o->stdin_filename);
	if (stat(run->stdin_path, &st) == 0 && S_ISDIR(st.st_mode)) {
		msg_usage("--stdin-filename '%s' is a directory; name the zone "
			  "file that standard input replaces",
			  o->stdin_filename);
		return -1;
	}
	return 0;
}

/* Reads the zone text of '-', with the size limit of files on disk. */
static int read_stdin(struct check_run *run, struct strbuf *err)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		if (run->stdin_text.len + n > MAX_STDIN_SIZE) {
			strbuf_addstr(err, "standard input is larger than 2 GiB");
			return -1;
		}
		strbuf_add(&run->stdin_text, chunk, n);
	}
	if (ferror(stdin)) {
		strbuf_addf(err, "cannot read standard input: %s",
			    strerror(errno));
		return -1;
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
			run->rel_paths[i] = root_relative(run, run->stdin_path);
			continue;
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

/* The zones to load: the paths given or, for '-', the whole repository
 * with NAME first. */
static int collect_zones(struct check_run *run, const struct source *src,
			 struct strbuf *err)
{
	if (run->stdin_path)
		return load_collect_with(src, &run->settings, run->rel_paths[0],
					 run->opts.origin, &run->zones, err);
	return load_collect_zones(src, &run->settings, run->rel_paths,
				  run->opts.path_count, run->opts.origin,
				  &run->zones, err);
}

static int lint_source(struct check_run *run, const struct source *src,
		       struct strbuf *err)
{
	time_t now = run->opts.have_now ? run->opts.now : time(NULL);
	double start = seconds_now(), loaded, indexed;

	if (run->opts.origin && run->opts.path_count != 1) {
		strbuf_addstr(err, "--origin needs exactly one zone file");
		return -1;
	}
	if (collect_zones(run, src, err) < 0 || check_output(run, err) < 0 ||
	    load_zones(&run->model, src, &run->zones, false, err) < 0)
		return -1;
	loaded = seconds_now();
	msg_debug("zone files read in %.3f s", loaded - start);
	if (load_certs(&run->model, src, &run->settings, err) < 0)
		return -1;
	if (!run->zones.count)
		msg_note("no zone files found below '%s'; name them as "
			 "arguments or with zones = in .danelint",
			 run->settings.root);
	msg_debug("certificates read in %.3f s", seconds_now() - loaded);
	loaded = seconds_now();
	model_index(&run->model);
	indexed = seconds_now();
	msg_debug("model indexed in %.3f s", indexed - loaded);
	msg_debug("root '%s', configuration %s", run->settings.root,
		  run->settings.config_file ? run->settings.config_file
					    : "none");
	msg_debug("%zu zone files, %zu records, %zu TLSA RRsets, %zu hosts "
		  "in '%s'", run->zones.count, run->model.record_count,
		  run->model.tlsa_set_count, run->model.host_count,
		  run->settings.certs);
	if (lint_ctx_init(&run->ctx, &run->model, &run->settings, now, err) < 0)
		return -1;
	if (lint_run(&run->ctx, true, true) < 0) {
		strbuf_addstr(err, "internal error while running the rules");
		return -1;
	}
	msg_debug("rules run in %.3f s", seconds_now() - indexed);
	if (run->stdin_path)
		lint_keep_file(&run->ctx, run->rel_paths[0]);
	return 0;
}

/* Lints from disk, with the text of '-' in place of NAME's file. */
static int load_and_lint(struct check_run *run, struct strbuf *err)
{
	struct source disk;
	struct overlay_source overlay;
	int rc;

	source_disk_init(&disk, run->settings.root);
	if (!run->stdin_path)
		return lint_source(run, &disk, err);
	source_overlay_init(&overlay, &disk, run->rel_paths[0],
			    strbuf_str(&run->stdin_text), run->stdin_text.len);
	rc = lint_source(run, &overlay.base, err);
	source_overlay_release(&overlay);
	return rc;
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
	free(run->stdin_path);
	strbuf_release(&run->stdin_text);
}

int cmd_check(int argc, char **argv)
{
	struct check_run run;
	struct strbuf err;
	int rc, status = 2;

	memset(&run, 0, sizeof(run));
	strbuf_init(&err);
	strbuf_init(&run.stdin_text);
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
	if (setup_stdin(&run) < 0)
		goto out;
	if (setup_settings(&run, &err) < 0 || relative_paths(&run, &err) < 0 ||
	    (run.stdin_path && read_stdin(&run, &err) < 0) ||
	    load_and_lint(&run, &err) < 0)
		goto out;
	status = output_findings(&run.opts, &run.ctx, run.settings.fail_on,
				 run.stdin_path ? 1 : run.zones.count, &err);
	if (status < 0)
		status = 2;
out:
	if (err.len)
		msg_error("%s", strbuf_str(&err));
	strbuf_release(&err);
	check_release(&run);
	return status;
}
