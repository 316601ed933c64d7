/* SPDX-License-Identifier: BSD-3-Clause */
/* Report writers: one per output format. */
#ifndef DANELINT_REPORT_H
#define DANELINT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "rule.h"

enum report_format {
	FORMAT_TEXT,
	FORMAT_JSON,
};

int report_format_parse(const char *name, enum report_format *out);

/* Writes every finding of ctx to out; color adds ANSI colors (text). */
int report_write(FILE *out, enum report_format format,
		 const struct lint_ctx *ctx, bool color);

/* One line per finding: "file:line:col: severity: message [rule-id]". */
int report_text(FILE *out, const struct lint_ctx *ctx, bool color);
/* One JSON object with a findings array and a summary object. */
int report_json(FILE *out, const struct lint_ctx *ctx);

/* Prints "N errors, N warnings, N notes" on stderr. */
void report_summary(const struct lint_ctx *ctx, size_t files);

#endif
