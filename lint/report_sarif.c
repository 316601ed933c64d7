/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The sarif report: a SARIF 2.1.0 log as GitHub code scanning takes it.
 * Every rule of the registry is in tool.driver.rules with its docs page as
 * help, and each finding is a result whose location is relative to the
 * repository root, named %SRCROOT%.
 */
#include "report.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"
#include "json.h"
#include "version.h"

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/" \
	"sarif-schema-2.1.0.json"
#define ROOT_BASE_ID "%SRCROOT%"

static const char *level_name(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	default:
		return "note";
	}
}

/* Appends path percent-encoded (RFC 3986): every byte but the unreserved
 * characters and '/' becomes %XX. */
static void add_uri_path(struct strbuf *sb, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)path;

	for (; *p; p++) {
		if (isalnum(*p) || strchr("-._~/", *p)) {
			strbuf_addch(sb, (char)*p);
			continue;
		}
		strbuf_addch(sb, '%');
		strbuf_addch(sb, hex[*p >> 4]);
		strbuf_addch(sb, hex[*p & 15]);
	}
}

/* "tlsa-not-311" becomes "TlsaNot311", the form SARIF rule names take. */
static char *rule_name(const char *id)
{
	char *name = xmalloc(strlen(id) + 1), *out = name;
	bool upper = true;

	for (; *id; id++) {
		if (*id == '-') {
			upper = true;
			continue;
		}
		*out++ = upper ? (char)toupper((unsigned char)*id) : *id;
		upper = false;
	}
	*out = '\0';
	return name;
}

/* The sentence after "Default severity: **LEVEL**. " on the rule's page,
 * or the registry's summary. */
static char *full_description(const struct rule *r)
{
	const char *doc = rule_doc(r), *start, *end;

	start = doc ? strstr(doc, "Default severity: **") : NULL;
	start = start ? strstr(start, "**. ") : NULL;
	if (!start)
		return xstrdup(r->summary);
	start += strlen("**. ");
	end = strchr(start, '\n');
	return xstrndup(start, end ? (size_t)(end - start) : strlen(start));
}

static void write_text(struct json_writer *w, const char *key,
		       const char *text)
{
	json_key(w, key);
	json_object_begin(w, JSON_LINE);
	json_member_string(w, "text", text);
	json_object_end(w);
}

static void write_rule(struct json_writer *w, const struct rule *r,
		       const char *docs_url)
{
	char *name = rule_name(r->id), *full = full_description(r);
	const char *doc = rule_doc(r);

	json_object_begin(w, JSON_BLOCK);
	json_member_string(w, "id", r->id);
	json_member_string(w, "name", name);
	write_text(w, "shortDescription", r->summary);
	write_text(w, "fullDescription", full);
	json_key(w, "help");
	json_object_begin(w, JSON_BLOCK);
	json_member_string(w, "text", doc ? doc : full);
	json_member_string(w, "markdown", doc ? doc : full);
	json_object_end(w);
	if (docs_url) {
		char *uri = xasprintf("%srules/%s.md", docs_url, r->id);

		json_member_string(w, "helpUri", uri);
		free(uri);
	}
	json_key(w, "defaultConfiguration");
	json_object_begin(w, JSON_LINE);
	json_member_string(w, "level", level_name(r->severity));
	json_object_end(w);
	json_object_end(w);
	free(name);
	free(full);
}

static void write_tool(struct json_writer *w, const char *docs_url)
{
	size_t i;

	json_key(w, "tool");
	json_object_begin(w, JSON_BLOCK);
	json_key(w, "driver");
	json_object_begin(w, JSON_BLOCK);
	json_member_string(w, "name", "danelint");
	json_member_string(w, "version", DANELINT_VERSION);
	json_member_string(w, "semanticVersion", DANELINT_VERSION);
	json_member_string(w, "informationUri", docs_url);
	json_key(w, "rules");
	json_array_begin(w, JSON_BLOCK);
	for (i = 0; i < rule_registry_count; i++)
		write_rule(w, rule_registry[i], docs_url);
	json_array_end(w);
	json_object_end(w);
	json_object_end(w);
}

/* A root-relative file is a URI relative to %SRCROOT%; a file outside the
 * root keeps its absolute path as a file: URI. */
static void write_location(struct json_writer *w, const struct finding *f)
{
	struct strbuf uri;
	bool absolute = f->file[0] == '/';

	strbuf_init(&uri);
	if (absolute)
		strbuf_addstr(&uri, "file://");
	add_uri_path(&uri, f->file);
	json_key(w, "locations");
	json_array_begin(w, JSON_BLOCK);
	json_object_begin(w, JSON_BLOCK);
	json_key(w, "physicalLocation");
	json_object_begin(w, JSON_BLOCK);
	json_key(w, "artifactLocation");
	json_object_begin(w, JSON_LINE);
	json_member_string(w, "uri", strbuf_str(&uri));
	if (!absolute)
		json_member_string(w, "uriBaseId", ROOT_BASE_ID);
	json_object_end(w);
	if (f->line > 0) {
		json_key(w, "region");
		json_object_begin(w, JSON_LINE);
		json_member_uint(w, "startLine", f->line);
		json_member_uint(w, "startColumn", f->column ? f->column : 1);
		json_object_end(w);
	}
	json_object_end(w);
	json_object_end(w);
	json_array_end(w);
	strbuf_release(&uri);
}

static void write_result(struct json_writer *w, const struct finding *f,
			 const struct fingerprint *fp)
{
	json_object_begin(w, JSON_BLOCK);
	json_member_string(w, "ruleId", f->rule->id);
	json_member_uint(w, "ruleIndex", rule_index(f->rule));
	json_member_string(w, "level", level_name(f->severity));
	write_text(w, "message", f->message);
	if (f->file)
		write_location(w, f);
	json_key(w, "partialFingerprints");
	json_object_begin(w, JSON_LINE);
	json_member_string(w, "danelint/v1", fp->hex);
	json_object_end(w);
	json_object_end(w);
}

/* %SRCROOT% as the absolute file: URI of the repository root. */
static void write_base_ids(struct json_writer *w, const char *root)
{
	struct strbuf uri;

	strbuf_init(&uri);
	strbuf_addstr(&uri, "file://");
	add_uri_path(&uri, root);
	if (uri.len == 0 || uri.buf[uri.len - 1] != '/')
		strbuf_addch(&uri, '/');
	json_key(w, "originalUriBaseIds");
	json_object_begin(w, JSON_BLOCK);
	json_key(w, ROOT_BASE_ID);
	json_object_begin(w, JSON_LINE);
	json_member_string(w, "uri", strbuf_str(&uri));
	json_object_end(w);
	json_object_end(w);
	strbuf_release(&uri);
}

int report_sarif(FILE *out, const struct lint_ctx *ctx)
{
	const struct settings *s = ctx->settings;
	struct fingerprint *fps = fingerprints_compute(ctx);
	struct json_writer w;
	size_t i;

	json_init(&w, out);
	json_object_begin(&w, JSON_BLOCK);
	json_member_string(&w, "$schema", SARIF_SCHEMA);
	json_member_string(&w, "version", "2.1.0");
	json_key(&w, "runs");
	json_array_begin(&w, JSON_BLOCK);
	json_object_begin(&w, JSON_BLOCK);
	write_tool(&w, s ? s->docs_url : NULL);
	if (s && s->root && s->root[0] == '/')
		write_base_ids(&w, s->root);
	/* NOTE: every rule reports column 1 today, which is the same in any
	 * column kind. A rule that reports other columns must count them in
	 * code points, or this must change. */
	json_member_string(&w, "columnKind", "unicodeCodePoints");
	json_key(&w, "results");
	json_array_begin(&w, JSON_BLOCK);
	for (i = 0; i < ctx->finding_count; i++)
		write_result(&w, &ctx->findings[i], &fps[i]);
	json_array_end(&w);
	json_object_end(&w);
	json_array_end(&w);
	json_object_end(&w);
	free(fps);
	return json_finish(&w);
}
