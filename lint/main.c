/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint: the subcommand table and the top-level options. */
#include <stdio.h>
#include <string.h>

#include <git2.h>
#include <openssl/crypto.h>

#include "commands.h"
#include "cert_cache.h"
#include "dane.h"
#include "msg.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "check", cmd_check, "lint zone files and certificates on disk" },
	{ "ci", cmd_ci,
	  "lint the head tree and every commit's change in base..head" },
	{ "hook", cmd_hook, "install or uninstall the git pre-commit hook" },
	{ "lsp", cmd_lsp,
	  "run a language server for editors on standard input and output" },
	{ "plan", cmd_plan,
	  "show each host's keys, records, their age and the next step" },
	{ "pre-commit", cmd_precommit,
	  "lint the staged snapshot and the change from HEAD to it" },
	{ "rules", cmd_rules, "list the rules, or explain one" },
	{ "tlsa", cmd_tlsa,
	  "print TLSA records for the keys in certificate files" },
};

static void usage(FILE *out)
{
	size_t i;

	fputs("usage: danelint COMMAND [OPTION...] [ARG...]\n\n"
	      "danelint checks DNS zone files that publish DANE TLSA records\n"
	      "against the keys in a certificate directory.\n\ncommands:\n",
	      out);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-12s %s\n", commands[i].name,
			commands[i].summary);
	fputs("\n'danelint COMMAND --help' describes a command's options.\n"
	      "exit status: 0 no finding at or above --fail-on, 1 findings,\n"
	      "2 usage error, unreadable input or internal error\n", out);
}

static int run(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("danelint %s (ldns, %s, libgit2 %d.%d.%d)\n",
		       DANELINT_VERSION, OpenSSL_version(OPENSSL_VERSION),
		       LIBGIT2_VER_MAJOR, LIBGIT2_VER_MINOR, LIBGIT2_VER_REVISION);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			msg_set_command(commands[i].name);
			return commands[i].run(argc - 1, argv + 1);
		}
	msg_usage("unknown command '%s'", argv[1]);
	return 2;
}

int main(int argc, char **argv)
{
	int status;

	if (git_libgit2_init() < 0) {
		msg_error("cannot initialise libgit2");
		return 2;
	}
	/* By default libgit2 caches only trees under 4 KiB, so a certs/
	 * directory of thousands of hosts was inflated again per lookup. */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE,
			 (size_t)64 << 20);
	status = run(argc, argv);
	dane_cleanup();
	cert_cache_clear();
	git_libgit2_shutdown();
	return status;
}
