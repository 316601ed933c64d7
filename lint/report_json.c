/* SPDX-License-Identifier: BSD-3-Clause */
/* The json report: a findings array and a summary object. */
#include "report.h"

static void field(FILE *out, const char *name, const char *value)
{
	if (!value)
		return;
	fprintf(out, ", \"%s\": ", name);
	json_string(out, value);
}

static void write_finding(FILE *out, const struct finding *f)
{
	fputs("    {\"rule\": ", out);
	json_string(out, f->rule->id);
	fprintf(out, ", \"severity\": \"%s\"", severity_name(f->severity));
	field(out, "file", f->file ? f->file : "-");
	fprintf(out, ", \"line\": %u, \"column\": %u", f->line, f->column);
	field(out, "host", f->host);
	field(out, "owner", f->owner);
	field(out, "domain", f->domain);
	field(out, "digest", f->digest);
	field(out, "message", f->message);
	fputc('}', out);
}

int report_json(FILE *out, const struct lint_ctx *ctx)
{
	size_t counts[SEV_ERROR + 1] = { 0 };
	size_t i;

	fputs("{\n  \"findings\": [", out);
	for (i = 0; i < ctx->finding_count; i++) {
		fputs(i ? ",\n" : "\n", out);
		write_finding(out, &ctx->findings[i]);
		counts[ctx->findings[i].severity]++;
	}
	fputs(ctx->finding_count ? "\n  ],\n" : "],\n", out);
	fprintf(out, "  \"summary\": {\"errors\": %zu, \"warnings\": %zu, "
		"\"notes\": %zu, \"findings\": %zu}\n}\n", counts[SEV_ERROR],
		counts[SEV_WARNING], counts[SEV_NOTE], ctx->finding_count);
	return ferror(out) ? -1 : 0;
}
