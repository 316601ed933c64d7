/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the zone scanner and loader: lines, directives, origins. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "source.h"
#include "zone.h"

static char tmpdir[] = "/tmp/danelint-test-zone-XXXXXX";

static void write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *dir = path_dirname(path);
	char *mk = xasprintf("mkdir -p '%s'", dir);
	FILE *f;

	assert_int_equal(system(mk), 0);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(mk);
	free(dir);
	free(path);
}

/* Loads name from tmpdir into m; returns zone_load's status. */
static int load(struct model *m, const char *name, const char *origin)
{
	struct source src;
	struct strbuf err;
	int rc;

	strbuf_init(&err);
	source_disk_init(&src, tmpdir);
	rc = zone_load(m, &src, name, origin, &err);
	strbuf_release(&err);
	model_index(m);
	return rc;
}

static const struct record *find(const struct model *m, const char *owner,
				 uint16_t type)
{
	const struct record *const *rr;

	return model_find(m, owner, type, &rr) ? rr[0] : NULL;
}

static void start_lines_of_records(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	write_file("lines.zone",
		   "$ORIGIN example.net.\n"
		   "$TTL 300\n"
		   "@ IN SOA ns1 hostmaster (\n"
		   "\t1 7200 3600\n"
		   "\t1209600 300 )\n"
		   "; comment line\n"
		   "\n"
		   "a IN A 192.0.2.1\n"
		   "\n"
		   "\n"
		   "b IN TXT ( \"x;y\" ; real comment\n"
		   "  \"(z\" )\n"
		   "\tIN A 192.0.2.2\n");
	assert_int_equal(load(&m, "lines.zone", NULL), 0);
	assert_int_equal(m.error_count, 0);
	assert_int_equal(find(&m, "example.net.", RR_SOA)->line, 3);
	assert_int_equal(find(&m, "a.example.net.", RR_A)->line, 8);
	assert_int_equal(find(&m, "b.example.net.", RR_TXT)->line, 11);
	assert_int_equal(find(&m, "b.example.net.", RR_A)->line, 13);
	assert_int_equal(find(&m, "example.net.", RR_SOA)->ttl, 300);
	model_release(&m);
}

static void syntax_errors_keep_loading(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	write_file("errors.zone",
		   "$ORIGIN example.net.\n"
		   "a IN A 192.0.2.300\n"
		   "b IN A 192.0.2.1\n"
		   "c IN TXT ( \"open\"\n"
		   "d IN A 192.0.2.2\n");
	assert_int_equal(load(&m, "errors.zone", NULL), 0);
	/* two syntax errors, then the missing SOA record at line 1 */
	assert_int_equal(m.error_count, 3);
	assert_int_equal(m.errors[0].line, 2);
	assert_int_equal(m.errors[1].line, 4);
	assert_int_equal(m.errors[2].line, 1);
	assert_non_null(strstr(m.errors[2].message, "no SOA"));
	assert_non_null(find(&m, "b.example.net.", RR_A));
	model_release(&m);
}

static void include_relative_and_origin(void **state)
{
	struct model m;
	const struct record *r;

	(void)state;
	model_init(&m);
	write_file("zones/main.zone",
		   "$ORIGIN example.net.\n"
		   "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
		   "$INCLUDE inc/part.inc sub.example.net.\n"
		   "after IN A 192.0.2.9\n");
	write_file("zones/inc/part.inc", "x IN A 192.0.2.8\n");
	assert_int_equal(load(&m, "zones/main.zone", NULL), 0);
	assert_int_equal(m.error_count, 0);
	r = find(&m, "x.sub.example.net.", RR_A);
	assert_non_null(r);
	assert_string_equal(r->file, "zones/inc/part.inc");
	assert_int_equal(r->line, 1);
	/* The including file keeps its own origin after the $INCLUDE. */
	assert_non_null(find(&m, "after.example.net.", RR_A));
	model_release(&m);
}

/* Quoted $INCLUDE names, escaped blanks in names and at the end of a
 * record are read as BIND and ldns read them. */
static void quotes_and_escaped_blanks(void **state)
{
	struct model m;
	const struct record *r;

	(void)state;
	model_init(&m);
	write_file("q/main.zone",
		   "$ORIGIN example.net.\n"
		   "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
		   "$INCLUDE \"part.inc\"\n"
		   "$ORIGIN a\\ b.example.net.\n"
		   "x IN A 192.0.2.7\n"
		   "t IN TXT \\ \n");
	write_file("q/part.inc", "y IN A 192.0.2.8\n");
	assert_int_equal(load(&m, "q/main.zone", NULL), 0);
	assert_int_equal(m.error_count, 0);
	assert_non_null(find(&m, "y.example.net.", RR_A));
	assert_non_null(find(&m, "x.a\\032b.example.net.", RR_A));
	r = find(&m, "t.a\\032b.example.net.", RR_TXT);
	assert_non_null(r);
	model_release(&m);
}

static void include_loop_reported(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	write_file("loop.zone", "$ORIGIN example.net.\n"
		   "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
		   "$INCLUDE loop.zone\n");
	assert_int_equal(load(&m, "loop.zone", NULL), 0);
	assert_int_equal(m.error_count, 1);
	assert_int_equal(m.errors[0].line, 3);
	assert_non_null(strstr(m.errors[0].message, "loops"));
	model_release(&m);
}

static void origin_detection_order(void **state)
{
	struct model m;
	char *o;

	(void)state;
	model_init(&m);
	write_file("db.from-name.test", "@ IN A 192.0.2.1\n");
	write_file("soa-owner.txt",
		   "from-soa.test. IN SOA ns1 host 1 2 3 4 5\n");
	assert_int_equal(load(&m, "db.from-name.test", NULL), 0);
	assert_int_equal(load(&m, "soa-owner.txt", NULL), 0);
	assert_string_equal(m.zones[0].origin, "from-name.test.");
	assert_string_equal(m.zones[1].origin, "from-soa.test.");
	assert_int_equal(load(&m, "db.from-name.test", "given.test."), 0);
	assert_string_equal(m.zones[2].origin, "given.test.");
	o = zone_origin_from_filename("zones/example.net.zone.signed");
	assert_string_equal(o, "example.net.");
	free(o);
	assert_null(zone_origin_from_filename("zones/README"));
	model_release(&m);
}

static void tlsa_fields_and_text(void **state)
{
	struct model m;
	const struct record *r;

	(void)state;
	model_init(&m);
	write_file("tlsa.zone",
		   "$ORIGIN example.net.\n"
		   "_25._tcp.mx1 IN TLSA 3 1 1 ( 0102\n 0304 )\n"
		   "_25._tcp.mx2 IN TLSA 256 1 1 ab\n");
	assert_int_equal(load(&m, "tlsa.zone", NULL), 0);
	r = find(&m, "_25._tcp.mx1.example.net.", RR_TLSA);
	assert_non_null(r);
	assert_int_equal(r->u.tlsa.usage, 3);
	assert_int_equal(r->u.tlsa.len, 4);
	assert_memory_equal(r->u.tlsa.data, "\x01\x02\x03\x04", 4);
	r = find(&m, "_25._tcp.mx2.example.net.", RR_TLSA);
	/* ldns stores 256 as 0; the text keeps what was written. */
	assert_int_equal(r->u.tlsa.usage, 0);
	assert_string_equal(r->rdata_text, "256 1 1 ab");
	assert_int_equal(m.tlsa_set_count, 2);
	assert_true(m.tlsa_sets[0].owner_valid);
	assert_int_equal(m.tlsa_sets[0].port, 25);
	model_release(&m);
}

static void binary_file_is_one_error(void **state)
{
	struct model m;
	char *path = xasprintf("%s/bin.zone", tmpdir);
	FILE *f = fopen(path, "wb");

	(void)state;
	assert_non_null(f);
	fwrite("$ORIGIN x.\n\0\1\2\3", 1, 15, f);
	fclose(f);
	model_init(&m);
	assert_int_equal(load(&m, "bin.zone", NULL), 0);
	assert_int_equal(m.error_count, 1);
	assert_non_null(strstr(m.errors[0].message, "binary"));
	model_release(&m);
	free(path);
}

static void missing_file_fails(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	assert_int_equal(load(&m, "does-not-exist.zone", NULL), -1);
	model_release(&m);
}

static void suppression_comments(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	write_file("supp.zone",
		   "$ORIGIN example.net.\n"
		   "; danelint: disable-file=tlsa-stale\n"
		   "a IN A 192.0.2.1 ; danelint: disable=rule-a,rule-b\n"
		   "; danelint: disable=rule-c\n"
		   "b IN A 192.0.2.2\n");
	assert_int_equal(load(&m, "supp.zone", NULL), 0);
	assert_int_equal(m.suppression_count, 4);
	assert_int_equal(m.suppressions[0].line, 0);
	assert_string_equal(m.suppressions[0].rule, "tlsa-stale");
	assert_int_equal(m.suppressions[1].line, 3);
	assert_string_equal(m.suppressions[2].rule, "rule-b");
	assert_int_equal(m.suppressions[3].line, 5);
	assert_string_equal(m.suppressions[3].rule, "rule-c");
	model_release(&m);
}

/* The suppression for rule; model_index() sorts them by file and line. */
static const struct suppression *suppression_of(const struct model *m,
						const char *rule)
{
	size_t i;

	for (i = 0; i < m->suppression_count; i++)
		if (strcmp(m->suppressions[i].rule, rule) == 0)
			return &m->suppressions[i];
	fail_msg("no suppression for %s", rule);
	return NULL;
}

static void suppression_forms_and_lines(void **state)
{
	struct model m;
	const struct suppression *s;

	(void)state;
	model_init(&m);
	write_file("forms.zone",
		   "$ORIGIN example.net.\n"
		   "; danelint: disable-next-line=rule-a\n"
		   "\n"
		   "a IN A 192.0.2.1 ; danelint: disable-next-line=rule-b\n"
		   "b IN A 192.0.2.2 ; danelint: disable=rule-c\n"
		   "; danelint: disable-file=rule-d\n"
		   "; danelint: disable-next-line=rule-e\n");
	assert_int_equal(load(&m, "forms.zone", NULL), 0);
	assert_int_equal(m.suppression_count, 5);
	s = suppression_of(&m, "rule-a");
	/* Blank lines between the comment and the record do not matter. */
	assert_string_equal(s->rule, "rule-a");
	assert_int_equal(s->scope, SUPPRESS_LINE);
	assert_int_equal(s->line, 4);
	assert_int_equal(s->comment_line, 2);
	s = suppression_of(&m, "rule-b");
	/* A next-line form at the end of a record skips that record. */
	assert_string_equal(s->rule, "rule-b");
	assert_int_equal(s->line, 5);
	assert_int_equal(s->comment_line, 4);
	s = suppression_of(&m, "rule-c");
	assert_string_equal(s->rule, "rule-c");
	assert_int_equal(s->line, 5);
	assert_int_equal(s->comment_line, 5);
	s = suppression_of(&m, "rule-d");
	assert_string_equal(s->rule, "rule-d");
	assert_int_equal(s->scope, SUPPRESS_FILE);
	assert_int_equal(s->comment_line, 6);
	s = suppression_of(&m, "rule-e");
	/* Nothing follows the last comment. */
	assert_string_equal(s->rule, "rule-e");
	assert_int_equal(s->scope, SUPPRESS_NOTHING);
	assert_int_equal(s->comment_line, 7);
	model_release(&m);
}

static void path_join_resolves_dots(void **state)
{
	char *p;

	(void)state;
	p = path_join("zones/inc", "../db.x");
	assert_string_equal(p, "zones/db.x");
	free(p);
	p = path_join("", "./a/./b");
	assert_string_equal(p, "a/b");
	free(p);
	p = path_join("zones", "/etc/x");
	assert_string_equal(p, "/etc/x");
	free(p);
	p = path_join("", "../up");
	assert_string_equal(p, "../up");
	free(p);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

/* Repeats c n times, in a static buffer. */
static const char *repeat(char c, size_t n)
{
	static char buf[256];

	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

/*
 * Records at the edges of the fast path's shapes. With
 * DANELINT_CHECK_FAST_PATH set, a record that the fast path reads
 * differently from ldns aborts the test.
 */
static void fast_path_edges(void **state)
{
	struct model m;
	struct strbuf zone;
	const struct record *r;
	char *label63 = xstrdup(repeat('a', 63));

	(void)state;
	assert_int_equal(setenv("DANELINT_CHECK_FAST_PATH", "1", 1), 0);
	strbuf_init(&zone);
	strbuf_addstr(&zone, "$ORIGIN .\n"
			     "example.net. IN SOA ns1.example.net. "
			     "hostmaster.example.net. 1 7200 3600 1209600 300\n"
			     "$ORIGIN example.net.\n"
			     "@ IN MX 65535 MX1.Example.NET.\n"
			     "t1 IN TXT \"a\\108b\"\n"
			     "t2 IN TXT \"\\\\ \"\n"
			     "t3 IN TXT \"plain text\"\n"
			     "v6 IN AAAA ::ffff:192.0.2.1\n"
			     "_25._tcp.mx1 IN TLSA 3 1 1 ABCDEF 0123\n"
			     "mx2 IN MX 65536 mx1\n");
	/* names of 255 bytes in wire form, then one of 256 */
	strbuf_addf(&zone, "%s.%s.%s.%s IN A 192.0.2.1\n", label63,
		    label63, label63, repeat('b', 49));
	strbuf_addf(&zone, "%s.%s.%s.%s.example.net. IN A 192.0.2.2\n",
		    label63, label63, label63, repeat('c', 49));
	strbuf_addf(&zone, "%s.%s.%s.%s IN A 192.0.2.3\n", label63,
		    label63, label63, repeat('d', 50));
	model_init(&m);
	write_file("edges.zone", strbuf_str(&zone));
	assert_int_equal(load(&m, "edges.zone", NULL), 0);
	assert_int_equal(unsetenv("DANELINT_CHECK_FAST_PATH"), 0);
	/* the MX preference out of range, and the name of 256 bytes */
	assert_int_equal(m.error_count, 2);
	assert_int_equal(m.errors[0].line, 10);
	assert_int_equal(m.errors[1].line, 13);
	r = find(&m, "example.net.", RR_MX);
	assert_non_null(r);
	assert_int_equal(r->u.mx.preference, 65535);
	assert_string_equal(r->u.mx.exchange, "mx1.example.net.");
	assert_non_null(find(&m, "t1.example.net.", RR_TXT));
	assert_non_null(find(&m, "t2.example.net.", RR_TXT));
	assert_non_null(find(&m, "v6.example.net.", RR_AAAA));
	r = find(&m, "_25._tcp.mx1.example.net.", RR_TLSA);
	assert_non_null(r);
	assert_int_equal(r->u.tlsa.len, 5);
	assert_int_equal(r->u.tlsa.data[0], 0xab);
	assert_int_equal(r->u.tlsa.data[4], 0x23);
	assert_int_equal(m.record_count, 9);
	model_release(&m);
	strbuf_release(&zone);
	free(label63);
}

/*
 * A line that starts with a parenthesis has no owner of its own, and
 * ldns gives it the owner of the record before: the fast path must not
 * read "IN" as the owner. Found by the zone fuzzer.
 */
static void paren_line_owner(void **state)
{
	struct model m;

	(void)state;
	assert_int_equal(setenv("DANELINT_CHECK_FAST_PATH", "1", 1), 0);
	model_init(&m);
	write_file("paren.zone",
		   "$ORIGIN example.net.\n"
		   "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
		   "(IN MX\t10 mx1 )\n");
	assert_int_equal(load(&m, "paren.zone", NULL), 0);
	assert_int_equal(unsetenv("DANELINT_CHECK_FAST_PATH"), 0);
	assert_int_equal(m.error_count, 0);
	assert_non_null(find(&m, "example.net.", RR_MX));
	assert_null(find(&m, "in.example.net.", RR_MX));
	model_release(&m);
}

/* "$TTL 0" gives records without a TTL of their own 0, which ldns
 * would read as no default and turn into 3600. */
static void zero_default_ttl(void **state)
{
	struct model m;

	(void)state;
	model_init(&m);
	write_file("zero-ttl.zone",
		   "$ORIGIN example.net.\n"
		   "first IN A 192.0.2.1\n"
		   "$TTL 0\n"
		   "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
		   "mx IN A 192.0.2.1\n"
		   "mx IN AAAA 2001:db8::1\n"
		   "own 60 IN A 192.0.2.1\n"
		   "tagged IN A 192.0.2.1 ; comment\n"
		   "slow IN TYPE1 \\# 4 c0000201\n"
		   "$TTL 5\n"
		   "later IN A 192.0.2.1\n");
	assert_int_equal(load(&m, "zero-ttl.zone", NULL), 0);
	assert_int_equal(m.error_count, 0);
	assert_int_equal(find(&m, "first.example.net.", RR_A)->ttl, 3600);
	assert_int_equal(find(&m, "mx.example.net.", RR_A)->ttl, 0);
	assert_int_equal(find(&m, "mx.example.net.", RR_AAAA)->ttl, 0);
	assert_int_equal(find(&m, "own.example.net.", RR_A)->ttl, 60);
	assert_int_equal(find(&m, "tagged.example.net.", RR_A)->ttl, 0);
	assert_int_equal(find(&m, "slow.example.net.", RR_A)->ttl, 0);
	assert_int_equal(find(&m, "later.example.net.", RR_A)->ttl, 5);
	model_release(&m);
}

/* $GENERATE makes its records, on its own line; a wrong one is one
 * zone-syntax error. */
static void generate_ranges(void **state)
{
	struct model m;
	const struct record *r;

	(void)state;
	assert_int_equal(setenv("DANELINT_CHECK_FAST_PATH", "1", 1), 0);
	model_init(&m);
	write_file("generate.zone",
		   "$ORIGIN example.net.\n"
		   "@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
		   "$GENERATE 0-2 host$ A 192.0.2.${10}\n"
		   "$GENERATE 1024-1024 ${0,3,n} AAAA 2001:db8::${0,4,x}\n"
		   "$GENERATE 1-9/4 s$ 60 IN CNAME t${0,2}\n"
		   "$GENERATE 7-7 e\\$$ TXT \"x\"\n"
		   "$GENERATE 5-1 x$ A 192.0.2.1\n"
		   "$GENERATE 1-2 x${1 A 192.0.2.1\n"
		   "$GENERATE 0-2000000 x$ A 192.0.2.1\n"
		   "$GENERATE 1-2 x$\n"
		   "$GENERATE 1-1 y$ A 192.0.2.${2147483647}\n"
		   "$GENERATE 250-260 z$ A 192.0.2.$\n");
	assert_int_equal(load(&m, "generate.zone", NULL), 0);
	assert_int_equal(unsetenv("DANELINT_CHECK_FAST_PATH"), 0);
	r = find(&m, "host0.example.net.", RR_A);
	assert_non_null(r);
	assert_int_equal(r->line, 3);
	assert_non_null(find(&m, "host2.example.net.", RR_A));
	assert_null(find(&m, "host3.example.net.", RR_A));
	assert_non_null(find(&m, "0.0.4.example.net.", RR_AAAA));
	r = find(&m, "s5.example.net.", RR_CNAME);
	assert_non_null(r);
	assert_int_equal(r->ttl, 60);
	assert_string_equal(r->u.cname.target, "t05.example.net.");
	assert_null(find(&m, "s2.example.net.", RR_CNAME));
	assert_non_null(find(&m, "s9.example.net.", RR_CNAME));
	assert_non_null(find(&m, "e$7.example.net.", RR_TXT));
	assert_non_null(find(&m, "z255.example.net.", RR_A));
	/* lines 7 to 11 are wrong; 256 to 260 are no address byte, which
	 * line 12 reports once */
	assert_int_equal(m.error_count, 6);
	assert_int_equal(m.errors[0].line, 7);
	assert_non_null(strstr(m.errors[0].message, "invalid $GENERATE range"));
	assert_non_null(strstr(m.errors[1].message, "invalid '${...}'"));
	assert_non_null(strstr(m.errors[2].message, "more than 1000000"));
	assert_non_null(strstr(m.errors[3].message, "needs a range"));
	assert_non_null(strstr(m.errors[4].message, "outside -2147483648"));
	assert_int_equal(m.errors[5].line, 12);
	model_release(&m);
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(start_lines_of_records),
		cmocka_unit_test(syntax_errors_keep_loading),
		cmocka_unit_test(include_relative_and_origin),
		cmocka_unit_test(include_loop_reported),
		cmocka_unit_test(quotes_and_escaped_blanks),
		cmocka_unit_test(origin_detection_order),
		cmocka_unit_test(tlsa_fields_and_text),
		cmocka_unit_test(binary_file_is_one_error),
		cmocka_unit_test(missing_file_fails),
		cmocka_unit_test(suppression_comments),
		cmocka_unit_test(suppression_forms_and_lines),
		cmocka_unit_test(path_join_resolves_dots),
		cmocka_unit_test(fast_path_edges),
		cmocka_unit_test(paren_line_owner),
		cmocka_unit_test(zero_default_ttl),
		cmocka_unit_test(generate_ranges),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
