/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the rules engine and the configuration reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "config.h"
#include "rule.h"
#include "source.h"
#include "zone.h"

static char tmpdir[] = "/tmp/danelint-test-engine-XXXXXX";

static char *write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* Two TLSA problems, out of order in the file, and suppressions. */
static const char zone_text[] =
	"$ORIGIN example.net.\n"
	"@ IN SOA ns1 hostmaster 1 2 3 4 5\n"
	"_25._tcp.mx1 IN TLSA 3 0 1 "
	"8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8\n"
	"_25._tcp.mx1 IN TLSA 1 1 1 "
	"1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809\n"
	"bad IN A 300.1.1.1\n"
	"_25._tcp.mx2 IN TLSA 3 0 1 "
	"8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8 "
	"; danelint: disable=tlsa-not-311\n"
	"; danelint: disable=tlsa-single-record\n"
	"_25._tcp.mx3 IN TLSA 3 1 1 "
	"8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8\n";

static void lint_zone(struct model *m, struct lint_ctx *ctx,
		      struct settings *s)
{
	struct source src;
	struct strbuf err;

	strbuf_init(&err);
	free(write_file("e.zone", zone_text));
	source_disk_init(&src, tmpdir);
	model_init(m);
	assert_int_equal(zone_load(m, &src, "e.zone", NULL, &err), 0);
	model_index(m);
	assert_int_equal(lint_ctx_init(ctx, m, s, 0, &err), 0);
	assert_int_equal(lint_run(ctx, true, true), 0);
	strbuf_release(&err);
}

static size_t count_rule(const struct lint_ctx *ctx, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < ctx->finding_count; i++)
		n += strcmp(ctx->findings[i].rule->id, id) == 0;
	return n;
}

static void findings_sorted_by_line_then_rule(void **state)
{
	struct settings s;
	struct model m;
	struct lint_ctx ctx;
	size_t i;

	(void)state;
	settings_init(&s);
	lint_zone(&m, &ctx, &s);
	assert_true(ctx.finding_count >= 4);
	for (i = 1; i < ctx.finding_count; i++) {
		const struct finding *a = &ctx.findings[i - 1];
		const struct finding *b = &ctx.findings[i];

		assert_true(a->line < b->line ||
			    (a->line == b->line &&
			     strcmp(a->rule->id, b->rule->id) <= 0));
	}
	lint_ctx_release(&ctx);
	model_release(&m);
	settings_release(&s);
}

static void suppressions_apply_to_their_record(void **state)
{
	struct settings s;
	struct model m;
	struct lint_ctx ctx;
	size_t i;

	(void)state;
	settings_init(&s);
	lint_zone(&m, &ctx, &s);
	/* mx1 keeps its tlsa-not-311 finding; mx2's is suppressed. */
	assert_int_equal(count_rule(&ctx, "tlsa-not-311"), 1);
	assert_int_equal(count_rule(&ctx, "tlsa-pkix-usage"), 1);
	/* mx2 is single; mx3's single-record finding is suppressed. */
	assert_int_equal(count_rule(&ctx, "tlsa-single-record"), 1);
	assert_int_equal(count_rule(&ctx, "zone-syntax"), 1);
	for (i = 0; i < m.suppression_count; i++)
		assert_true(m.suppressions[i].used);
	lint_ctx_release(&ctx);
	model_release(&m);
	settings_release(&s);
}

static void unused_suppression_runs_last(void **state)
{
	static const char text[] =
		"$ORIGIN example.net.\n"
		"@ IN SOA ns1 hostmaster 1 2 3 4 5\n"
		"; danelint: disable=zone-syntax\n"
		"bad IN A 300.1.1.1\n"
		"; danelint: disable=zone-syntax\n"
		"good IN A 192.0.2.1\n"
		"; danelint: disable=tlsa-single-record,no-such-rule\n"
		"_25._tcp.mx2 IN TLSA 3 1 1 "
		"8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8\n"
		"_25._tcp.mx2 IN TLSA 3 1 1 "
		"1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809\n";
	struct settings s;
	struct model m;
	struct lint_ctx ctx;
	struct source src;
	struct strbuf err;
	unsigned lines[4] = { 0 };
	size_t i, unused = 0;

	(void)state;
	settings_init(&s);
	strbuf_init(&err);
	free(write_file("late.zone", text));
	source_disk_init(&src, tmpdir);
	model_init(&m);
	assert_int_equal(zone_load(&m, &src, "late.zone", NULL, &err), 0);
	model_index(&m);
	assert_int_equal(lint_ctx_init(&ctx, &m, &s, 0, &err), 0);
	assert_int_equal(lint_run(&ctx, true, true), 0);
	/* zone-syntax comes after unused-suppression in the registry, yet
	 * the comment on line 3 counts as used and the one on line 5, which
	 * covers a valid record, as unused. mx2 has two records, so the
	 * tlsa-single-record comment and the unknown id are unused. */
	assert_int_equal(count_rule(&ctx, "zone-syntax"), 0);
	for (i = 0; i < ctx.finding_count; i++) {
		const struct finding *f = &ctx.findings[i];

		if (strcmp(f->rule->id, "unused-suppression") != 0)
			continue;
		assert_true(unused < 4);
		lines[unused++] = f->line;
	}
	assert_int_equal(unused, 3);
	assert_int_equal(lines[0], 5);
	assert_int_equal(lines[1], 7);
	assert_int_equal(lines[2], 7);
	assert_true(ctx.ran[rule_index(rule_find("unused-suppression"))]);
	lint_ctx_release(&ctx);
	model_release(&m);
	strbuf_release(&err);
	settings_release(&s);
}

static void severity_overrides(void **state)
{
	struct settings s;
	struct model m;
	struct lint_ctx ctx;
	size_t i;

	(void)state;
	settings_init(&s);
	settings_add_rule(&s, "tlsa-not-311", SEV_ERROR);
	settings_add_rule(&s, "zone-syntax", SEV_OFF);
	lint_zone(&m, &ctx, &s);
	assert_int_equal(count_rule(&ctx, "zone-syntax"), 0);
	for (i = 0; i < ctx.finding_count; i++)
		if (strcmp(ctx.findings[i].rule->id, "tlsa-not-311") == 0)
			assert_int_equal(ctx.findings[i].severity, SEV_ERROR);
	lint_ctx_release(&ctx);
	model_release(&m);
	settings_release(&s);
}

/* Reports one finding of severity sev through report_finding_severity()
 * and returns the severity it got, SEV_OFF when none was recorded. */
static enum severity reported_severity(struct settings *s, enum severity sev)
{
	const struct rule *rule = rule_find("tlsa-not-311");
	struct finding_loc loc = loc_file("certs/mx1/fullchain.pem");
	enum severity got = SEV_OFF;
	struct strbuf err;
	struct lint_ctx ctx;
	struct model m;

	model_init(&m);
	strbuf_init(&err);
	assert_int_equal(lint_ctx_init(&ctx, &m, s, 0, &err), 0);
	report_finding_severity(&ctx, rule, sev, &loc, "finding %d", 1);
	if (ctx.finding_count == 1)
		got = ctx.findings[0].severity;
	assert_true(ctx.finding_count <= 1);
	lint_ctx_release(&ctx);
	strbuf_release(&err);
	model_release(&m);
	return got;
}

static void per_finding_severity(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	assert_int_equal(reported_severity(&s, SEV_NOTE), SEV_NOTE);
	assert_int_equal(reported_severity(&s, SEV_ERROR), SEV_ERROR);

	/* [rule "ID"] severity wins, even when it equals the default. */
	settings_add_rule(&s, "tlsa-not-311", SEV_WARNING);
	assert_int_equal(reported_severity(&s, SEV_ERROR), SEV_WARNING);

	/* --enable, applied after it, gives the choice back to the rule. */
	settings_add_rule(&s, "tlsa-not-311", SEV_WARNING);
	s.rules[s.rule_count - 1].restore_default = true;
	assert_int_equal(reported_severity(&s, SEV_ERROR), SEV_ERROR);

	settings_add_rule(&s, "tlsa-not-311", SEV_OFF);
	assert_int_equal(reported_severity(&s, SEV_ERROR), SEV_OFF);
	settings_release(&s);
}

static void unknown_rule_override_fails(void **state)
{
	struct settings s;
	struct model m;
	struct lint_ctx ctx;
	struct strbuf err;

	(void)state;
	settings_init(&s);
	model_init(&m);
	strbuf_init(&err);
	settings_add_rule(&s, "no-such-rule", SEV_OFF);
	assert_int_equal(lint_ctx_init(&ctx, &m, &s, 0, &err), -1);
	assert_non_null(strstr(strbuf_str(&err), "no-such-rule"));
	lint_ctx_release(&ctx);
	strbuf_release(&err);
	model_release(&m);
	settings_release(&s);
}

static void registry_sorted_and_unique(void **state)
{
	size_t i;

	(void)state;
	for (i = 1; i < rule_registry_count; i++)
		assert_true(strcmp(rule_registry[i - 1]->id,
				   rule_registry[i]->id) < 0);
	assert_non_null(rule_find("tlsa-not-311"));
	assert_null(rule_find("tlsa-not-312"));
}

static void config_reads_every_key(void **state)
{
	struct settings s;
	struct strbuf err;
	char *path = write_file("full.danelint",
		"[danelint]\n"
		"\tzones = zones/*.zone ; comment\n"
		"\tzones = other/db.*\n"
		"\tcerts = keys\n"
		"\tfail-on = warning\n"
		"\texpiry-warning-days = 14\n"
		"\tprepublish-ttls = 3\n"
		"\tresolver-min-ttl = 300\n"
		"\tmax-tlsa-ttl = 3600\n"
		"\tmax-tlsa-records = 4\n"
		"\tdocs-url = https://docs.example.org/danelint/docs\n"
		"[zone \"Example.NET\"]\n\tfile = zones/x.zone\n"
		"[host \"mx1.example.net\"]\n\tcerts = keys/mx1\n"
		"[rule \"tlsa-not-311\"]\n\tseverity = off\n");

	(void)state;
	settings_init(&s);
	strbuf_init(&err);
	assert_int_equal(config_read(&s, path, &err), 0);
	assert_int_equal(s.zone_count, 2);
	assert_string_equal(s.zones[1], "other/db.*");
	assert_string_equal(s.certs, "keys");
	assert_int_equal(s.fail_on, SEV_WARNING);
	assert_int_equal(s.expiry_warning_days, 14);
	assert_int_equal(s.prepublish_ttls, 3);
	assert_int_equal(s.resolver_min_ttl, 300);
	assert_int_equal(s.max_tlsa_ttl, 3600);
	assert_int_equal(s.max_tlsa_records, 4);
	assert_string_equal(s.docs_url,
			    "https://docs.example.org/danelint/docs/");
	assert_string_equal(s.zone_map[0].origin, "example.net.");
	assert_string_equal(s.host_map[0].certs, "keys/mx1");
	assert_int_equal(s.rules[0].severity, SEV_OFF);
	strbuf_release(&err);
	settings_release(&s);
	free(path);
}

static void config_rejects_bad_values(void **state)
{
	static const char *const bad[] = {
		"[danelint]\n\tfail-on = fatal\n",
		"[danelint]\n\tprepublish-ttls = two\n",
		"[danelint]\n\tunknown-key = 1\n",
		"[danelint]\n\tdocs-url = docs.example.org/danelint\n",
		"[danelint]\n\tdocs-url = https://docs.example.org/a b\n",
		"[rule \"x\"]\n\tseverity = loud\n",
		"[danelint\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct settings s;
		struct strbuf err;
		char *path = write_file("bad.danelint", bad[i]);

		settings_init(&s);
		strbuf_init(&err);
		assert_int_equal(config_read(&s, path, &err), -1);
		assert_non_null(strstr(strbuf_str(&err), "bad.danelint"));
		strbuf_release(&err);
		settings_release(&s);
		free(path);
	}
}

static int setup(void **state)
{
	(void)state;
	git_libgit2_init();
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	git_libgit2_shutdown();
	return rc;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(findings_sorted_by_line_then_rule),
		cmocka_unit_test(suppressions_apply_to_their_record),
		cmocka_unit_test(unused_suppression_runs_last),
		cmocka_unit_test(severity_overrides),
		cmocka_unit_test(per_finding_severity),
		cmocka_unit_test(unknown_rule_override_fails),
		cmocka_unit_test(registry_sorted_and_unique),
		cmocka_unit_test(config_reads_every_key),
		cmocka_unit_test(config_rejects_bad_values),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
