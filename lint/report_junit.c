/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The junit report: JUnit XML with one test suite and one test case per
 * rule of the registry. A rule's findings are its <failure> elements, one
 * per finding, whatever their severity; a rule that is off or did not run
 * is <skipped/>.
 */
#include "report.h"

#include "utf8.h"

/* Can XML 1.0 hold the code point (its Char production)? */
static bool xml_char(unsigned long cp)
{
	return cp == 0x9 || cp == 0xa || cp == 0xd ||
	       (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) ||
	       cp >= 0x10000;
}

/*
 * Writes s as XML character data, or as an attribute value in double
 * quotes. Bytes that are not UTF-8 and characters XML cannot hold become
 * U+FFFD. CR, and in attributes also tab and LF, are written as character
 * references so that parsers do not normalize them away.
 */
static void write_xml(FILE *out, const char *s, bool attribute)
{
	while (*s) {
		unsigned long cp = 0;
		size_t n = utf8_decode(s, &cp);

		if (n == 0 || !xml_char(cp))
			fputs(UTF8_REPLACEMENT, out);
		else if (cp == '&')
			fputs("&amp;", out);
		else if (cp == '<')
			fputs("&lt;", out);
		else if (cp == '>')
			fputs("&gt;", out);
		else if (cp == '"' && attribute)
			fputs("&quot;", out);
		else if (cp == '\r' || (attribute && (cp == '\t' || cp == '\n')))
			fprintf(out, "&#%lu;", cp);
		else
			fwrite(s, 1, n, out);
		s += n ? n : 1;
	}
}

static void write_failure(FILE *out, const struct finding *f)
{
	const char *file = f->file ? f->file : "-";

	fprintf(out, "      <failure type=\"%s\" message=\"",
		severity_name(f->severity));
	write_xml(out, file, true);
	fprintf(out, ":%u:%u: ", f->line, f->column);
	write_xml(out, f->message, true);
	fputs("\">", out);
	write_xml(out, file, false);
	fprintf(out, ":%u:%u: %s: ", f->line, f->column,
		severity_name(f->severity));
	write_xml(out, f->message, false);
	fprintf(out, " [%s]</failure>\n", f->rule->id);
}

struct junit_counts {
	size_t tests;
	size_t failures;
	size_t skipped;
};

static bool rule_skipped(const struct lint_ctx *ctx, size_t i)
{
	return (ctx->severities && ctx->severities[i] == SEV_OFF) ||
	       (ctx->ran && !ctx->ran[i]);
}

static void count(const struct lint_ctx *ctx, struct junit_counts *c)
{
	size_t i, j;

	c->tests = rule_registry_count;
	c->failures = c->skipped = 0;
	for (i = 0; i < rule_registry_count; i++) {
		if (rule_skipped(ctx, i)) {
			c->skipped++;
			continue;
		}
		for (j = 0; j < ctx->finding_count; j++)
			if (ctx->findings[j].rule == rule_registry[i]) {
				c->failures++;
				break;
			}
	}
}

/* Returns the <skipped> message of rule i. */
static const char *skip_reason(const struct lint_ctx *ctx, size_t i)
{
	if (ctx->severities && ctx->severities[i] == SEV_OFF)
		return "the rule is off";
	if (rule_registry[i]->scope == SCOPE_CHANGE)
		return "the rule checks a change, and this run had no base "
		       "snapshot to compare with";
	return "the rule did not run, because this run read no zones or "
	       "no certificates";
}

static void write_case(FILE *out, const struct lint_ctx *ctx, size_t i)
{
	const struct rule *r = rule_registry[i];
	bool open = false;
	size_t j;

	fprintf(out, "    <testcase classname=\"danelint\" name=\"%s\"", r->id);
	if (rule_skipped(ctx, i)) {
		fprintf(out, ">\n      <skipped message=\"%s\"/>\n"
			"    </testcase>\n", skip_reason(ctx, i));
		return;
	}
	for (j = 0; j < ctx->finding_count; j++) {
		if (ctx->findings[j].rule != r)
			continue;
		if (!open)
			fputs(">\n", out);
		open = true;
		write_failure(out, &ctx->findings[j]);
	}
	fputs(open ? "    </testcase>\n" : "/>\n", out);
}

int report_junit(FILE *out, const struct lint_ctx *ctx)
{
	struct junit_counts c;
	size_t i;

	count(ctx, &c);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<testsuites name=\"danelint\" tests=\"%zu\" "
		"failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n", c.tests,
		c.failures, c.skipped);
	fprintf(out, "  <testsuite name=\"danelint\" tests=\"%zu\" "
		"failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n", c.tests,
		c.failures, c.skipped);
	for (i = 0; i < rule_registry_count; i++)
		write_case(out, ctx, i);
	fputs("  </testsuite>\n</testsuites>\n", out);
	return ferror(out) ? -1 : 0;
}
