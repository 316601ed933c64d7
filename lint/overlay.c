/* SPDX-License-Identifier: BSD-3-Clause */
/* The overlay source: one file from memory, the rest from another source. */
#include "source.h"

#include <stdlib.h>
#include <string.h>

static const struct overlay_source *overlay_of(const struct source *src)
{
	return (const struct overlay_source *)src;
}

/* Is path inside dir? Every relative path is inside "" (the root). */
static int inside(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (n == 0)
		return path[0] != '/';
	return strncmp(path, dir, n) == 0 && path[n] == '/';
}

static int overlay_read(const struct source *src, const char *path,
			char **data, size_t *len, struct strbuf *err)
{
	const struct overlay_source *ov = overlay_of(src);
	char *norm = path_join("", path);
	int same = strcmp(norm, ov->path) == 0;

	free(norm);
	if (!same)
		return ov->lower->read(ov->lower, path, data, len, err);
	*data = xmalloc(ov->len + 1);
	memcpy(*data, ov->data, ov->len);
	(*data)[ov->len] = '\0';
	*len = ov->len;
	return 0;
}

/* Inserts ov->path into the sorted list unless it is there already. */
static void insert_path(const struct overlay_source *ov, char ***paths,
			size_t *count)
{
	size_t i = 0;

	while (i < *count && strcmp((*paths)[i], ov->path) < 0)
		i++;
	if (i < *count && strcmp((*paths)[i], ov->path) == 0)
		return;
	*paths = xrealloc(*paths, (*count + 1) * sizeof(**paths));
	memmove(*paths + i + 1, *paths + i, (*count - i) * sizeof(**paths));
	(*paths)[i] = xstrdup(ov->path);
	(*count)++;
}

static int overlay_list(const struct source *src, const char *dir,
			char ***paths, size_t *count, struct strbuf *err)
{
	const struct overlay_source *ov = overlay_of(src);
	char *norm = path_join("", dir);
	int contains = inside(ov->path, norm);
	int is_file = strcmp(norm, ov->path) == 0;
	struct strbuf why;

	free(norm);
	if (is_file) {
		strbuf_addstr(err, "is a file, not a directory");
		return -1;
	}
	strbuf_init(&why);
	if (ov->lower->list(ov->lower, dir, paths, count, &why) < 0) {
		/* NOTE: any failure of lower counts as an empty directory
		 * when it would contain the overlay path, because the
		 * directory of a new buffer need not exist on disk yet. */
		if (!contains) {
			strbuf_addstr(err, strbuf_str(&why));
			strbuf_release(&why);
			return -1;
		}
		*paths = NULL;
		*count = 0;
	}
	strbuf_release(&why);
	if (contains)
		insert_path(ov, paths, count);
	return 0;
}

void source_overlay_init(struct overlay_source *ov,
			 const struct source *lower, const char *path,
			 const char *data, size_t len)
{
	ov->base.root = lower->root;
	ov->base.read = overlay_read;
	ov->base.list = overlay_list;
	ov->base.content_id = NULL;
	ov->lower = lower;
	ov->path = path_join("", path);
	ov->data = data;
	ov->len = len;
}

void source_overlay_release(struct overlay_source *ov)
{
	free(ov->path);
	ov->path = NULL;
}
