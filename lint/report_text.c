/* SPDX-License-Identifier: BSD-3-Clause */
/* The text report: the line format compilers and editors use. */
#include "report.h"

static const char *const colors[] = { "", "\033[1;36m", "\033[1;35m",
				      "\033[1;31m" };

int report_text(FILE *out, const struct lint_ctx *ctx, bool color)
{
	size_t i;

	for (i = 0; i < ctx->finding_count; i++) {
		const struct finding *f = &ctx->findings[i];

		fprintf(out, "%s:%u:%u: %s%s%s: %s [%s]\n",
			f->file ? f->file : "-", f->line, f->column,
			color ? colors[f->severity] : "",
			severity_name(f->severity), color ? "\033[0m" : "",
			f->message, f->rule->id);
	}
	return ferror(out) ? -1 : 0;
}
