/* SPDX-License-Identifier: BSD-3-Clause */
/* The language server's documents: URIs, linting and diagnostics. */
#include "lsp.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "input.h"
#include "jsonrpc.h"
#include "msg.h"
#include "report.h"
#include "rule.h"

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *lsp_uri_to_path(const char *uri)
{
	const char *p, *slash;
	struct strbuf out;

	if (strncasecmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	slash = strchr(p, '/');
	if (!slash || (slash != p && ((size_t)(slash - p) != 9 ||
				      strncasecmp(p, "localhost", 9) != 0)))
		return NULL;
	strbuf_init(&out);
	/* A '?' or '#' starts the query or fragment, which name no file. */
	for (p = slash; *p && *p != '?' && *p != '#'; p++) {
		int hi, lo;

		if (*p != '%') {
			strbuf_addch(&out, *p);
			continue;
		}
		hi = hex_digit(p[1]);
		lo = hi < 0 ? -1 : hex_digit(p[2]);
		if (lo < 0 || (hi == 0 && lo == 0)) {
			strbuf_release(&out);
			return NULL;
		}
		strbuf_addch(&out, (char)(hi * 16 + lo));
		p += 2;
	}
	return out.buf;
}

/* One lint of a document, with everything its findings point into. */
struct doc_run {
	struct input in;
	struct lint_ctx ctx;
	char *root;
	char *rel;	/* the document's root-relative path */
};

/*
 * Collects the zones: the document and, inside a repository (a directory
 * with .danelint or .git above it), every other zone file. Outside one,
 * the root is the document's directory and only the document is linted,
 * so that opening a file in a home directory does not walk all of it.
 */
static int collect(struct doc_run *run, const struct source *src,
		   bool in_repository, struct strbuf *err)
{
	char *paths[1];
	int rc;

	if (in_repository)
		return load_collect_with(src, &run->in.settings, run->rel, NULL,
					 &run->in.zones, err);
	paths[0] = run->rel;
	rc = load_collect_zones(src, &run->in.settings, paths, 1, NULL,
				&run->in.zones, err);
	return rc;
}

/*
 * Sets the root: the directory with .danelint or .git found upward from
 * the document's directory, else that directory. Returns whether one was
 * found.
 */
static bool find_root(struct doc_run *run, const char *path)
{
	char *dir = path_dirname(path);
	char *root = NULL;
	char *found = config_find(dir, &root);
	size_t n;

	free(found);
	run->root = root ? root : xstrdup(dir);
	free(dir);
	n = strlen(run->root);
	if (strncmp(path, run->root, n) == 0 && path[n] == '/')
		run->rel = xstrdup(path + n + 1);
	else
		run->rel = xstrdup(path);
	return root != NULL;
}

/* Lints text as the file path with the rest of its repository on disk. */
static int lint_document(struct doc_run *run, const char *path,
			 const char *text, size_t len, struct strbuf *err)
{
	struct options opts;
	struct source disk;
	struct overlay_source overlay;
	bool in_repository = find_root(run, path);
	int rc = -1;

	memset(&opts, 0, sizeof(opts));
	source_disk_init(&disk, run->root);
	if (input_settings(&run->in, &disk, &opts, run->root, err) < 0)
		return -1;
	source_overlay_init(&overlay, &disk, run->rel, text, len);
	if (collect(run, &overlay.base, in_repository, err) == 0 &&
	    input_load(&run->in, &overlay.base, &run->in.zones, false,
		       err) == 0 &&
	    lint_ctx_init(&run->ctx, &run->in.model, &run->in.settings,
			  time(NULL), err) == 0) {
		rc = lint_run(&run->ctx, true, true);
		if (rc < 0)
			strbuf_addstr(err, "internal error while running the "
				      "rules");
		else
			lint_keep_file(&run->ctx, run->rel);
	}
	source_overlay_release(&overlay);
	return rc;
}

static void doc_run_release(struct doc_run *run)
{
	lint_ctx_release(&run->ctx);
	input_release(&run->in);
	free(run->root);
	free(run->rel);
}

/*
 * Finds line number line (1-based) of text: [*start, *end) are its bytes
 * without the line break. Returns false when text has fewer lines.
 */
static bool line_span(const char *text, size_t len, unsigned line,
		      size_t *start, size_t *end)
{
	size_t pos = 0;
	const char *nl;
	unsigned n;

	for (n = 1; n < line; n++) {
		nl = memchr(text + pos, '\n', len - pos);
		if (!nl)
			return false;
		pos = (size_t)(nl - text) + 1;
	}
	nl = memchr(text + pos, '\n', len - pos);
	*start = pos;
	*end = nl ? (size_t)(nl - text) : len;
	if (*end > pos && text[*end - 1] == '\r')
		(*end)--;
	return true;
}

/* Counts the UTF-16 code units of n bytes of UTF-8, the unit of LSP
 * character offsets: one per sequence, two for four-byte sequences. */
static size_t utf16_units(const char *s, size_t n)
{
	size_t i, units = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xc0) != 0x80)
			units += c >= 0xf0 ? 2 : 1;
	}
	return units;
}

static void put_position(FILE *f, unsigned line, size_t character)
{
	fprintf(f, "{\"line\":%u,\"character\":%zu}", line, character);
}

/*
 * Writes the range of a finding at 1-based line and column: from the
 * column to the end of its line, or an empty range at the start of the
 * line when the text has no such line.
 */
static void put_range(FILE *f, const char *text, size_t len, unsigned line,
		      unsigned column)
{
	size_t start, end, offset = column ? column - 1 : 0;
	size_t from = 0, to = 0;

	if (line == 0)
		line = 1;
	if (line_span(text, len, line, &start, &end)) {
		if (offset > end - start)
			offset = end - start;
		from = utf16_units(text + start, offset);
		to = utf16_units(text + start, end - start);
	}
	fputs("{\"start\":", f);
	put_position(f, line - 1, from);
	fputs(",\"end\":", f);
	put_position(f, line - 1, to);
	fputc('}', f);
}

/* LSP DiagnosticSeverity: 1 error, 2 warning, 3 information. */
static int lsp_severity(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return 1;
	case SEV_WARNING:
		return 2;
	default:
		return 3;
	}
}

static void put_finding(FILE *f, const struct finding *fd, const char *text,
			size_t len)
{
	fputs("{\"range\":", f);
	put_range(f, text, len, fd->line, fd->column);
	fprintf(f, ",\"severity\":%d,\"source\":\"danelint\",\"code\":",
		lsp_severity(fd->severity));
	json_string(f, fd->rule->id);
	fputs(",\"message\":", f);
	json_string(f, fd->message);
	fputc('}', f);
}

/* Writes the diagnostics array: the findings, or the reason for none. */
static void put_diagnostics(FILE *f, const struct doc_run *run, int rc,
			    struct strbuf *err, const char *text, size_t len)
{
	size_t i;

	fputc('[', f);
	if (rc < 0) {
		fputs("{\"range\":", f);
		put_range(f, text, len, 1, 1);
		fputs(",\"severity\":1,\"source\":\"danelint\",\"message\":",
		      f);
		json_string(f, strbuf_str(err));
		fputc('}', f);
	}
	for (i = 0; rc == 0 && i < run->ctx.finding_count; i++) {
		if (i)
			fputc(',', f);
		put_finding(f, &run->ctx.findings[i], text, len);
	}
	fputc(']', f);
}

/* Sends publishDiagnostics with the diagnostics that put writes. */
static int send_diagnostics(FILE *out, const char *uri, const char *version,
			    const struct doc_run *run, int rc,
			    struct strbuf *err, const char *text, size_t len)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	int status;

	if (!f)
		return -1;
	fputs("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/"
	      "publishDiagnostics\",\"params\":{\"uri\":", f);
	json_string(f, uri);
	if (version)
		fprintf(f, ",\"version\":%s", version);
	fputs(",\"diagnostics\":", f);
	if (run)
		put_diagnostics(f, run, rc, err, text, len);
	else
		fputs("[]", f);
	fputs("}}", f);
	if (fclose(f) != 0) {
		free(buf);
		return -1;
	}
	status = jsonrpc_write(out, buf, size);
	free(buf);
	return status;
}

int lsp_publish_diagnostics(FILE *out, const char *uri, const char *version,
			    const char *path, const char *text, size_t len)
{
	struct doc_run run;
	struct strbuf err;
	int rc, status;

	memset(&run, 0, sizeof(run));
	input_init(&run.in);
	strbuf_init(&err);
	rc = lint_document(&run, path, text, len, &err);
	if (rc < 0) {
		char *why = xstrdup(strbuf_str(&err));

		msg_error("cannot lint '%s': %s", path, why);
		strbuf_reset(&err);
		strbuf_addf(&err, "danelint cannot lint this file: %s", why);
		free(why);
	}
	status = send_diagnostics(out, uri, version, &run, rc, &err, text,
				  len);
	strbuf_release(&err);
	doc_run_release(&run);
	return status;
}

int lsp_clear_diagnostics(FILE *out, const char *uri)
{
	return send_diagnostics(out, uri, NULL, NULL, 0, NULL, NULL, 0);
}
