/* SPDX-License-Identifier: BSD-3-Clause */
/* The json report: a findings array and a summary object. */
#include "report.h"

#include "json.h"

static void write_finding(struct json_writer *w, const struct finding *f)
{
	json_object_begin(w, JSON_LINE);
	json_member_string(w, "rule", f->rule->id);
	json_member_string(w, "severity", severity_name(f->severity));
	json_member_string(w, "file", f->file ? f->file : "-");
	json_member_uint(w, "line", f->line);
	json_member_uint(w, "column", f->column);
	json_member_string(w, "host", f->host);
	json_member_string(w, "owner", f->owner);
	json_member_string(w, "domain", f->domain);
	json_member_string(w, "digest", f->digest);
	json_member_string(w, "message", f->message);
	json_object_end(w);
}

int report_json(FILE *out, const struct lint_ctx *ctx)
{
	size_t counts[SEV_ERROR + 1] = { 0 };
	struct json_writer w;
	size_t i;

	json_init(&w, out);
	json_object_begin(&w, JSON_BLOCK);
	json_key(&w, "findings");
	json_array_begin(&w, JSON_BLOCK);
	for (i = 0; i < ctx->finding_count; i++) {
		write_finding(&w, &ctx->findings[i]);
		counts[ctx->findings[i].severity]++;
	}
	json_array_end(&w);
	json_key(&w, "summary");
	json_object_begin(&w, JSON_LINE);
	json_member_uint(&w, "errors", counts[SEV_ERROR]);
	json_member_uint(&w, "warnings", counts[SEV_WARNING]);
	json_member_uint(&w, "notes", counts[SEV_NOTE]);
	json_member_uint(&w, "findings", ctx->finding_count);
	json_object_end(&w);
	json_object_end(&w);
	return json_finish(&w);
}
