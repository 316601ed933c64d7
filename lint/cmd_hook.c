/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint hook install|uninstall: manages the git pre-commit hook. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "msg.h"
#include "snapshot.h"

/* The text of hooks/pre-commit, built into the binary. */
extern const char hook_script[];

/* The line that marks a hook as danelint's own. */
#define HOOK_MARK "# danelint pre-commit hook"

static const char hook_usage[] =
	"usage: danelint hook install [--force]\n"
	"       danelint hook uninstall\n"
	"\n"
	"Installs or removes the git pre-commit hook that runs\n"
	"'danelint pre-commit', in the hooks directory git uses\n"
	"(core.hooksPath when set). install replaces a hook that danelint\n"
	"did not write only with --force, and keeps it as pre-commit.orig.\n";

/* Returns 1 when path is danelint's hook, 0 when it is another, -1 when
 * there is none. */
static int hook_owner(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];
	int mine = 0;

	if (!f)
		return -1;
	while (!mine && fgets(line, sizeof(line), f))
		mine = str_starts_with(line, HOOK_MARK);
	fclose(f);
	return mine;
}

static int make_dirs(const char *dir, struct strbuf *err)
{
	char *copy = xstrdup(dir), *p;
	int rc = 0;

	for (p = copy + 1; rc == 0 && *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0777) < 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	if (rc == 0 && mkdir(copy, 0777) < 0 && errno != EEXIST)
		rc = -1;
	if (rc < 0)
		strbuf_addf(err, "cannot create '%s': %s", dir, strerror(errno));
	free(copy);
	return rc;
}

static int write_hook(const char *path, struct strbuf *err)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(hook_script, f) < 0 || fclose(f) != 0 ||
	    chmod(path, 0755) < 0) {
		strbuf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int install(const char *dir, bool force, struct strbuf *err)
{
	char *path = xasprintf("%s/pre-commit", dir);
	char *backup = xasprintf("%s/pre-commit.orig", dir);
	int owner = hook_owner(path), rc = -1;

	if (owner == 0 && !force) {
		strbuf_addf(err, "'%s' is a hook that danelint did not write; "
			    "call it from there, or run 'danelint hook install "
			    "--force' to replace it (it is kept as "
			    "pre-commit.orig)", path);
		goto out;
	}
	if (owner == 0 && rename(path, backup) < 0) {
		strbuf_addf(err, "cannot keep '%s' as '%s': %s", path, backup,
			    strerror(errno));
		goto out;
	}
	if (make_dirs(dir, err) < 0 || write_hook(path, err) < 0)
		goto out;
	printf("installed the danelint pre-commit hook in %s%s\n", path,
	       owner == 0 ? " (the previous hook is pre-commit.orig)" : "");
	rc = 0;
out:
	free(path);
	free(backup);
	return rc;
}

static int uninstall(const char *dir, struct strbuf *err)
{
	char *path = xasprintf("%s/pre-commit", dir);
	int owner = hook_owner(path), rc = 0;

	if (owner < 0)
		printf("no pre-commit hook in %s; nothing to remove\n", dir);
	else if (owner == 0)
		printf("'%s' was not written by danelint; left unchanged\n",
		       path);
	else if (remove(path) < 0) {
		strbuf_addf(err, "cannot remove '%s': %s", path,
			    strerror(errno));
		rc = -1;
	} else {
		printf("removed the danelint pre-commit hook %s\n", path);
	}
	free(path);
	return rc;
}

int cmd_hook(int argc, char **argv)
{
	struct repo *repo = NULL;
	struct strbuf err;
	char *dir = NULL;
	bool force = argc == 3 && strcmp(argv[2], "--force") == 0;
	int status = 2;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
			  strcmp(argv[1], "-h") == 0)) {
		fputs(hook_usage, stdout);
		return 0;
	}
	if (argc < 2 || (strcmp(argv[1], "install") != 0 &&
			 strcmp(argv[1], "uninstall") != 0) ||
	    argc > 3 || (argc == 3 && (!force || argv[1][0] == 'u'))) {
		msg_usage("use 'danelint hook install [--force]' or "
			  "'danelint hook uninstall'");
		return 2;
	}
	strbuf_init(&err);
	if (repo_open(&repo, &err) == 0 &&
	    repo_hooks_dir(repo, &dir, &err) == 0)
		status = (argv[1][0] == 'i' ? install(dir, force, &err)
					    : uninstall(dir, &err)) < 0 ? 2 : 0;
	if (err.len)
		msg_error("%s", strbuf_str(&err));
	strbuf_release(&err);
	free(dir);
	repo_free(repo);
	return status;
}
