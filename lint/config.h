/* SPDX-License-Identifier: BSD-3-Clause */
/* Settings: defaults, the .danelint file (git-config syntax) and options. */
#ifndef DANELINT_CONFIG_H
#define DANELINT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum severity {
	SEV_OFF = 0,
	SEV_NOTE,
	SEV_WARNING,
	SEV_ERROR,
};

const char *severity_name(enum severity s);
/* Parses "error", "warning", "note" and, with allow_off, "off". */
int severity_parse(const char *s, bool allow_off, enum severity *out);

struct zone_setting {
	char *origin;	/* absolute, lower case */
	char *file;
};

struct host_setting {
	char *host;	/* absolute, lower case */
	char *certs;
};

struct rule_setting {
	char *rule;
	enum severity severity;
	/* Set by --enable: back to the rule's default, which for some rules
	 * varies per finding, so severity above only turns the rule on. */
	bool restore_default;
};

struct settings {
	char *root;		/* repository root, absolute */
	char *config_file;	/* the .danelint read, or NULL */
	char **zones;		/* globs, relative to root */
	size_t zone_count;
	char *certs;		/* certificate directory, relative to root */
	bool certs_explicit;	/* given by option or configuration */
	enum severity fail_on;
	long expiry_warning_days;
	long prepublish_ttls;
	long resolver_min_ttl;
	long max_tlsa_ttl;
	long max_tlsa_records;
	char *docs_url;		/* where danelint's docs/ is served, ending
				 * in '/', or NULL: links in sarif reports */
	struct zone_setting *zone_map;
	size_t zone_map_count;
	struct host_setting *host_map;
	size_t host_map_count;
	struct rule_setting *rules;	/* severity overrides, in order */
	size_t rule_count;
};

void settings_init(struct settings *s);
void settings_release(struct settings *s);

/*
 * Reads a .danelint file into s with libgit2's config parser. Unknown keys
 * and invalid values are errors: err gets "FILE: key 'x': reason" and the
 * function returns -1.
 */
int config_read(struct settings *s, const char *path, struct strbuf *err);

/* Reads path, naming it name in messages. */
int config_read_named(struct settings *s, const char *path, const char *name,
		      struct strbuf *err);
/* Reads configuration text held in memory (a blob of a git snapshot). */
int config_read_buffer(struct settings *s, const char *name, const char *data,
		       size_t len, struct strbuf *err);

/*
 * Finds .danelint searching upward from dir, stopping at the first
 * directory that holds .git (the repository root). Returns a malloc'd path
 * or NULL; *root gets the directory where the search stopped (the one with
 * .danelint or .git), or NULL when neither was found.
 */
char *config_find(const char *dir, char **root);

void settings_add_rule(struct settings *s, const char *rule,
		       enum severity sev);

/*
 * Checks that url is an absolute http or https URL made of ASCII
 * characters other than spaces, quotes, '<', '>' and '\\', so that no
 * report format needs to escape it.
 */
bool docs_url_valid(const char *url);
/* Sets docs_url, adding the final '/' when it is missing; returns -1 and
 * leaves s alone when url is not valid. */
int settings_set_docs_url(struct settings *s, const char *url);

#endif
