/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The gitlab report: a GitLab Code Quality report, a JSON array with one
 * issue per finding (description, check_name, fingerprint, severity and
 * location with path and lines.begin).
 */
#include "report.h"

#include <stdlib.h>

#include "fingerprint.h"
#include "json.h"

/* GitLab's scale is info, minor, major, critical and blocker; danelint's
 * three levels take the lower three, and nothing is critical or blocker. */
static const char *gitlab_severity(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "major";
	case SEV_WARNING:
		return "minor";
	default:
		return "info";
	}
}

static void write_issue(struct json_writer *w, const struct finding *f,
			const struct fingerprint *fp)
{
	json_object_begin(w, JSON_BLOCK);
	json_member_string(w, "type", "issue");
	json_member_string(w, "description", f->message);
	json_member_string(w, "check_name", f->rule->id);
	json_member_string(w, "fingerprint", fp->hex);
	json_member_string(w, "severity", gitlab_severity(f->severity));
	json_key(w, "location");
	json_object_begin(w, JSON_LINE);
	json_member_string(w, "path", f->file ? f->file : "-");
	json_key(w, "lines");
	json_object_begin(w, JSON_LINE);
	json_member_uint(w, "begin", f->line ? f->line : 1);
	json_object_end(w);
	json_object_end(w);
	json_object_end(w);
}

int report_gitlab(FILE *out, const struct lint_ctx *ctx)
{
	struct fingerprint *fps = fingerprints_compute(ctx);
	struct json_writer w;
	size_t i;

	json_init(&w, out);
	json_array_begin(&w, JSON_BLOCK);
	for (i = 0; i < ctx->finding_count; i++)
		write_issue(&w, &ctx->findings[i], &fps[i]);
	json_array_end(&w);
	free(fps);
	return json_finish(&w);
}
