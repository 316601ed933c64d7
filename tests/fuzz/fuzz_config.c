/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness: the .danelint reader (libgit2's config parser). */
#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int initialised;
	struct settings s;
	struct strbuf err;

	if (!initialised)
		initialised = git_libgit2_init() > 0;
	settings_init(&s);
	strbuf_init(&err);
	config_read_buffer(&s, ".danelint", (const char *)data, size, &err);
	strbuf_release(&err);
	settings_release(&s);
	return 0;
}
