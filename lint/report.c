/* SPDX-License-Identifier: BSD-3-Clause */
/* Report dispatch and the summary line. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	enum report_format format;
} format_names[] = {
	{ "text", FORMAT_TEXT },
	{ "json", FORMAT_JSON },
	{ "sarif", FORMAT_SARIF },
	{ "github", FORMAT_GITHUB },
	{ "gitlab", FORMAT_GITLAB },
	{ "junit", FORMAT_JUNIT },
};

int report_format_parse(const char *name, enum report_format *out)
{
	const char *actions = getenv("GITHUB_ACTIONS");
	size_t i;

	if (strcmp(name, "auto") == 0) {
		bool github = actions && strcmp(actions, "true") == 0;

		*out = github ? FORMAT_GITHUB : FORMAT_TEXT;
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(format_names); i++)
		if (strcmp(name, format_names[i].name) == 0) {
			*out = format_names[i].format;
			return 0;
		}
	return -1;
}

int report_write(FILE *out, enum report_format format,
		 const struct lint_ctx *ctx, bool color)
{
	switch (format) {
	case FORMAT_JSON:
		return report_json(out, ctx);
	case FORMAT_SARIF:
		return report_sarif(out, ctx);
	case FORMAT_GITHUB:
		return report_github(out, ctx);
	case FORMAT_GITLAB:
		return report_gitlab(out, ctx);
	case FORMAT_JUNIT:
		return report_junit(out, ctx);
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
	/* the count is of zone files checked, which is not where every
	 * finding lies: certificate files have findings too */
	fprintf(stderr, "danelint: %zu %s, %zu %s, %zu %s (%zu %s checked)\n",
		counts[SEV_ERROR], plural(counts[SEV_ERROR], "error", "errors"),
		counts[SEV_WARNING],
		plural(counts[SEV_WARNING], "warning", "warnings"),
		counts[SEV_NOTE], plural(counts[SEV_NOTE], "note", "notes"),
		files, plural(files, "zone file", "zone files"));
}
