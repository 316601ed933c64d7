/* SPDX-License-Identifier: BSD-3-Clause */
/* The options common to the linting commands. */
#ifndef DANELINT_OPTIONS_H
#define DANELINT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "config.h"
#include "report.h"

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER,
};

/* --enable and --disable, applied in command-line order. */
struct rule_toggle {
	const char *rule;
	bool enable;
};

struct options {
	const char *config;
	bool no_config;
	const char *certs;
	const char *origin;
	const char *stdin_filename;	/* path of the zone read from '-' */
	enum report_format format;
	const char *docs_url;
	const char *output;
	const char *fail_on;
	bool exit_zero;
	struct rule_toggle *toggles;
	size_t toggle_count;
	bool have_now;
	time_t now;
	bool quiet;
	bool verbose;
	long jobs;
	enum color_mode color;
	char **paths;
	size_t path_count;
};

/*
 * Parses argv[1..argc-1] of a subcommand. Returns 0, 1 when --help was
 * printed, or -1 after a usage message on stderr.
 */
int options_parse(struct options *o, int argc, char **argv,
		  const char *usage);
void options_release(struct options *o);

/* Applies --certs, --fail-on, --docs-url, --enable and --disable to s. */
int options_apply(const struct options *o, struct settings *s);

/* Parses ISO 8601 ("2026-12-04", "2026-12-04T10:00:00Z") or epoch seconds. */
int parse_time(const char *s, time_t *out);

#endif
