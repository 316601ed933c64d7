/* SPDX-License-Identifier: BSD-3-Clause */
/* Certificate directory files: private keys and unusable files. */
#include "rules.h"

static int check_private(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->private_key_count; i++) {
		struct finding_loc loc = loc_file(m->private_keys[i].file);

		report_finding(ctx, rule, &loc, "private key material (%s) in "
			       "the certificate directory; remove the file, "
			       "purge it from version control and replace the "
			       "key, because anyone who can read the repository "
			       "can impersonate the server",
			       m->private_keys[i].description);
	}
	return 0;
}

static int check_unusable(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	size_t i;

	for (i = 0; i < m->cert_problem_count; i++) {
		struct finding_loc loc = loc_file(m->cert_problems[i].file);

		report_finding(ctx, rule, &loc, "%s",
			       m->cert_problems[i].message);
	}
	return 0;
}

const struct rule rule_private_key_committed = {
	.id = "private-key-committed",
	.severity = SEV_ERROR,
	.scope = SCOPE_CERT,
	.summary = "private key material in the certificate directory",
	.check = check_private,
};

const struct rule rule_cert_unusable = {
	.id = "cert-unusable",
	.severity = SEV_ERROR,
	.scope = SCOPE_CERT,
	.summary = "a file in the certificate directory that holds no usable "
		   "certificate, public key or request",
	.check = check_unusable,
};
