/* SPDX-License-Identifier: BSD-3-Clause */
/* Report dispatch, the summary line and the shared JSON string writer. */
#include "report.h"

#include <string.h>

int report_format_parse(const char *name, enum report_format *out)
{
	if (strcmp(name, "text") == 0)
		*out = FORMAT_TEXT;
	else if (strcmp(name, "json") == 0)
		*out = FORMAT_JSON;
	else
		return -1;
	return 0;
}

int report_write(FILE *out, enum report_format format,
		 const struct lint_ctx *ctx, bool color)
{
	switch (format) {
	case FORMAT_JSON:
		return report_json(out, ctx);
	case FORMAT_TEXT:
	default:
		return report_text(out, ctx, color);
	}
}

static const char *plural(size_t n, const char *word, const char *words)
{
	return n == 1 ? word : words;
}

void report_summary(const struct lint_ctx *ctx, size_t files)
{
	size_t counts[SEV_ERROR + 1] = { 0 };
	size_t i;

	for (i = 0; i < ctx->finding_count; i++)
		counts[ctx->findings[i].severity]++;
	fprintf(stderr, "danelint: %zu %s, %zu %s, %zu %s in %zu %s\n",
		counts[SEV_ERROR], plural(counts[SEV_ERROR], "error", "errors"),
		counts[SEV_WARNING],
		plural(counts[SEV_WARNING], "warning", "warnings"),
		counts[SEV_NOTE], plural(counts[SEV_NOTE], "note", "notes"),
		files, plural(files, "file", "files"));
}

/* Returns the length of the valid UTF-8 sequence at s, or 0 (RFC 3629). */
static size_t utf8_length(const unsigned char *s)
{
	size_t n, i;
	unsigned long cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

void json_string(FILE *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	fputc('"', out);
	while (*s) {
		size_t n = utf8_length(s);

		if (n == 0) {
			fputs("\\ufffd", out);
			s++;
		} else if (*s == '"' || *s == '\\') {
			fprintf(out, "\\%c", *s++);
		} else if (*s == '\n') {
			fputs("\\n", out), s++;
		} else if (*s == '\t') {
			fputs("\\t", out), s++;
		} else if (*s == '\r') {
			fputs("\\r", out), s++;
		} else if (*s < 0x20 || *s == 0x7f) {
			fprintf(out, "\\u%04x", *s++);
		} else {
			fwrite(s, 1, n, out);
			s += n;
		}
	}
	fputc('"', out);
}
