/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness: the certificate loader and certificate rules. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "cert.h"
#include "cert_cache.h"
#include "config.h"
#include "rule.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Public keys read without OpenSSL's decoders are checked against them. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("DANELINT_CHECK_FAST_PATH", "1", 1);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first byte picks a file name: a deployment or a next key. */
	static const char *const names[] = { "fullchain.pem", "next.pem",
					     "cert.der", "next.csr" };
	const char *name = names[size ? data[0] % 4 : 0];
	const char *path = size && data[0] % 4 == 1
		? "certs/mx1.example.net/next.pem"
		: "certs/mx1.example.net/fullchain.pem";
	const uint8_t *bytes = size ? data + 1 : data;
	size_t len = size ? size - 1 : 0;
	struct settings s;
	struct model m;
	struct lint_ctx ctx;
	struct strbuf err;

	settings_init(&s);
	model_init(&m);
	strbuf_init(&err);
	m.have_certs = true;
	/* the ahead-of-time decoding, then the load that uses it */
	cert_prefetch(&bytes, &len, 1);
	cert_load_host(&m, "mx1.example.net.", "certs/mx1.example.net", 1,
		       &name, &path, &bytes, &len);
	model_index(&m);
	if (lint_ctx_init(&ctx, &m, &s, 1764806400, &err) == 0)
		lint_run(&ctx, false, true);
	lint_ctx_release(&ctx);
	strbuf_release(&err);
	model_release(&m);
	settings_release(&s);
	/* one run per input, so that the cache does not grow across them */
	cert_cache_clear();
	return 0;
}
