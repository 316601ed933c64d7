/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness: the zone scanner, loader and zone rules on any bytes. */
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "config.h"
#include "rule.h"
#include "source.h"
#include "zone.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every record the loader's fast path takes is parsed by ldns as well,
 * and a difference aborts: the fuzzer reports it as a crash. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("DANELINT_CHECK_FAST_PATH", "1", 1);
	return 0;
}

struct memory_source {
	struct source src;	/* first: read_memory() casts back */
	const uint8_t *data;
	size_t size;
};

/* Serves the input as the zone file and as "self.inc", so that
 * "$INCLUDE self.inc" exercises includes and the loop guard; any other
 * file is missing. */
static int read_memory(const struct source *src, const char *path,
		       char **data, size_t *len, struct strbuf *err)
{
	const struct memory_source *ms = (const struct memory_source *)src;

	if (strcmp(path, "db.example.net") != 0 &&
	    strcmp(path, "self.inc") != 0) {
		strbuf_addstr(err, "No such file");
		return -1;
	}
	*data = xmalloc(ms->size + 1);
	memcpy(*data, ms->data, ms->size);
	(*data)[ms->size] = '\0';
	*len = ms->size;
	return 0;
}

static int list_nothing(const struct source *src, const char *dir,
			char ***paths, size_t *count, struct strbuf *err)
{
	(void)src;
	(void)dir;
	(void)err;
	*paths = NULL;
	*count = 0;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memory_source ms = { { "", read_memory, list_nothing, NULL },
				    data, size };
	struct settings s;
	struct model m;
	struct lint_ctx ctx;
	struct strbuf err;

	settings_init(&s);
	model_init(&m);
	strbuf_init(&err);
	/* Half the inputs detect their own origin. */
	zone_load(&m, &ms.src, "db.example.net",
		  size && (data[0] & 1) ? NULL : "example.net.", &err);
	model_index(&m);
	if (lint_ctx_init(&ctx, &m, &s, 1764806400, &err) == 0)
		lint_run(&ctx, true, false);
	lint_ctx_release(&ctx);
	strbuf_release(&err);
	model_release(&m);
	settings_release(&s);
	return 0;
}
