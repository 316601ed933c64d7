/* SPDX-License-Identifier: BSD-3-Clause */
/* Reads input files from the working tree. */
#include "source.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Zone files this large are not zone files a person maintains. */
#define MAX_FILE_SIZE ((size_t)1 << 31)

static char *disk_path(const struct source *src, const char *path)
{
	if (path[0] == '/' || !src->root || !*src->root)
		return xstrdup(path);
	return xasprintf("%s/%s", src->root, path);
}

static int disk_read(const struct source *src, const char *path, char **data,
		     size_t *len, struct strbuf *err)
{
	char *full = disk_path(src, path);
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	int fd = open(full, O_RDONLY | O_NONBLOCK);
	struct stat st;
	struct strbuf sb;
	char chunk[65536], *buf;
	size_t size, got = 0;
	ssize_t n = 1;

	free(full);
	if (fd < 0) {
		strbuf_addstr(err, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		strbuf_addstr(err, S_ISDIR(st.st_mode)
			      ? "is a directory, not a file"
			      : "is not a regular file (a device, FIFO or "
				"socket)");
		close(fd);
		return -1;
	}
	if ((size_t)st.st_size > MAX_FILE_SIZE) {
		strbuf_addstr(err, "file larger than 2 GiB");
		close(fd);
		return -1;
	}
	/* read straight into a buffer of the file's size; a file that
	 * grows meanwhile is read to its end in chunks */
	size = (size_t)st.st_size;
	buf = xmalloc(size + 1);
	while (got < size && (n = read(fd, buf + got, size - got)) > 0)
		got += (size_t)n;
	strbuf_init(&sb);
	if (n > 0)
		while ((n = read(fd, chunk, sizeof(chunk))) > 0)
			strbuf_add(&sb, chunk, (size_t)n);
	if (n < 0) {
		strbuf_addstr(err, strerror(errno));
		close(fd);
		free(buf);
		strbuf_release(&sb);
		return -1;
	}
	close(fd);
	if (sb.len) {
		buf = xrealloc(buf, got + sb.len + 1);
		memcpy(buf + got, sb.buf, sb.len);
		got += sb.len;
	}
	strbuf_release(&sb);
	buf[got] = '\0';
	*len = got;
	*data = buf;
	return 0;
}

struct path_list {
	char **paths;
	size_t count;
	size_t alloc;
};

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Depth limit for directory walks: symlink loops end here at the latest. */
#define MAX_DEPTH 32

static int walk(const struct source *src, const char *dir, int depth,
		struct path_list *out, struct strbuf *err)
{
	char *full = disk_path(src, *dir ? dir : ".");
	DIR *d = opendir(full);
	struct dirent *de;
	int rc = 0;

	free(full);
	if (!d) {
		strbuf_addf(err, "cannot open directory '%s': %s", dir,
			    strerror(errno));
		return -1;
	}
	while (rc == 0 && (de = readdir(d))) {
		char *rel, *abs;
		struct stat st;

		/* Hidden files count ("certs/mx1/.key.pem" may be a leak);
		 * zone discovery leaves them out itself. */
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 ||
		    strcmp(de->d_name, ".git") == 0)
			continue;
		rel = *dir ? xasprintf("%s/%s", dir, de->d_name)
			   : xstrdup(de->d_name);
		abs = disk_path(src, rel);
		/* readdir gives the type of most entries; links need stat */
		if (de->d_type == DT_REG)
			st.st_mode = S_IFREG;
		else if (de->d_type == DT_DIR)
			st.st_mode = S_IFDIR;
		if (de->d_type != DT_REG && de->d_type != DT_DIR &&
		    stat(abs, &st) != 0) {
			/* a dangling or looping symbolic link: listed, so that
			 * reading it reports the file by name and the rest of
			 * the directory is still read */
			*ARRAY_PUSH(out->paths, out->count, out->alloc) = rel;
			rel = NULL;
		} else if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) {
			rc = walk(src, rel, depth + 1, out, err);
		} else if (S_ISDIR(st.st_mode)) {
			strbuf_addf(err, "directory '%s' is nested more than "
				    "%d levels deep (a symbolic link loop?)",
				    rel, MAX_DEPTH);
			rc = -1;
		} else if (S_ISREG(st.st_mode)) {
			*ARRAY_PUSH(out->paths, out->count, out->alloc) = rel;
			rel = NULL;
		}
		free(rel);
		free(abs);
	}
	closedir(d);
	return rc;
}

static int disk_list(const struct source *src, const char *dir,
		     char ***paths, size_t *count, struct strbuf *err)
{
	struct path_list out = { NULL, 0, 0 };

	if (walk(src, dir, 0, &out, err) < 0) {
		source_free_list(out.paths, out.count);
		return -1;
	}
	if (out.count)
		qsort(out.paths, out.count, sizeof(*out.paths), cmp_path);
	*paths = out.paths;
	*count = out.count;
	return 0;
}

void source_disk_init(struct source *src, const char *root)
{
	src->root = root;
	src->read = disk_read;
	src->list = disk_list;
	src->content_id = NULL;
}

void source_free_list(char **paths, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(paths[i]);
	free(paths);
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup("");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

const char *path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

char *path_join(const char *dir, const char *name)
{
	char *joined = (name[0] == '/' || !*dir)
		? xstrdup(name) : xasprintf("%s/%s", dir, name);
	char *out = xmalloc(strlen(joined) + 2);
	size_t olen = 0;
	const char *p = joined;
	int absolute = joined[0] == '/';

	if (absolute)
		out[olen++] = '/';
	while (*p) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing to add */
		} else if (n == 2 && p[0] == '.' && p[1] == '.' && olen > (size_t)absolute &&
			   !(olen >= 2 && out[olen - 1] == '.' && out[olen - 2] == '.' &&
			     (olen == 2 || out[olen - 3] == '/'))) {
			while (olen > (size_t)absolute && out[olen - 1] != '/')
				olen--;
			if (olen > (size_t)absolute)
				olen--;
		} else {
			if (olen > (size_t)absolute)
				out[olen++] = '/';
			memcpy(out + olen, p, n);
			olen += n;
		}
		p += n;
		if (*p == '/')
			p++;
	}
	out[olen] = '\0';
	free(joined);
	return out;
}

char *path_resolve(const char *cwd, const char *path)
{
	char *abs = path_join(cwd, path);
	char *head = xstrdup(abs);
	char *out = NULL;

	for (;;) {
		char *real = realpath(head, NULL);
		size_t n = strlen(head);
		char *slash;

		if (real) {
			/* abs[n] is '/' or the end; "/" itself needs no skip */
			const char *rest = abs + n;

			while (*rest == '/')
				rest++;
			out = *rest ? path_join(real, rest) : xstrdup(real);
			free(real);
			break;
		}
		slash = strrchr(head, '/');
		if (!slash || slash == head)
			break;
		*slash = '\0';
	}
	free(head);
	if (!out)
		return abs;
	free(abs);
	return out;
}
