/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The github report: one GitHub Actions workflow command per finding,
 * "::error file=F,line=L,col=C,title=RULE::MESSAGE", which the runner
 * turns into an annotation on the file.
 */
#include "report.h"

#include "utf8.h"

static const char *command_name(enum severity s)
{
	switch (s) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	default:
		return "notice";
	}
}

/*
 * Writes s with the runner's escapes: '%', CR and LF become %25, %0D and
 * %0A, and in a property also ':' and ',' become %3A and %2C. Other
 * control characters and bytes that are not UTF-8 become U+FFFD, because
 * the runner has no escape for them.
 */
static void write_escaped(FILE *out, const char *s, bool property)
{
	while (*s) {
		unsigned char c = (unsigned char)*s;
		size_t n = utf8_decode(s, NULL);

		if (c == '%')
			fputs("%25", out);
		else if (c == '\r')
			fputs("%0D", out);
		else if (c == '\n')
			fputs("%0A", out);
		else if (property && c == ':')
			fputs("%3A", out);
		else if (property && c == ',')
			fputs("%2C", out);
		else if (n == 0 || (c < 0x20 && c != '\t') || c == 0x7f)
			fputs(UTF8_REPLACEMENT, out);
		else
			fwrite(s, 1, n, out);
		s += n ? n : 1;
	}
}

int report_github(FILE *out, const struct lint_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->finding_count; i++) {
		const struct finding *f = &ctx->findings[i];

		fprintf(out, "::%s ", command_name(f->severity));
		if (f->file) {
			fputs("file=", out);
			write_escaped(out, f->file, true);
			if (f->line > 0)
				fprintf(out, ",line=%u,col=%u", f->line,
					f->column ? f->column : 1);
			fputc(',', out);
		}
		fputs("title=", out);
		write_escaped(out, f->rule->id, true);
		fputs("::", out);
		write_escaped(out, f->message, false);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}
