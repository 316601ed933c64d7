/* SPDX-License-Identifier: BSD-3-Clause */
/* Report dispatch and the summary line. */
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
