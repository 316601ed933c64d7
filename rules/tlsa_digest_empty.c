/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-digest-of-empty-input: digests of zero bytes of input. */
#include "rules.h"

#include <string.h>

/* SHA-256 and SHA-512 of the empty string (FIPS 180-4 test values). */
static const uint8_t empty_sha256[32] = {
	0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4,
	0xc8, 0x99, 0x6f, 0xb9, 0x24, 0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b,
	0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
};

static const uint8_t empty_sha512[64] = {
	0xcf, 0x83, 0xe1, 0x35, 0x7e, 0xef, 0xb8, 0xbd, 0xf1, 0x54, 0x28,
	0x50, 0xd6, 0x6d, 0x80, 0x07, 0xd6, 0x20, 0xe4, 0x05, 0x0b, 0x57,
	0x15, 0xdc, 0x83, 0xf4, 0xa9, 0x21, 0xd3, 0x6c, 0xe9, 0xce, 0x47,
	0xd0, 0xd1, 0x3c, 0x5d, 0x85, 0xf2, 0xb0, 0xff, 0x83, 0x18, 0xd2,
	0x87, 0x7e, 0xec, 0x2f, 0x63, 0xb9, 0x31, 0xbd, 0x47, 0x41, 0x7a,
	0x81, 0xa5, 0x38, 0x32, 0x7a, 0xf9, 0x27, 0xda, 0x3e,
};

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->record_count; i++) {
		const struct record *r = &m->records[i];
		struct finding_loc loc;
		const char *algo;

		if (r->type != RR_TLSA)
			continue;
		if (r->u.tlsa.len == 32 &&
		    memcmp(r->u.tlsa.data, empty_sha256, 32) == 0)
			algo = "SHA-256";
		else if (r->u.tlsa.len == 64 &&
			 memcmp(r->u.tlsa.data, empty_sha512, 64) == 0)
			algo = "SHA-512";
		else
			continue;
		loc = loc_record(r);
		report_finding(ctx, rule, &loc, "association data of '%s' is "
			       "the %s digest of empty input, so the pipeline "
			       "that made it hashed nothing; compute the digest "
			       "of the server's public key again",
			       display_name(ctx, r->owner), algo);
	}
	return 0;
}

const struct rule rule_tlsa_digest_of_empty_input = {
	.id = "tlsa-digest-of-empty-input",
	.severity = SEV_ERROR,
	.scope = SCOPE_ZONE,
	.summary = "TLSA association data that is the digest of empty input",
	.check = check,
	.model_only = true,
};
