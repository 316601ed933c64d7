/* SPDX-License-Identifier: BSD-3-Clause */
/* Where input files come from: the disk now, a git snapshot as well later. */
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
};

/* The working tree below root. */
void source_disk_init(struct source *src, const char *root);

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

#endif
