/* SPDX-License-Identifier: BSD-3-Clause */
/* The options common to the linting commands. */
#include "options.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "rule.h"

enum {
	OPT_CONFIG = 256,
	OPT_NO_CONFIG,
	OPT_CERTS,
	OPT_ORIGIN,
	OPT_FORMAT,
	OPT_FAIL_ON,
	OPT_EXIT_ZERO,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_NOW,
	OPT_COLOR,
	OPT_JOBS,
	OPT_DOCS_URL,
	OPT_STDIN_FILENAME,
};

static const struct option long_options[] = {
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "certs", required_argument, NULL, OPT_CERTS },
	{ "origin", required_argument, NULL, OPT_ORIGIN },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "exit-zero", no_argument, NULL, OPT_EXIT_ZERO },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "docs-url", required_argument, NULL, OPT_DOCS_URL },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int days_from_civil(long y, unsigned m, unsigned d, long *out)
{
	/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (long)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (long)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*out = era * 146097 + doe - 719468;
	return 0;
}

int parse_time(const char *s, time_t *out)
{
	unsigned long epoch;
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
	long days;

	if (parse_ulong(s, 253402300799UL, &epoch) == 0) {
		*out = (time_t)epoch;
		return 0;
	}
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
		return -1;
	if (s[n] == 'T' || s[n] == ' ') {
		int m2 = 0;

		if (sscanf(s + n + 1, "%2d:%2d:%2d%n", &h, &mi, &sec, &m2) != 3)
			return -1;
		n += 1 + m2;
		if (s[n] == 'Z')
			n++;
		else if (strcmp(s + n, "+00:00") == 0)
			n += 6;
	}
	if (s[n] || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || sec > 60 || y < 1970)
		return -1;
	days_from_civil(y, (unsigned)mo, (unsigned)d, &days);
	*out = (time_t)(days * 86400 + h * 3600 + mi * 60 + sec);
	return 0;
}

/* A presentation-format domain name: labels of letters, digits, '-',
 * '_' and '*', each 1 to 63 bytes, 253 bytes in all (RFC 1035, 2.3.4). */
static bool valid_name(const char *s)
{
	size_t label = 0, total = 0;

	if (strcmp(s, ".") == 0)
		return true;
	for (; *s; s++, total++) {
		if (*s == '.') {
			if (label == 0)
				return false;
			label = 0;
			continue;
		}
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' &&
		    *s != '*')
			return false;
		if (++label > 63)
			return false;
	}
	return total > 0 && total <= 254;
}

static int add_toggle(struct options *o, const char *rule, bool enable)
{
	if (!rule_find(rule)) {
		msg_usage("unknown rule '%s'; 'danelint rules' lists the rules",
			  rule);
		return -1;
	}
	o->toggles = xrealloc(o->toggles, (o->toggle_count + 1) *
			      sizeof(*o->toggles));
	o->toggles[o->toggle_count].rule = rule;
	o->toggles[o->toggle_count].enable = enable;
	o->toggle_count++;
	return 0;
}

static int parse_value(struct options *o, int c, const char *arg)
{
	unsigned long jobs;
	enum severity sev;

	switch (c) {
	case OPT_FORMAT:
		if (report_format_parse(arg, &o->format) == 0)
			return 0;
		msg_usage("unknown format '%s'; use text, json, sarif, github, "
			  "gitlab, junit or auto", arg);
		return -1;
	case OPT_FAIL_ON:
		if (severity_parse(arg, false, &sev) == 0) {
			o->fail_on = arg;
			return 0;
		}
		msg_usage("invalid --fail-on '%s'; use error, warning or note",
			  arg);
		return -1;
	case OPT_NOW:
		o->have_now = true;
		if (parse_time(arg, &o->now) == 0)
			return 0;
		msg_usage("invalid --now '%s'; use 2026-12-04T10:00:00Z or "
			  "seconds since 1970", arg);
		return -1;
	case OPT_COLOR:
		if (strcmp(arg, "auto") == 0)
			o->color = COLOR_AUTO;
		else if (strcmp(arg, "always") == 0)
			o->color = COLOR_ALWAYS;
		else if (strcmp(arg, "never") == 0)
			o->color = COLOR_NEVER;
		else {
			msg_usage("invalid --color '%s'; use auto, always or "
				  "never", arg);
			return -1;
		}
		return 0;
	case OPT_DOCS_URL:
		if (docs_url_valid(arg)) {
			o->docs_url = arg;
			return 0;
		}
		msg_usage("invalid --docs-url '%s'; give the http or https URL "
			  "of danelint's docs/ directory", arg);
		return -1;
	case OPT_JOBS:
		if (parse_ulong(arg, 1024, &jobs) == 0 && jobs > 0) {
			o->jobs = (long)jobs;
			set_thread_count((unsigned)jobs);
			return 0;
		}
		msg_usage("invalid --jobs '%s'; use a number from 1 to 1024",
			  arg);
		return -1;
	default:
		return -1;
	}
}

static int parse_one(struct options *o, int c, const char *arg)
{
	switch (c) {
	case OPT_CONFIG:
		o->config = arg;
		return 0;
	case OPT_NO_CONFIG:
		o->no_config = true;
		return 0;
	case OPT_CERTS:
		if (!*arg) {
			msg_usage("--certs needs a directory name");
			return -1;
		}
		o->certs = arg;
		return 0;
	case OPT_ORIGIN:
		if (!valid_name(arg)) {
			msg_usage("invalid --origin '%s'; give a domain name "
				  "such as example.net", arg);
			return -1;
		}
		o->origin = arg;
		return 0;
	case OPT_STDIN_FILENAME:
		if (!*arg) {
			msg_usage("--stdin-filename needs a file name");
			return -1;
		}
		o->stdin_filename = arg;
		return 0;
	case 'o':
		o->output = arg;
		return 0;
	case OPT_EXIT_ZERO:
		o->exit_zero = true;
		return 0;
	case OPT_ENABLE:
	case OPT_DISABLE:
		return add_toggle(o, arg, c == OPT_ENABLE);
	case 'q':
		o->quiet = true;
		return 0;
	case 'v':
		o->verbose = true;
		return 0;
	default:
		return parse_value(o, c, arg);
	}
}

int options_parse(struct options *o, int argc, char **argv, const char *usage)
{
	int c;

	memset(o, 0, sizeof(*o));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:qvh", long_options, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return 1;
		}
		if (c == '?' || c == ':') {
			if (optopt > 0 && optopt < 256)
				msg_usage("invalid option '-%c', or its value is "
					  "missing", optopt);
			else
				msg_usage("invalid option '%s', or its value is "
					  "missing", argv[optind - 1]);
			return -1;
		}
		if (parse_one(o, c, optarg) < 0)
			return -1;
	}
	o->paths = argv + optind;
	o->path_count = (size_t)(argc - optind);
	return 0;
}

void options_release(struct options *o)
{
	free(o->toggles);
	o->toggles = NULL;
}

int options_apply(const struct options *o, struct settings *s)
{
	size_t i;

	if (o->certs) {
		free(s->certs);
		s->certs = xstrdup(o->certs);
		s->certs_explicit = true;
	}
	if (o->fail_on)
		severity_parse(o->fail_on, false, &s->fail_on);
	if (o->docs_url)
		settings_set_docs_url(s, o->docs_url);
	for (i = 0; i < o->toggle_count; i++) {
		const struct rule *r = rule_find(o->toggles[i].rule);

		settings_add_rule(s, r->id, o->toggles[i].enable ? r->severity
								  : SEV_OFF);
		s->rules[s->rule_count - 1].restore_default =
			o->toggles[i].enable;
	}
	return 0;
}
