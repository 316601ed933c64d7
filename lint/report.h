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
	FORMAT_SARIF,
	FORMAT_GITHUB,
	FORMAT_GITLAB,
	FORMAT_JUNIT,
};

/* Parses a --format name. "auto" becomes github when the environment
 * variable GITHUB_ACTIONS is "true", as GitHub Actions sets it, else text. */
int report_format_parse(const char *name, enum report_format *out);

/* Writes every finding of ctx to out; color adds ANSI colors (text). */
int report_write(FILE *out, enum report_format format,
		 const struct lint_ctx *ctx, bool color);

/* One line per finding: "file:line:col: severity: message [rule-id]". */
int report_text(FILE *out, const struct lint_ctx *ctx, bool color);
/* One JSON object with a findings array and a summary object. */
int report_json(FILE *out, const struct lint_ctx *ctx);
/* A SARIF 2.1.0 log with every rule and one result per finding. */
int report_sarif(FILE *out, const struct lint_ctx *ctx);
/* GitHub Actions workflow commands (::error file=...::message). */
int report_github(FILE *out, const struct lint_ctx *ctx);
/* A GitLab Code Quality report: a JSON array of issues. */
int report_gitlab(FILE *out, const struct lint_ctx *ctx);
/* JUnit XML: one test case per rule, one failure per finding. */
int report_junit(FILE *out, const struct lint_ctx *ctx);

/* Prints "N errors, N warnings, N notes" on stderr. */
void report_summary(const struct lint_ctx *ctx, size_t files);

#endif
