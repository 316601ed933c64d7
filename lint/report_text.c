/* SPDX-License-Identifier: BSD-3-Clause */
/* The text report: the line format compilers and editors use. */
#include "report.h"

#include "utf8.h"

static const char *const colors[] = { "", "\033[1;36m", "\033[1;35m",
				      "\033[1;31m" };

/*
 * Writes s with each control character (C0, DEL and C1) and each byte that
 * is not UTF-8 as \xNN, so that a finding stays on one line and zone data
 * cannot send escape sequences to the terminal.
 */
static void write_escaped(FILE *out, const char *s)
{
	while (*s) {
		unsigned long cp = 0;
		size_t run = 0, n, i;

		/* printable ASCII goes out in one piece */
		while (s[run] >= 0x20 && s[run] < 0x7f)
			run++;
		if (run) {
			fwrite(s, 1, run, out);
			s += run;
			continue;
		}
		n = utf8_decode(s, &cp);
		if (n == 0 || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
			for (i = 0; i < (n ? n : 1); i++)
				fprintf(out, "\\x%02x", (unsigned char)s[i]);
		} else {
			fwrite(s, 1, n, out);
		}
		s += n ? n : 1;
	}
}

int report_text(FILE *out, const struct lint_ctx *ctx, bool color)
{
	size_t i;

	for (i = 0; i < ctx->finding_count; i++) {
		const struct finding *f = &ctx->findings[i];

		write_escaped(out, f->file ? f->file : "-");
		fprintf(out, ":%u:%u: %s%s%s: ", f->line, f->column,
			color ? colors[f->severity] : "",
			severity_name(f->severity), color ? "\033[0m" : "");
		write_escaped(out, f->message);
		fprintf(out, " [%s]\n", f->rule->id);
	}
	return ferror(out) ? -1 : 0;
}
