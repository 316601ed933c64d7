/* SPDX-License-Identifier: BSD-3-Clause */
/* Writes findings as the options ask and turns them into an exit status. */
#ifndef DANELINT_OUTPUT_H
#define DANELINT_OUTPUT_H

#include "options.h"
#include "rule.h"

/*
 * Writes the report (--format, -o, --color), then the summary line on
 * stderr unless --quiet. Returns the exit status: 1 when a finding reaches
 * fail_on (0 with --exit-zero), else 0; -1 with err set when the report
 * cannot be written.
 */
int output_findings(const struct options *o, const struct lint_ctx *ctx,
		    enum severity fail_on, size_t files, struct strbuf *err);

#endif
