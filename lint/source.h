/* SPDX-License-Identifier: BSD-3-Clause */
/* Input file sources: the working tree, git snapshots and overlays. */
#ifndef DANELINT_SOURCE_H
#define DANELINT_SOURCE_H

#include <stddef.h>

#include "util.h"

/*
 * A source of files named by paths relative to the repository root. read
 * stores a malloc'd, NUL-terminated copy of the file in *data; on failure it
 * returns a negative value and appends the reason to err.
 */
struct source {
	const char *root;
	int (*read)(const struct source *src, const char *path, char **data,
		    size_t *len, struct strbuf *err);
	/* Lists the regular files below dir (root-relative), sorted. */
	int (*list)(const struct source *src, const char *dir, char ***paths,
		    size_t *count, struct strbuf *err);
	/* Sets id to the git blob id of path and returns 0, or returns -1;
	 * NULL for sources that have no such ids (the working tree). */
	int (*content_id)(const struct source *src, const char *path,
			  char id[41]);
};

/* The working tree below root. */
void source_disk_init(struct source *src, const char *root);

/*
 * A source that serves one root-relative path from memory and every other
 * path from lower: an editor's unsaved buffer in place of the file on disk.
 * list includes the path even when lower has no such file yet.
 */
struct overlay_source {
	struct source base;	/* first member, so callbacks can cast back */
	const struct source *lower;
	char *path;		/* normalized with path_join */
	const char *data;	/* not copied: must outlive the source */
	size_t len;
};

void source_overlay_init(struct overlay_source *ov,
			 const struct source *lower, const char *path,
			 const char *data, size_t len);
void source_overlay_release(struct overlay_source *ov);

/* Frees a list returned by source->list. */
void source_free_list(char **paths, size_t count);

/*
 * Joins dir and name into a root-relative path and resolves "." and ".."
 * lexically; an absolute name stays absolute. Returns a malloc'd string.
 */
char *path_join(const char *dir, const char *name);
/* Returns a malloc'd copy of the directory part of path ("" for none). */
char *path_dirname(const char *path);
/* Returns a pointer to the last component of path. */
const char *path_basename(const char *path);
/*
 * Makes path (absolute, or relative to the absolute directory cwd) absolute
 * with symbolic links resolved in the longest part that exists, so that it
 * compares with a realpath()'d root even when the file is new. The rest is
 * joined lexically. Returns a malloc'd string.
 */
char *path_resolve(const char *cwd, const char *path);

#endif
