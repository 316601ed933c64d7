/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the offline DANE verifier, on a chain made by tests/lib/pki.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "dane.h"
#include "model.h"
#include "util.h"

#include "cert_edit.h"

#define HOST "mx1.example.net."
#define DAY 86400

static char tmpdir[] = "/tmp/danelint-test-dane-XXXXXX";

/* A TLSA record as the tests write it: "3 1 1" and the file it covers. */
struct tlsa {
	uint8_t usage;
	uint8_t selector;
	uint8_t mtype;
	const char *source;	/* file in tmpdir, or NULL for 5 junk bytes */
};

/* Runs a shell command with tests/lib/pki.sh sourced, in tmpdir. */
static int pki(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int pki(const char *fmt, ...)
{
	struct strbuf cmd;
	va_list ap;
	char *body;
	int status;

	va_start(ap, fmt);
	body = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_init(&cmd);
	strbuf_addf(&cmd, ". tests/lib/pki.sh && cd %s && d=. && %s", tmpdir,
		    body);
	status = system(cmd.buf);
	strbuf_release(&cmd);
	free(body);
	return status;
}

static FILE *open_tmp_file(const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	free(path);
	return f;
}

/* Returns the association data that pki_tlsa_data prints, decoded. */
static uint8_t *cli_tlsa_data(const struct tlsa *t, size_t *len)
{
	char hex[1 << 14];
	uint8_t *data;
	size_t i, n;
	FILE *f;

	assert_int_equal(pki("pki_tlsa_data %u %u %s >hex.txt",
			     (unsigned)t->selector, (unsigned)t->mtype,
			     t->source), 0);
	f = open_tmp_file("hex.txt");
	n = fread(hex, 1, sizeof(hex) - 1, f);
	fclose(f);
	while (n > 0 && (hex[n - 1] == '\n' || hex[n - 1] == ' '))
		n--;
	hex[n] = '\0';
	assert_true(n > 0 && n % 2 == 0);
	data = xmalloc(n / 2);
	for (i = 0; i < n / 2; i++) {
		unsigned byte;

		assert_int_equal(sscanf(hex + 2 * i, "%2x", &byte), 1);
		data[i] = (uint8_t)byte;
	}
	*len = n / 2;
	return data;
}

/* Builds a chain from the PEM certificates of source, leaf first. */
static void load_chain(struct chain *chain, const char *source)
{
	FILE *f = open_tmp_file(source);
	X509 *x;

	memset(chain, 0, sizeof(*chain));
	chain->file = source;
	chain->certs = xcalloc(4, sizeof(*chain->certs));
	while ((x = PEM_read_X509(f, NULL, NULL, NULL))) {
		unsigned char *der = NULL;
		int len = i2d_X509(x, &der);

		assert_true(len > 0);
		assert_true(chain->count < 4);
		chain->certs[chain->count].der = der;
		chain->certs[chain->count].der_len = (size_t)len;
		chain->count++;
		X509_free(x);
	}
	fclose(f);
	assert_true(chain->count > 0);
}

static void release_chain(struct chain *chain)
{
	size_t i;

	for (i = 0; i < chain->count; i++)
		OPENSSL_free((void *)chain->certs[i].der);
	free(chain->certs);
}

/*
 * Verifies the chain in source against the records of tlsa, with base
 * as TLSA base domain and names as more reference identifiers, at time
 * now, and returns dane_verify_names's result.
 */
static struct dane_result verify_names(const char *source, const char *base,
				       const char *const *names,
				       size_t name_count,
				       const struct tlsa *tlsa, size_t count,
				       bool smtp, time_t now)
{
	static const uint8_t junk[5] = { 1, 2, 3, 4, 5 };
	struct record *records = xcalloc(count, sizeof(*records));
	const struct record **set_records = xcalloc(count, sizeof(*set_records));
	struct tlsa_set set;
	struct dane_result res;
	struct chain chain;
	size_t i;

	for (i = 0; i < count; i++) {
		records[i].owner = "_25._tcp." HOST;
		records[i].type = RR_TLSA;
		records[i].u.tlsa.usage = tlsa[i].usage;
		records[i].u.tlsa.selector = tlsa[i].selector;
		records[i].u.tlsa.mtype = tlsa[i].mtype;
		if (tlsa[i].source) {
			size_t len;

			records[i].u.tlsa.data = cli_tlsa_data(&tlsa[i], &len);
			records[i].u.tlsa.len = (uint32_t)len;
		} else {
			records[i].u.tlsa.data = xmalloc(sizeof(junk));
			memcpy((void *)records[i].u.tlsa.data, junk,
			       sizeof(junk));
			records[i].u.tlsa.len = sizeof(junk);
		}
		set_records[i] = &records[i];
	}
	memset(&set, 0, sizeof(set));
	set.owner = "_25._tcp." HOST;
	set.records = set_records;
	set.count = count;
	load_chain(&chain, source);
	if (names)
		assert_int_equal(dane_verify_names(&chain, base, names,
						   name_count, &set, smtp, now,
						   &res), 0);
	else
		assert_int_equal(dane_verify(&chain, base, &set, smtp, now,
					     &res), 0);
	release_chain(&chain);
	for (i = 0; i < count; i++)
		free((void *)records[i].u.tlsa.data);
	free(records);
	free(set_records);
	return res;
}

/* Verifies with base as the only reference identifier. */
static struct dane_result verify(const char *source, const char *base,
				 const struct tlsa *tlsa, size_t count,
				 bool smtp, time_t now)
{
	return verify_names(source, base, NULL, 0, tlsa, count, smtp, now);
}

static int make_pki(void **state)
{
	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	return pki("pki_chain $d mx1.example.net 90"
		   " && pki_key $d other p256"
		   " && for n in example.net '*.example.net' 'mx*.example.net';"
		   "    do f=$(echo \"$n\" | tr -d '*');"
		   "    pki_cert $d \"leaf-$f\" \"$n\" intermediate || exit 1;"
		   "    cat \"leaf-$f.pem\" intermediate.pem >\"chain-$f.pem\";"
		   "    done");
}

static int remove_pki(void **state)
{
	(void)state;
	dane_cleanup();
	return pki("cd / && rm -rf %s", tmpdir);
}

/* A leaf whose key algorithm OpenSSL does not know fails to verify
 * instead of failing the check. */
static void unknown_key_algorithm(void **state)
{
	const struct tlsa t[] = { { 3, 1, 1, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	cert_edit(tmpdir, "fullchain.pem", ec_key_oid, sizeof(ec_key_oid), 8,
		  0x7e, "unknown-leaf.pem");
	res = verify("unknown-leaf.pem", HOST, t, 1, false, time(NULL));
	assert_false(res.verified);
	assert_true(strlen(res.reason) > 0);
}

static void ee_spki_sha256_match(void **state)
{
	const struct tlsa t[] = { { 3, 1, 1, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 1, true, time(NULL));
	assert_true(res.verified);
	assert_false(res.agility_hidden);
	assert_string_equal(res.reason, "");
}

static void ee_spki_sha512_match(void **state)
{
	const struct tlsa t[] = { { 3, 1, 2, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("leaf.pem", HOST, t, 1, true, time(NULL));
	assert_true(res.verified);
}

static void ee_cert_sha256_match(void **state)
{
	const struct tlsa t[] = { { 3, 0, 1, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("leaf.pem", HOST, t, 1, true, time(NULL));
	assert_true(res.verified);
}

static void ee_mismatch(void **state)
{
	const struct tlsa t[] = { { 3, 1, 1, "other.key" } };
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 1, true, time(NULL));
	assert_false(res.verified);
	assert_false(res.agility_hidden);
	assert_string_equal(res.reason, "no matching DANE TLSA records");
}

static void ta_intermediate_right_name(void **state)
{
	const struct tlsa t[] = { { 2, 1, 1, "intermediate.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 1, true, time(NULL));
	assert_true(res.verified);
	assert_string_equal(res.reason, "");
}

static void ta_intermediate_wrong_name(void **state)
{
	const struct tlsa t[] = { { 2, 1, 1, "intermediate.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", "mx2.example.net.", t, 1, true,
		     time(NULL));
	assert_false(res.verified);
	assert_string_equal(res.reason, "hostname mismatch");
}

/* A "2 1 1" record needs the intermediate in the chain the server sends. */
static void ta_intermediate_missing(void **state)
{
	const struct tlsa t[] = { { 2, 1, 1, "intermediate.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("leaf.pem", HOST, t, 1, true, time(NULL));
	assert_false(res.verified);
	assert_string_not_equal(res.reason, "");
}

static void ta_expired_at_reference_time(void **state)
{
	const struct tlsa t[] = { { 2, 1, 1, "intermediate.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 1, true, time(NULL) + 100 * DAY);
	assert_false(res.verified);
	assert_string_equal(res.reason, "certificate has expired");
}

/* DANE-EE ignores the validity period and, for SMTP, the name. */
/* A leaf for the next-hop domain passes once that name is given. */
static void ta_next_hop_name(void **state)
{
	const struct tlsa t[] = { { 2, 1, 1, "intermediate.pem" } };
	const char *const hops[] = { "example.net." };
	struct dane_result res;

	(void)state;
	res = verify("chain-example.net.pem", HOST, t, 1, true, time(NULL));
	assert_false(res.verified);
	res = verify_names("chain-example.net.pem", HOST, hops, 1, t, 1, true,
			   time(NULL));
	assert_true(res.verified);
}

/* "*.example.net" covers one whole label; "mx*.example.net" nothing. */
static void ta_wildcards(void **state)
{
	const struct tlsa t[] = { { 2, 1, 1, "intermediate.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("chain-.example.net.pem", HOST, t, 1, true, time(NULL));
	assert_true(res.verified);
	res = verify("chain-.example.net.pem", "a.mx1.example.net.", t, 1,
		     true, time(NULL));
	assert_false(res.verified);
	res = verify("chain-.example.net.pem", "example.net.", t, 1, true,
		     time(NULL));
	assert_false(res.verified);
	res = verify("chain-mx.example.net.pem", HOST, t, 1, true, time(NULL));
	assert_false(res.verified);
}

static void ee_ignores_expiry_and_name(void **state)
{
	const struct tlsa t[] = { { 3, 1, 1, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("leaf.pem", "mx2.example.net.", t, 1, true,
		     time(NULL) + 100 * DAY);
	assert_true(res.verified);
}

static void ee_checks_name_outside_smtp(void **state)
{
	const struct tlsa t[] = { { 3, 1, 1, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("leaf.pem", "mx2.example.net.", t, 1, false, time(NULL));
	assert_false(res.verified);
	assert_string_equal(res.reason, "hostname mismatch");
}

/* Only "3 1 1" matches, and OpenSSL prefers the "3 1 2" record. */
static void agility_hides_sha256(void **state)
{
	const struct tlsa t[] = {
		{ 3, 1, 1, "leaf.pem" },
		{ 3, 1, 2, "other.key" },
	};
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 2, true, time(NULL));
	assert_false(res.verified);
	assert_true(res.agility_hidden);
	assert_string_equal(res.reason, "no matching DANE TLSA records");
}

static void agility_both_digests_match(void **state)
{
	const struct tlsa t[] = {
		{ 3, 1, 1, "leaf.pem" },
		{ 3, 1, 2, "leaf.pem" },
	};
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 2, true, time(NULL));
	assert_true(res.verified);
	assert_false(res.agility_hidden);
}

/* Neither digest matches, so agility is not the cause. */
static void agility_no_match(void **state)
{
	const struct tlsa t[] = {
		{ 3, 1, 1, "other.key" },
		{ 3, 1, 2, "other.key" },
	};
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 2, true, time(NULL));
	assert_false(res.verified);
	assert_false(res.agility_hidden);
}

static void smtp_skips_pkix_usages(void **state)
{
	const struct tlsa t[] = { { 1, 1, 1, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 1, true, time(NULL));
	assert_false(res.verified);
	assert_string_equal(res.reason,
			    "no usable DANE-TA(2) or DANE-EE(3) TLSA record");
}

/* Outside SMTP a PKIX-EE record also needs a chain to a system CA. */
static void pkix_usage_needs_system_ca(void **state)
{
	const struct tlsa t[] = { { 1, 1, 1, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 1, false, time(NULL));
	assert_false(res.verified);
	assert_string_equal(res.reason,
			    "unable to get local issuer certificate");
}

static void malformed_record_skipped(void **state)
{
	const struct tlsa t[] = {
		{ 3, 1, 1, NULL },
		{ 3, 1, 1, "leaf.pem" },
	};
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 2, true, time(NULL));
	assert_true(res.verified);
}

static void only_malformed_records(void **state)
{
	const struct tlsa t[] = { { 3, 1, 1, NULL } };
	struct dane_result res;

	(void)state;
	res = verify("fullchain.pem", HOST, t, 1, false, time(NULL));
	assert_false(res.verified);
	assert_string_equal(res.reason, "no usable TLSA record");
}

static void root_as_base_domain(void **state)
{
	const struct tlsa t[] = { { 3, 1, 1, "leaf.pem" } };
	struct dane_result res;

	(void)state;
	res = verify("leaf.pem", ".", t, 1, true, time(NULL));
	assert_false(res.verified);
	assert_string_equal(res.reason,
			    "OpenSSL rejects \"\" as DANE base domain");
}

static void empty_chain(void **state)
{
	struct chain chain = { "cert.pem", NULL, 0 };
	struct tlsa_set set;
	struct dane_result res;

	(void)state;
	memset(&set, 0, sizeof(set));
	assert_int_equal(dane_verify(&chain, HOST, &set, true, time(NULL),
				     &res), 0);
	assert_false(res.verified);
	assert_string_equal(res.reason, "the chain holds no certificate");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ee_spki_sha256_match),
		cmocka_unit_test(ee_spki_sha512_match),
		cmocka_unit_test(ee_cert_sha256_match),
		cmocka_unit_test(ee_mismatch),
		cmocka_unit_test(ta_intermediate_right_name),
		cmocka_unit_test(ta_intermediate_wrong_name),
		cmocka_unit_test(ta_intermediate_missing),
		cmocka_unit_test(ta_expired_at_reference_time),
		cmocka_unit_test(ta_next_hop_name),
		cmocka_unit_test(ta_wildcards),
		cmocka_unit_test(ee_ignores_expiry_and_name),
		cmocka_unit_test(ee_checks_name_outside_smtp),
		cmocka_unit_test(agility_hides_sha256),
		cmocka_unit_test(agility_both_digests_match),
		cmocka_unit_test(agility_no_match),
		cmocka_unit_test(smtp_skips_pkix_usages),
		cmocka_unit_test(pkix_usage_needs_system_ca),
		cmocka_unit_test(malformed_record_skipped),
		cmocka_unit_test(only_malformed_records),
		cmocka_unit_test(root_as_base_domain),
		cmocka_unit_test(empty_chain),
		cmocka_unit_test(unknown_key_algorithm),
	};

	return cmocka_run_group_tests(tests, make_pki, remove_pki);
}
