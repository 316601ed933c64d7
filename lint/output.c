/* SPDX-License-Identifier: BSD-3-Clause */
/* Writes findings as the options ask and turns them into an exit status. */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool use_color(const struct options *o)
{
	const char *no_color = getenv("NO_COLOR");
	const char *force = getenv("FORCE_COLOR");

	if (o->format != FORMAT_TEXT || o->output || o->color == COLOR_NEVER)
		return false;
	if (o->color == COLOR_ALWAYS)
		return true;
	if (no_color && *no_color)
		return false;
	if (force && *force && strcmp(force, "0") != 0)
		return true;
	return isatty(STDOUT_FILENO);
}

static int write_report(const struct options *o, const struct lint_ctx *ctx,
			struct strbuf *err)
{
	FILE *out = stdout;
	int rc;

	if (o->output) {
		out = fopen(o->output, "w");
		if (!out) {
			strbuf_addf(err, "cannot write '%s': %s",
				    o->output, strerror(errno));
			return -1;
		}
	}
	rc = report_write(out, o->format, ctx,
			  use_color(o));
	if (out != stdout && fclose(out) != 0)
		rc = -1;
	else if (out == stdout && fflush(out) != 0)
		rc = -1;
	if (rc < 0)
		strbuf_addf(err, "cannot write the report: %s", strerror(errno));
	return rc;
}

int output_findings(const struct options *o, const struct lint_ctx *ctx,
		    enum severity fail_on, size_t files, struct strbuf *err)
{
	if (write_report(o, ctx, err) < 0)
		return -1;
	if (!o->quiet)
		report_summary(ctx, files);
	return !o->exit_zero && lint_count(ctx, fail_on) > 0;
}
