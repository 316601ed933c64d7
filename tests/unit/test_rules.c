/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the helpers the rules share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(name_matching),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
