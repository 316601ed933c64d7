/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the finding fingerprints of the gitlab and sarif reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"

/* A context with findings of tlsa-stale in example.net.zone, one per
 * message, on lines 10, 11, ... */
static void make_ctx(struct lint_ctx *ctx, const char *const *messages,
		     size_t n)
{
	size_t i;

	memset(ctx, 0, sizeof(*ctx));
	ctx->findings = calloc(n, sizeof(*ctx->findings));
	assert_non_null(ctx->findings);
	ctx->finding_count = n;
	for (i = 0; i < n; i++) {
		struct finding *f = &ctx->findings[i];

		f->rule = rule_find("tlsa-stale");
		f->severity = SEV_NOTE;
		f->file = "example.net.zone";
		f->line = (unsigned)(10 + i);
		f->column = 1;
		f->owner = "_25._tcp.mx1.example.net";
		f->message = messages[i];
	}
}

static void lines_do_not_count(void **state)
{
	static const char *const one[] = { "'3 1 1 8f4e2f8d6a6c...' stale" };
	struct lint_ctx a, b;
	struct fingerprint *fa, *fb;

	(void)state;
	make_ctx(&a, one, 1);
	make_ctx(&b, one, 1);
	b.findings[0].line = 99;
	fa = fingerprints_compute(&a);
	fb = fingerprints_compute(&b);
	assert_int_equal(strlen(fa[0].hex), 64);
	assert_string_equal(fa[0].hex, fb[0].hex);
	free(fa);
	free(fb);
	free(a.findings);
	free(b.findings);
}

static void digits_do_not_count_but_hex_does(void **state)
{
	static const char *const ttl[] = { "TTL 3600 on line 12" };
	static const char *const other_ttl[] = { "TTL 86400 on line 7" };
	static const char *const digest[] = { "'3 1 1 8f4e2f8d6a6c...'" };
	static const char *const other_digest[] = { "'3 1 1 9f4e2f8d6a6c...'" };
	struct lint_ctx a, b, c, d;
	struct fingerprint *fa, *fb, *fc, *fd;

	(void)state;
	make_ctx(&a, ttl, 1);
	make_ctx(&b, other_ttl, 1);
	make_ctx(&c, digest, 1);
	make_ctx(&d, other_digest, 1);
	fa = fingerprints_compute(&a);
	fb = fingerprints_compute(&b);
	fc = fingerprints_compute(&c);
	fd = fingerprints_compute(&d);
	assert_string_equal(fa[0].hex, fb[0].hex);
	assert_string_not_equal(fc[0].hex, fd[0].hex);
	free(fa);
	free(fb);
	free(fc);
	free(fd);
	free(a.findings);
	free(b.findings);
	free(c.findings);
	free(d.findings);
}

static void alike_findings_get_distinct_prints(void **state)
{
	static const char *const three[] = { "record 1 is stale",
					     "record 2 is stale",
					     "record 3 is stale" };
	static const char *const first[] = { "record 1 is stale" };
	struct lint_ctx ctx, alone;
	struct fingerprint *f, *g;

	(void)state;
	make_ctx(&ctx, three, 3);
	make_ctx(&alone, first, 1);
	f = fingerprints_compute(&ctx);
	g = fingerprints_compute(&alone);
	assert_string_not_equal(f[0].hex, f[1].hex);
	assert_string_not_equal(f[1].hex, f[2].hex);
	assert_string_not_equal(f[0].hex, f[2].hex);
	/* The first of a group keeps the fingerprint it has alone. */
	assert_string_equal(f[0].hex, g[0].hex);
	free(f);
	free(g);
	free(ctx.findings);
	free(alone.findings);
}

static void empty_report_has_no_prints(void **state)
{
	struct lint_ctx ctx;
	struct fingerprint *f;

	(void)state;
	memset(&ctx, 0, sizeof(ctx));
	f = fingerprints_compute(&ctx);
	assert_non_null(f);
	free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_do_not_count),
		cmocka_unit_test(digits_do_not_count_but_hex_does),
		cmocka_unit_test(alike_findings_get_distinct_prints),
		cmocka_unit_test(empty_report_has_no_prints),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
