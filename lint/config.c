/* SPDX-License-Identifier: BSD-3-Clause */
/* Settings: defaults, the .danelint file (git-config syntax) and options. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>

static const char *const severity_names[] = { "off", "note", "warning",
					      "error" };

const char *severity_name(enum severity s)
{
	return severity_names[s];
}

int severity_parse(const char *s, bool allow_off, enum severity *out)
{
	size_t i;

	for (i = allow_off ? 0 : 1; i < ARRAY_SIZE(severity_names); i++)
		if (strcmp(s, severity_names[i]) == 0) {
			*out = (enum severity)i;
			return 0;
		}
	return -1;
}

void settings_init(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->certs = xstrdup("certs");
	s->fail_on = SEV_ERROR;
	s->expiry_warning_days = 30;
	s->prepublish_ttls = 2;
	s->resolver_min_ttl = 0;
	s->max_tlsa_ttl = 86400;
	s->max_tlsa_records = 8;
}

void settings_release(struct settings *s)
{
	size_t i;

	for (i = 0; i < s->zone_count; i++)
		free(s->zones[i]);
	for (i = 0; i < s->zone_map_count; i++) {
		free(s->zone_map[i].origin);
		free(s->zone_map[i].file);
	}
	for (i = 0; i < s->host_map_count; i++) {
		free(s->host_map[i].host);
		free(s->host_map[i].certs);
	}
	for (i = 0; i < s->rule_count; i++)
		free(s->rules[i].rule);
	free(s->zones);
	free(s->zone_map);
	free(s->host_map);
	free(s->rules);
	free(s->certs);
	free(s->root);
	free(s->config_file);
	free(s->docs_url);
	memset(s, 0, sizeof(*s));
}

void settings_add_rule(struct settings *s, const char *rule, enum severity sev)
{
	s->rules = xrealloc(s->rules, (s->rule_count + 1) * sizeof(*s->rules));
	s->rules[s->rule_count].rule = xstrdup(rule);
	s->rules[s->rule_count].severity = sev;
	s->rules[s->rule_count].restore_default = false;
	s->rule_count++;
}

bool docs_url_valid(const char *url)
{
	const char *host, *p;

	if (str_starts_with(url, "https://"))
		host = url + strlen("https://");
	else if (str_starts_with(url, "http://"))
		host = url + strlen("http://");
	else
		return false;
	if (!*host || *host == '/')
		return false;
	for (p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f ||
		    *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return false;
	return true;
}

int settings_set_docs_url(struct settings *s, const char *url)
{
	size_t n = strlen(url);

	if (!docs_url_valid(url))
		return -1;
	free(s->docs_url);
	s->docs_url = url[n - 1] == '/' ? xstrdup(url) : xasprintf("%s/", url);
	return 0;
}

/* Makes a host or zone name absolute and lower case. */
static char *normal_name(const char *name)
{
	char *out = str_ends_with(name, ".") ? xstrdup(name)
					     : xasprintf("%s.", name);
	char *p;

	for (p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

static int set_number(long *field, const char *value, unsigned long max)
{
	unsigned long v;

	if (parse_ulong(value, max, &v) < 0)
		return -1;
	*field = (long)v;
	return 0;
}

/* Applies one key of the [danelint] section. */
static int danelint_key(struct settings *s, const char *key, const char *value,
			const char **why)
{
	if (strcmp(key, "zones") == 0) {
		s->zones = xrealloc(s->zones, (s->zone_count + 1) *
				    sizeof(*s->zones));
		s->zones[s->zone_count++] = xstrdup(value);
		return 0;
	}
	if (strcmp(key, "certs") == 0) {
		free(s->certs);
		s->certs = xstrdup(value);
		s->certs_explicit = true;
		return 0;
	}
	*why = "expected a whole number in range (expiry-warning-days up to "
	       "36500, prepublish-ttls up to 100, max-tlsa-records up to "
	       "65535, TTLs up to 2147483647)";
	if (strcmp(key, "fail-on") == 0) {
		*why = "expected error, warning or note";
		return severity_parse(value, false, &s->fail_on);
	}
	if (strcmp(key, "expiry-warning-days") == 0)
		return set_number(&s->expiry_warning_days, value, 36500);
	if (strcmp(key, "prepublish-ttls") == 0)
		return set_number(&s->prepublish_ttls, value, 100);
	if (strcmp(key, "resolver-min-ttl") == 0)
		return set_number(&s->resolver_min_ttl, value, 2147483647UL);
	if (strcmp(key, "max-tlsa-ttl") == 0)
		return set_number(&s->max_tlsa_ttl, value, 2147483647UL);
	if (strcmp(key, "max-tlsa-records") == 0)
		return set_number(&s->max_tlsa_records, value, 65535);
	if (strcmp(key, "docs-url") == 0) {
		*why = "expected an http or https URL without spaces";
		return settings_set_docs_url(s, value);
	}
	*why = "unknown key; the keys are zones, certs, fail-on, "
	       "expiry-warning-days, prepublish-ttls, resolver-min-ttl, "
	       "max-tlsa-ttl, max-tlsa-records and docs-url";
	return -1;
}

/* Applies zone.NAME.file, host.NAME.certs and rule.ID.severity. */
static int subsection_key(struct settings *s, const char *section,
			  const char *sub, const char *key, const char *value,
			  const char **why)
{
	if (strcmp(section, "zone") == 0 && strcmp(key, "file") == 0) {
		s->zone_map = xrealloc(s->zone_map, (s->zone_map_count + 1) *
				       sizeof(*s->zone_map));
		s->zone_map[s->zone_map_count].origin = normal_name(sub);
		s->zone_map[s->zone_map_count].file = xstrdup(value);
		s->zone_map_count++;
		return 0;
	}
	if (strcmp(section, "host") == 0 && strcmp(key, "certs") == 0) {
		s->host_map = xrealloc(s->host_map, (s->host_map_count + 1) *
				       sizeof(*s->host_map));
		s->host_map[s->host_map_count].host = normal_name(sub);
		s->host_map[s->host_map_count].certs = xstrdup(value);
		s->host_map_count++;
		return 0;
	}
	if (strcmp(section, "rule") == 0 && strcmp(key, "severity") == 0) {
		enum severity sev;

		*why = "expected error, warning, note or off";
		if (severity_parse(value, true, &sev) < 0)
			return -1;
		settings_add_rule(s, sub, sev);
		return 0;
	}
	*why = "unknown key; the sections are [danelint], [zone \"NAME\"] "
	       "with file, [host \"NAME\"] with certs and [rule \"ID\"] with "
	       "severity";
	return -1;
}

/* Splits "zone.example.net.file" into section, subsection and key. */
static int apply_entry(struct settings *s, const git_config_entry *e,
		       const char **why)
{
	const char *first = strchr(e->name, '.');
	const char *last = strrchr(e->name, '.');
	const char *value = e->value ? e->value : "";
	char *section, *sub;
	int rc;

	if (!first)
		return *why = "not a key", -1;
	section = xstrndup(e->name, (size_t)(first - e->name));
	if (first == last) {
		rc = strcmp(section, "danelint") == 0
			? danelint_key(s, last + 1, value, why)
			: (*why = "unknown section; danelint reads [danelint], "
				  "[zone \"NAME\"], [host \"NAME\"] and "
				  "[rule \"ID\"]", -1);
		free(section);
		return rc;
	}
	sub = xstrndup(first + 1, (size_t)(last - first - 1));
	rc = subsection_key(s, section, sub, last + 1, value, why);
	free(section);
	free(sub);
	return rc;
}

int config_read(struct settings *s, const char *path, struct strbuf *err)
{
	return config_read_named(s, path, path, err);
}

int config_read_buffer(struct settings *s, const char *name, const char *data,
		       size_t len, struct strbuf *err)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/danelint-config-XXXXXX",
			       tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path), rc = -1;
	FILE *f;

	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		strbuf_addf(err, "cannot write a temporary copy of %s: %s",
			    name, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(path);
		return -1;
	}
	if (fwrite(data, 1, len, f) == len && fclose(f) == 0)
		rc = config_read_named(s, path, name, err);
	else
		strbuf_addf(err, "cannot write a temporary copy of %s", name);
	unlink(path);
	free(path);
	return rc;
}

int config_read_named(struct settings *s, const char *path, const char *name,
		      struct strbuf *err)
{
	git_config *cfg = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *e;
	int rc, status = -1;

	if (git_config_open_ondisk(&cfg, path) < 0) {
		const git_error *ge = git_error_last();

		strbuf_addf(err, "%s: %s", name, ge ? ge->message : "unreadable");
		return -1;
	}
	if (git_config_iterator_new(&it, cfg) < 0) {
		strbuf_addf(err, "%s: cannot read the configuration", name);
		goto out;
	}
	while ((rc = git_config_next(&e, it)) == 0) {
		const char *why = "invalid value";

		if (apply_entry(s, e, &why) < 0) {
			strbuf_addf(err, "%s: key '%s' = '%s': %s", name,
				    e->name, e->value ? e->value : "", why);
			goto out;
		}
	}
	if (rc != GIT_ITEROVER) {
		const git_error *ge = git_error_last();

		strbuf_addf(err, "%s: %s", name, ge ? ge->message : "unreadable");
		goto out;
	}
	free(s->config_file);
	s->config_file = xstrdup(name);
	status = 0;
out:
	git_config_iterator_free(it);
	git_config_free(cfg);
	return status;
}

static bool exists(const char *dir, const char *name, bool want_dir)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool ok = stat(path, &st) == 0 &&
		  (want_dir ? true : S_ISREG(st.st_mode));

	free(path);
	return ok;
}

char *config_find(const char *dir, char **root)
{
	char *cur = xstrdup(dir);

	*root = NULL;
	for (;;) {
		char *slash;

		if (exists(cur, ".danelint", false)) {
			char *path = xasprintf("%s/.danelint", cur);

			*root = cur;
			return path;
		}
		if (exists(cur, ".git", true)) {
			*root = cur;
			return NULL;
		}
		slash = strrchr(cur, '/');
		if (!slash || slash == cur)
			break;
		*slash = '\0';
	}
	free(cur);
	return NULL;
}
