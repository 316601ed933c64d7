/* SPDX-License-Identifier: BSD-3-Clause */
/* Loads a repository's zones and certificate directory into the model. */
#ifndef DANELINT_LOAD_H
#define DANELINT_LOAD_H

#include <stdbool.h>

#include "config.h"
#include "load_cache.h"
#include "model.h"
#include "source.h"

/* A zone file to load and the origin to load it under (NULL: detect). */
struct zone_file {
	char *path;	/* root-relative */
	char *origin;
};

struct zone_list {
	struct zone_file *files;
	size_t count;
	size_t alloc;
};

void zone_list_release(struct zone_list *list);

/* True for the file names discovery takes: *.zone, db.*, *.db, *.zone.signed. */
bool load_is_zone_name(const char *path);

/*
 * Collects the zone files to load. paths (root-relative files or
 * directories) win; else the zones globs and zone sections of the settings;
 * else every file below the root with a zone file name. Files below the
 * certificate directory and hidden directories are left out of directory
 * walks. Returns -1 with err set when a named path does not exist.
 */
int load_collect_zones(const struct source *src, const struct settings *s,
		       char *const *paths, size_t path_count,
		       const char *origin, struct zone_list *out,
		       struct strbuf *err);

/*
 * Collects path (root-relative, with origin or NULL to detect it) first,
 * then every zone file that load_collect_zones finds without paths, so that
 * rules that look across zones see the rest of the repository.
 */
int load_collect_with(const struct source *src, const struct settings *s,
		      const char *path, const char *origin,
		      struct zone_list *out, struct strbuf *err);

/*
 * Loads every zone of list; -1 with err when a file cannot be read. With
 * skip_missing, files the source lacks are left out (a zone a commit adds
 * has no earlier version).
 */
int load_zones(struct model *m, const struct source *src,
	       const struct zone_list *list, bool skip_missing,
	       struct strbuf *err);
/* The same through a cache of parsed files (NULL for none). */
int load_zones_cached(struct model *m, const struct source *src,
		      const struct zone_list *list, bool skip_missing,
		      struct load_cache *cache, struct strbuf *err);

/*
 * Loads the certificate directory: one subdirectory per TLSA base domain,
 * plus the [host] directories of the settings. A missing directory is an
 * error only when the settings name it explicitly.
 */
int load_certs(struct model *m, const struct source *src,
	       const struct settings *s, struct strbuf *err);
int load_certs_cached(struct model *m, const struct source *src,
		      const struct settings *s, struct load_cache *cache,
		      struct strbuf *err);

/*
 * Loads the certificate directories of the given hosts only: names[i] is
 * the host (absolute), dirs[i] its directory. Directories the source lacks
 * are skipped.
 */
int load_cert_dirs(struct model *m, const struct source *src,
		   const char *const *names, const char *const *dirs,
		   size_t count, struct strbuf *err);

#endif
