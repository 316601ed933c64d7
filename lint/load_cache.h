/* SPDX-License-Identifier: BSD-3-Clause */
/* Zones and certificate directories parsed once per run, by content. */
#ifndef DANELINT_LOAD_CACHE_H
#define DANELINT_LOAD_CACHE_H

#include <stdbool.h>

#include "model.h"
#include "source.h"

/*
 * danelint ci loads every commit of a range, and consecutive commits
 * share almost every file. The cache keeps the parsed form of each zone
 * file, keyed by path, origin and git blob id, and of each host's
 * certificate directory, keyed by the blob ids of its files. A later load
 * copies it into its own model instead of parsing again. Sources without
 * content ids (the working tree) are never cached.
 */
struct load_cache;

struct load_cache *load_cache_new(void);
void load_cache_free(struct load_cache *c);

/*
 * Loads zone file path into m through the cache: 1 when it came from the
 * cache, 0 when it was parsed now, -1 (err set) when it cannot be read.
 */
int load_cache_zone(struct load_cache *c, struct model *m,
		    const struct source *src, const char *path,
		    const char *origin, struct strbuf *err);

/*
 * Looks up the host directory dir with files[0..count) in the cache and,
 * when it is there, copies it into m and returns true. Otherwise returns
 * false and sets *into to the model to load the host into. The caller
 * then passes the result of that load to load_cache_host_done(), which
 * copies the host into m when it went into the cache.
 */
bool load_cache_host(struct load_cache *c, struct model *m,
		     const struct source *src, const char *host,
		     const char *dir, char **files, size_t count,
		     struct model **into);
void load_cache_host_done(struct load_cache *c, struct model *m, int rc);

#endif
