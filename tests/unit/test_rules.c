/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the helpers the rules share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "ca_data.h"
#include "rules.h"

static void name_matching(void **state)
{
	static const struct {
		const char *pattern;
		const char *name;
		bool match;
	} cases[] = {
		{ "mx1.example.net", "mx1.example.net.", true },
		{ "mx1.example.net.", "mx1.example.net", true },
		{ "mx1.example.net", "mx2.example.net.", false },
		{ "mx1.example.net", "a.mx1.example.net.", false },
		{ "*.example.net", "mx1.example.net.", true },
		{ "*.example.net", "a.mx1.example.net.", false },
		{ "*.example.net", "example.net.", false },
		{ "*.example.net", ".example.net.", false },
		{ "*.net", "example.net.", false },
		{ "mx*.example.net", "mx1.example.net.", false },
		{ "*mx.example.net", "amx.example.net.", false },
		{ "*", "example.", false },
		{ "", "example.net.", false },
		{ "example.net", "", false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool got = cert_name_matches(cases[i].pattern, cases[i].name);

		if (got != cases[i].match)
			fail_msg("'%s' against '%s': got %d, expected %d",
				 cases[i].pattern, cases[i].name, got,
				 cases[i].match);
	}
}

/* Sets c's subject and SPKI digest, given in hex. */
static void fake_cert(struct cert_info *c, const char *subject,
		      const char *spki_hex)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->subject = subject;
	for (i = 0; i < sizeof(c->spki_sha256); i++) {
		unsigned byte;

		assert_int_equal(sscanf(spki_hex + 2 * i, "%2x", &byte), 1);
		c->spki_sha256[i] = (uint8_t)byte;
	}
}

/* A retired CA is found by subject and key, and by nothing less. */
static void retired_ca_lookup(void **state)
{
	static const char x3_subject[] =
		"CN=Let's Encrypt Authority X3,O=Let's Encrypt,C=US";
	static const char x3_spki[] =
		"60b87575447dcba2a36b7d11ac09fb24a9db406fee12d2cc90180517616e8a18";
	static const char r10_spki[] =
		"2bbad93ab5c79279ec121507f272cbe0c6647a3aae52e22f388afab426b4adba";
	const struct retired_ca *found;
	struct cert_info c;

	(void)state;
	fake_cert(&c, x3_subject, x3_spki);
	found = retired_ca_find(&c);
	assert_non_null(found);
	assert_string_equal(found->name, "Let's Encrypt Authority X3");
	assert_int_equal(found->retired_at, 1633535035);

	fake_cert(&c, x3_subject, r10_spki);
	assert_null(retired_ca_find(&c));
	fake_cert(&c, "CN=R10,O=Let's Encrypt,C=US", x3_spki);
	assert_null(retired_ca_find(&c));
}

/* Each family member has a key digest and at least one certificate. */
static void ca_family_data(void **state)
{
	size_t i, j;

	(void)state;
	assert_true(ca_family_count > 0);
	for (i = 0; i < ca_family_count; i++) {
		assert_true(ca_families[i].member_count > 1);
		for (j = 0; j < ca_families[i].member_count; j++) {
			const struct ca_member *m = &ca_families[i].members[j];

			assert_int_equal(strlen(m->spki_sha256), 64);
			assert_non_null(m->cert_sha256[0]);
			assert_int_equal(strlen(m->cert_sha256[0]), 64);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(name_matching),
		cmocka_unit_test(retired_ca_lookup),
		cmocka_unit_test(ca_family_data),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
