/* SPDX-License-Identifier: BSD-3-Clause */
/* Loads a repository's zones and certificate directory into the model. */
#include "load.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"
#include "zone.h"

void zone_list_release(struct zone_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		free(list->files[i].path);
		free(list->files[i].origin);
	}
	free(list->files);
	memset(list, 0, sizeof(*list));
}

bool load_is_zone_name(const char *path)
{
	const char *base = path_basename(path);

	return str_ends_with(base, ".zone") || str_starts_with(base, "db.") ||
	       str_ends_with(base, ".db") || str_ends_with(base, ".zone.signed");
}

static bool in_list(const struct zone_list *list, const char *path)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (strcmp(list->files[i].path, path) == 0)
			return true;
	return false;
}

/* Adds path once; a [zone] section's origin wins over the given origin. */
static void add_zone(struct zone_list *list, const struct settings *s,
		     const char *path, const char *origin)
{
	struct zone_file *zf;
	size_t i;

	if (in_list(list, path))
		return;
	for (i = 0; i < s->zone_map_count; i++)
		if (strcmp(s->zone_map[i].file, path) == 0)
			origin = s->zone_map[i].origin;
	zf = ARRAY_PUSH(list->files, list->count, list->alloc);
	zf->path = xstrdup(path);
	zf->origin = origin ? xstrdup(origin) : NULL;
}

/* Is path inside dir (both root-relative)? */
static bool below(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	while (n && dir[n - 1] == '/')
		n--;
	return n && strncmp(path, dir, n) == 0 && path[n] == '/';
}

static bool hidden(const char *path)
{
	return path[0] == '.' || strstr(path, "/.") != NULL;
}

static int add_directory(const struct source *src, const struct settings *s,
			 const char *dir, const char *origin,
			 struct zone_list *out, struct strbuf *err)
{
	char **files = NULL;
	size_t count = 0, i;

	if (src->list(src, dir, &files, &count, err) < 0)
		return -1;
	for (i = 0; i < count; i++)
		if (load_is_zone_name(files[i]) && !hidden(files[i]) &&
		    !below(files[i], s->certs))
			add_zone(out, s, files[i], origin);
	source_free_list(files, count);
	return 0;
}

static int add_globs(const struct source *src, const struct settings *s,
		     struct zone_list *out, struct strbuf *err)
{
	char **files = NULL;
	size_t count = 0, i, g;
	int matched;

	if (s->zone_count && src->list(src, "", &files, &count, err) < 0)
		return -1;
	for (g = 0; g < s->zone_count; g++) {
		matched = 0;
		for (i = 0; i < count; i++)
			if (fnmatch(s->zones[g], files[i], FNM_PATHNAME) == 0) {
				add_zone(out, s, files[i], NULL);
				matched++;
			}
		if (!matched)
			strbuf_addf(err, "zones = '%s' in %s matches no file; "
				    "fix the pattern or remove it",
				    s->zones[g], s->config_file ? s->config_file
								 : "the settings");
	}
	source_free_list(files, count);
	for (i = 0; i < s->zone_map_count; i++)
		add_zone(out, s, s->zone_map[i].file, s->zone_map[i].origin);
	return err->len ? -1 : 0;
}

int load_collect_zones(const struct source *src, const struct settings *s,
		       char *const *paths, size_t path_count,
		       const char *origin, struct zone_list *out,
		       struct strbuf *err)
{
	size_t i;

	if (!path_count && s->zone_count)
		return add_globs(src, s, out, err);
	if (!path_count) {
		/* [zone] sections name origins; discovery still runs. */
		for (i = 0; i < s->zone_map_count; i++)
			add_zone(out, s, s->zone_map[i].file,
				 s->zone_map[i].origin);
		return add_directory(src, s, "", NULL, out, err);
	}
	for (i = 0; i < path_count; i++) {
		char **files = NULL;
		size_t count = 0;
		struct strbuf probe;

		strbuf_init(&probe);
		/* A directory lists; a file does not. */
		if (src->list(src, paths[i], &files, &count, &probe) == 0) {
			source_free_list(files, count);
			strbuf_release(&probe);
			if (add_directory(src, s, paths[i], origin, out, err) < 0)
				return -1;
			continue;
		}
		strbuf_release(&probe);
		add_zone(out, s, paths[i], origin);
	}
	return 0;
}

int load_collect_with(const struct source *src, const struct settings *s,
		      const char *path, const char *origin,
		      struct zone_list *out, struct strbuf *err)
{
	char *paths[1];
	int rc;

	paths[0] = xstrdup(path);
	rc = load_collect_zones(src, s, paths, 1, origin, out, err);
	free(paths[0]);
	if (rc < 0)
		return -1;
	return load_collect_zones(src, s, NULL, 0, NULL, out, err);
}

int load_zones(struct model *m, const struct source *src,
	       const struct zone_list *list, bool skip_missing,
	       struct strbuf *err)
{
	return load_zones_cached(m, src, list, skip_missing, NULL, err);
}

int load_zones_cached(struct model *m, const struct source *src,
		      const struct zone_list *list, bool skip_missing,
		      struct load_cache *cache, struct strbuf *err)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		const char *path = list->files[i].path;
		const char *origin = list->files[i].origin;
		struct strbuf why;
		int rc;

		strbuf_init(&why);
		rc = cache ? load_cache_zone(cache, m, src, path, origin, &why)
			   : zone_load(m, src, path, origin, &why);
		if (rc < 0 && !skip_missing) {
			strbuf_addf(err, "cannot read '%s': %s",
				    list->files[i].path, strbuf_str(&why));
			strbuf_release(&why);
			return -1;
		}
		strbuf_release(&why);
	}
	return 0;
}

struct file_set {
	const char **names;
	const char **paths;
	const uint8_t **data;
	size_t *lens;
	size_t count;
};

static void file_set_release(struct file_set *fs)
{
	size_t i;

	for (i = 0; i < fs->count; i++)
		free((void *)fs->data[i]);
	free(fs->names);
	free(fs->paths);
	free(fs->data);
	free(fs->lens);
	memset(fs, 0, sizeof(*fs));
}

/* Reads the files of one host directory and loads them. */
/* Is path, as listed below dir, in a subdirectory of dir? */
static bool in_subdirectory(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	while (n && dir[n - 1] == '/')
		n--;
	if (strncmp(path, dir, n) != 0 || (n && path[n] != '/'))
		return false;
	for (path += n; *path == '/'; path++)
		;
	return strchr(path, '/') != NULL;
}

static int load_host_files(struct model *m, const struct source *src,
			   const char *host, const char *dir, char **files,
			   size_t count, struct strbuf *err)
{
	struct file_set fs = { 0 };
	char *name = xasprintf("%s%s", host, str_ends_with(host, ".") ? "" : ".");
	size_t i;
	int rc;

	for (i = 0; name[i]; i++)
		name[i] = (char)tolower((unsigned char)name[i]);
	fs.names = xcalloc(count + 1, sizeof(*fs.names));
	fs.paths = xcalloc(count + 1, sizeof(*fs.paths));
	fs.data = xcalloc(count + 1, sizeof(*fs.data));
	fs.lens = xcalloc(count + 1, sizeof(*fs.lens));
	for (i = 0; i < count; i++) {
		struct strbuf why;
		char *data = NULL;
		size_t len = 0;

		if (in_subdirectory(files[i], dir)) {
			model_add_cert_problem(m, files[i], "file is in a "
					       "subdirectory of the host "
					       "directory '%s', and danelint "
					       "reads only the files directly in "
					       "it; move the file up or remove it",
					       dir);
			continue;
		}
		strbuf_init(&why);
		if (src->read(src, files[i], &data, &len, &why) < 0) {
			model_add_cert_problem(m, files[i], "cannot read the "
					       "file: %s; fix or remove it (a "
					       "symbolic link must lead to a "
					       "readable file)",
					       strbuf_str(&why));
			strbuf_release(&why);
			continue;
		}
		strbuf_release(&why);
		fs.names[fs.count] = path_basename(files[i]);
		fs.paths[fs.count] = files[i];
		fs.data[fs.count] = (const uint8_t *)data;
		fs.lens[fs.count] = len;
		fs.count++;
	}
	rc = cert_load_host(m, name, dir, fs.count, fs.names, fs.paths,
			    fs.data, fs.lens);
	if (rc < 0)
		strbuf_addf(err, "cannot load the certificates of '%s'", host);
	file_set_release(&fs);
	free(name);
	return rc;
}

/* Loads one host directory, from the cache when one is given. */
static int load_host(struct model *m, const struct source *src,
		     const char *host, const char *dir, char **files,
		     size_t count, struct load_cache *cache, struct strbuf *err)
{
	struct model *into;
	int rc;

	if (!cache)
		return load_host_files(m, src, host, dir, files, count, err);
	if (load_cache_host(cache, m, src, host, dir, files, count, &into))
		return 0;
	rc = load_host_files(into, src, host, dir, files, count, err);
	load_cache_host_done(cache, m, rc);
	return rc;
}

static bool mapped_dir(const struct settings *s, const char *dir)
{
	size_t i;

	for (i = 0; i < s->host_map_count; i++)
		if (strcmp(s->host_map[i].certs, dir) == 0)
			return true;
	return false;
}

/* Directories with fewer files are decoded as they are loaded. */
#define PREFETCH_MIN_FILES 64

/*
 * The files of a certificate directory, read once: a source that serves
 * them from memory, and every other path from the source below it.
 */
struct preloaded {
	struct source src;	/* first: preloaded_read() casts back */
	const struct source *lower;
	char **paths;		/* sorted, as source lists are */
	char **data;		/* NULL where the read failed */
	size_t *lens;
	size_t count;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int preloaded_read(const struct source *src, const char *path,
			  char **data, size_t *len, struct strbuf *err)
{
	const struct preloaded *p = (const struct preloaded *)src;
	char **hit = bsearch(&path, p->paths, p->count, sizeof(*p->paths),
			     cmp_str);
	size_t i;

	if (!hit || !p->data[hit - p->paths])
		return p->lower->read(p->lower, path, data, len, err);
	i = (size_t)(hit - p->paths);
	*data = xmalloc(p->lens[i] + 1);
	memcpy(*data, p->data[i], p->lens[i]);
	(*data)[p->lens[i]] = '\0';
	*len = p->lens[i];
	return 0;
}

static int preloaded_list(const struct source *src, const char *dir,
			  char ***paths, size_t *count, struct strbuf *err)
{
	const struct preloaded *p = (const struct preloaded *)src;

	return p->lower->list(p->lower, dir, paths, count, err);
}

/*
 * Reads every file of a large certificate directory once and decodes
 * their certificates and keys ahead, on several threads. Returns false,
 * leaving p empty, when the directory is too small to gain from it.
 */
static bool preload(struct preloaded *p, const struct source *src,
		    char **files, size_t count)
{
	const uint8_t **blobs;
	size_t *blob_lens, i, n = 0;

	memset(p, 0, sizeof(*p));
	if (count < PREFETCH_MIN_FILES || thread_count() < 2)
		return false;
	p->src = *src;
	p->src.read = preloaded_read;
	p->src.list = preloaded_list;
	p->src.content_id = NULL;
	p->lower = src;
	p->paths = files;
	p->count = count;
	p->data = xcalloc(count, sizeof(*p->data));
	p->lens = xcalloc(count, sizeof(*p->lens));
	blobs = xcalloc(count, sizeof(*blobs));
	blob_lens = xcalloc(count, sizeof(*blob_lens));
	for (i = 0; i < count; i++) {
		struct strbuf why;

		/* a failed read is left to the load, which reports it */
		strbuf_init(&why);
		if (src->read(src, files[i], &p->data[i], &p->lens[i],
			      &why) == 0) {
			blobs[n] = (const uint8_t *)p->data[i];
			blob_lens[n++] = p->lens[i];
		}
		strbuf_release(&why);
	}
	cert_prefetch(blobs, blob_lens, n);
	free(blobs);
	free(blob_lens);
	return true;
}

static void preloaded_release(struct preloaded *p)
{
	size_t i;

	for (i = 0; p->data && i < p->count; i++)
		free(p->data[i]);
	free(p->data);
	free(p->lens);
	memset(p, 0, sizeof(*p));
}

/* Loads each subdirectory of the certificate directory as one host. */
static int load_default_hosts(struct model *m, const struct source *src,
			      const struct settings *s, char **files,
			      size_t count, struct load_cache *cache,
			      struct strbuf *err)
{
	size_t base = strlen(s->certs), i = 0;

	while (base && s->certs[base - 1] == '/')
		base--;
	while (i < count) {
		const char *rel = files[i] + base + 1;
		const char *slash = strchr(rel, '/');
		char *dir, *host;
		size_t j = i + 1;

		if (!slash) {
			model_add_cert_problem(m, files[i], "file is not in a "
					       "host subdirectory; move it to "
					       "%.*s/HOST/", (int)base, s->certs);
			i++;
			continue;
		}
		dir = xstrndup(files[i], (size_t)(slash - files[i]));
		host = xstrndup(rel, (size_t)(slash - rel));
		while (j < count && below(files[j], dir))
			j++;
		if (!mapped_dir(s, dir) &&
		    load_host(m, src, host, dir, files + i, j - i, cache,
			      err) < 0)
			j = count + 1;
		free(dir);
		free(host);
		if (j > count)
			return -1;
		i = j;
	}
	return 0;
}

int load_certs(struct model *m, const struct source *src,
	       const struct settings *s, struct strbuf *err)
{
	return load_certs_cached(m, src, s, NULL, err);
}

int load_certs_cached(struct model *m, const struct source *src,
		      const struct settings *s, struct load_cache *cache,
		      struct strbuf *err)
{
	const struct source *from = src;
	struct preloaded pre = { 0 };
	char **files = NULL;
	size_t count = 0, i;
	struct strbuf why;
	int rc;

	strbuf_init(&why);
	if (src->list(src, s->certs, &files, &count, &why) < 0) {
		if (s->certs_explicit)
			strbuf_addf(err, "cannot read the certificate "
				    "directory '%s': %s", s->certs,
				    strbuf_str(&why));
		strbuf_release(&why);
		if (s->certs_explicit)
			return -1;
		count = 0;
	} else {
		m->have_certs = true;
	}
	strbuf_release(&why);
	/* with a cache (danelint ci), most directories are copied, not read */
	if (!cache && preload(&pre, src, files, count))
		from = &pre.src;
	rc = count ? load_default_hosts(m, from, s, files, count, cache, err)
		   : 0;
	preloaded_release(&pre);
	source_free_list(files, count);
	if (rc < 0)
		return -1;
	for (i = 0; i < s->host_map_count; i++) {
		strbuf_init(&why);
		files = NULL;
		count = 0;
		if (src->list(src, s->host_map[i].certs, &files, &count,
			      &why) < 0) {
			strbuf_addf(err, "cannot read the certificate directory "
				    "'%s' of host '%s': %s", s->host_map[i].certs,
				    s->host_map[i].host, strbuf_str(&why));
			strbuf_release(&why);
			return -1;
		}
		strbuf_release(&why);
		m->have_certs = true;
		if (load_host(m, src, s->host_map[i].host, s->host_map[i].certs,
			      files, count, cache, err) < 0) {
			source_free_list(files, count);
			return -1;
		}
		source_free_list(files, count);
	}
	return 0;
}

int load_cert_dirs(struct model *m, const struct source *src,
		   const char *const *names, const char *const *dirs,
		   size_t count, struct strbuf *err)
{
	size_t i;

	for (i = 0; i < count; i++) {
		char **files = NULL;
		size_t n = 0;
		struct strbuf why;
		int rc;

		strbuf_init(&why);
		rc = src->list(src, dirs[i], &files, &n, &why);
		strbuf_release(&why);
		if (rc < 0)
			continue;
		m->have_certs = true;
		rc = load_host(m, src, names[i], dirs[i], files, n, NULL, err);
		source_free_list(files, n);
		if (rc < 0)
			return -1;
	}
	return 0;
}
