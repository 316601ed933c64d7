/* SPDX-License-Identifier: BSD-3-Clause */
/* Git snapshot reader: repositories, trees, the index and history. */
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

struct repo {
	git_repository *git;
	char *root;
};

struct snapshot {
	struct source src;	/* first: snapshot_of() casts back */
	git_repository *git;
	git_tree *tree;		/* a commit's tree, or NULL */
	git_index *index;	/* or the index */
};

static void git_reason(struct strbuf *err, const char *what)
{
	const git_error *e = git_error_last();

	strbuf_addf(err, "%s: %s", what, e && e->message ? e->message
							  : "unknown error");
}

static int open_plain(git_repository **git)
{
	const char *dir = getenv("GIT_DIR");

	if (dir && *dir)
		return git_repository_open_ext(git, dir,
					       GIT_REPOSITORY_OPEN_NO_SEARCH,
					       NULL);
	return git_repository_open_ext(git, ".", 0, NULL);
}

int repo_open(struct repo **out, struct strbuf *err)
{
	git_repository *git = NULL;
	const char *wt = getenv("GIT_WORK_TREE");
	const char *common = getenv("GIT_COMMON_DIR");
	const char *workdir;
	int rc;

	/* libgit2 1.5 rejects GIT_WORK_TREE and GIT_COMMON_DIR with
	 * GIT_REPOSITORY_OPEN_FROM_ENV; the index is then set by hand. */
	if ((wt && *wt) || (common && *common))
		rc = open_plain(&git);
	else
		rc = git_repository_open_ext(&git, NULL,
					     GIT_REPOSITORY_OPEN_FROM_ENV, NULL);
	if (rc == GIT_EOWNER) {
		git_reason(err, "cannot open the git repository");
		strbuf_addstr(err, "; if you trust it, run 'git config --global "
			      "--add safe.directory DIR' with its path");
		return -1;
	}
	if (rc < 0) {
		git_reason(err, "cannot open the git repository");
		return -1;
	}
	workdir = git_repository_workdir(git);
	*out = xcalloc(1, sizeof(**out));
	(*out)->git = git;
	(*out)->root = xstrdup(workdir ? workdir : "");
	if (str_ends_with((*out)->root, "/") && strlen((*out)->root) > 1)
		(*out)->root[strlen((*out)->root) - 1] = '\0';
	return 0;
}

void repo_free(struct repo *r)
{
	if (!r)
		return;
	git_repository_free(r->git);
	free(r->root);
	free(r);
}

const char *repo_root(const struct repo *r)
{
	return r->root;
}

bool repo_is_shallow(struct repo *r)
{
	return git_repository_is_shallow(r->git) == 1;
}

int repo_hooks_dir(struct repo *r, char **out, struct strbuf *err)
{
	git_config *cfg = NULL;
	git_buf buf = { 0 };
	int rc;

	if (git_repository_config_snapshot(&cfg, r->git) < 0) {
		git_reason(err, "cannot read the git configuration");
		return -1;
	}
	rc = git_config_get_path(&buf, cfg, "core.hooksPath");
	if (rc == 0 && buf.ptr && *buf.ptr) {
		/* git resolves a relative core.hooksPath against the work
		 * tree root, where hooks run. */
		*out = buf.ptr[0] == '/' ? xstrdup(buf.ptr)
					 : xasprintf("%s/%s", r->root, buf.ptr);
	} else {
		git_buf_dispose(&buf);
		if (git_repository_item_path(&buf, r->git,
					     GIT_REPOSITORY_ITEM_HOOKS) < 0) {
			git_reason(err, "cannot find the hooks directory");
			git_config_free(cfg);
			return -1;
		}
		*out = xstrdup(buf.ptr);
	}
	git_buf_dispose(&buf);
	git_config_free(cfg);
	if (str_ends_with(*out, "/") && strlen(*out) > 1)
		(*out)[strlen(*out) - 1] = '\0';
	return 0;
}

int repo_resolve(struct repo *r, const char *rev, char id[41],
		 struct strbuf *err)
{
	git_object *obj = NULL, *commit = NULL;

	if (git_revparse_single(&obj, r->git, rev) < 0 ||
	    git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) < 0) {
		git_object_free(obj);
		strbuf_addf(err, "unknown revision '%s'", rev);
		return -1;
	}
	git_oid_tostr(id, 41, git_object_id(commit));
	git_object_free(commit);
	git_object_free(obj);
	return 0;
}

static void fill_commit(struct commit_info *ci, const git_commit *c,
			git_repository *git)
{
	const char *summary = git_commit_summary((git_commit *)c);

	git_oid_tostr(ci->id, sizeof(ci->id), git_commit_id(c));
	ci->time = (time_t)git_commit_time(c);
	ci->summary = xstrdup(summary ? summary : "");
	ci->parent[0] = '\0';
	ci->parent_missing = false;
	if (git_commit_parentcount(c) > 0) {
		const git_oid *p = git_commit_parent_id(c, 0);
		git_commit *pc = NULL;

		git_oid_tostr(ci->parent, sizeof(ci->parent), p);
		if (git_commit_lookup(&pc, git, p) < 0)
			ci->parent_missing = true;
		git_commit_free(pc);
	}
}

int repo_first_parents(struct repo *r, const char *head, const char *base,
		       struct commit_info **out, size_t *count,
		       struct strbuf *err)
{
	char head_id[41], base_id[41] = "";
	struct commit_info *list = NULL;
	size_t n = 0, alloc = 0;
	git_oid oid;

	if (repo_resolve(r, head, head_id, err) < 0 ||
	    (base && repo_resolve(r, base, base_id, err) < 0))
		return -1;
	if (base) {
		git_oid a, b, mb;

		/* Stop where head's history meets base's, as "git log
		 * base..head" does for a branch. */
		git_oid_fromstr(&a, head_id);
		git_oid_fromstr(&b, base_id);
		if (git_merge_base(&mb, r->git, &a, &b) == 0)
			git_oid_tostr(base_id, sizeof(base_id), &mb);
	}
	git_oid_fromstr(&oid, head_id);
	for (;;) {
		git_commit *c = NULL;
		struct commit_info *ci;

		if (strcmp(git_oid_tostr_s(&oid), base_id) == 0)
			break;
		if (git_commit_lookup(&c, r->git, &oid) < 0) {
			git_reason(err, "cannot read a commit");
			repo_free_commits(list, n);
			return -1;
		}
		ci = ARRAY_PUSH(list, n, alloc);
		fill_commit(ci, c, r->git);
		git_commit_free(c);
		if (!ci->parent[0] || ci->parent_missing)
			break;
		git_oid_fromstr(&oid, ci->parent);
	}
	*out = list;
	*count = n;
	return 0;
}

void repo_free_commits(struct commit_info *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(list[i].summary);
	free(list);
}

static int blob_content(git_repository *git, const git_oid *oid, char **data,
			size_t *len, struct strbuf *err)
{
	git_blob *blob = NULL;
	size_t size;

	if (git_blob_lookup(&blob, git, oid) < 0) {
		git_reason(err, "cannot read the blob");
		return -1;
	}
	size = (size_t)git_blob_rawsize(blob);
	*data = xmalloc(size + 1);
	memcpy(*data, git_blob_rawcontent(blob), size);
	(*data)[size] = '\0';
	*len = size;
	git_blob_free(blob);
	return 0;
}

static const struct snapshot *snapshot_of(const struct source *src)
{
	return (const struct snapshot *)src;
}

/* Symbolic links followed in a row at most, as a loop guard. */
#define MAX_LINKS 8

/* Finds the blob at path itself; *link is set for a symbolic link,
 * whose blob contains the path it leads to. */
static int find_entry(const struct snapshot *s, const char *path,
		      git_oid *oid, bool *link, struct strbuf *err)
{
	if (s->tree) {
		git_tree_entry *e = NULL;
		int rc = -1;

		if (git_tree_entry_bypath(&e, s->tree, path) < 0) {
			strbuf_addstr(err, "No such file in the commit");
			return -1;
		}
		if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
			git_oid_cpy(oid, git_tree_entry_id(e));
			*link = git_tree_entry_filemode(e) == GIT_FILEMODE_LINK;
			rc = 0;
		} else {
			strbuf_addstr(err, "is a directory, not a file");
		}
		git_tree_entry_free(e);
		return rc;
	} else {
		const git_index_entry *e = git_index_get_bypath(s->index, path, 0);

		if (!e) {
			strbuf_addstr(err, "No such file in the index");
			return -1;
		}
		git_oid_cpy(oid, &e->id);
		*link = e->mode == GIT_FILEMODE_LINK;
		return 0;
	}
}

/*
 * Finds the blob of path, following symbolic links within the snapshot
 * as the working tree would ("zones/a.zone -> ../data/a.db"); returns 0,
 * or -1 with err set.
 */
static int find_blob(const struct snapshot *s, const char *path, git_oid *oid,
		     struct strbuf *err)
{
	char *at = xstrdup(path);
	bool link = false;
	int hops, rc = -1;

	for (hops = 0; hops <= MAX_LINKS; hops++) {
		char *target = NULL, *dir;
		size_t len;

		if (find_entry(s, at, oid, &link, err) < 0)
			break;
		if (!link) {
			rc = 0;
			break;
		}
		if (blob_content(s->git, oid, &target, &len, err) < 0)
			break;
		dir = path_dirname(at);
		free(at);
		at = path_join(dir, target);
		free(dir);
		free(target);
		if (at[0] == '/' || str_starts_with(at, "../") ||
		    strcmp(at, "..") == 0) {
			strbuf_addf(err, "symbolic link leads outside the "
				    "repository, to '%s'", at);
			break;
		}
	}
	if (rc < 0 && link && hops > MAX_LINKS)
		strbuf_addstr(err, "Too many levels of symbolic links");
	free(at);
	return rc;
}

static int snap_read(const struct source *src, const char *path, char **data,
		     size_t *len, struct strbuf *err)
{
	const struct snapshot *s = snapshot_of(src);
	git_oid oid;

	if (find_blob(s, path, &oid, err) < 0)
		return -1;
	return blob_content(s->git, &oid, data, len, err);
}

struct walk_state {
	const char *prefix;
	char **paths;
	size_t count;
	size_t alloc;
};

static int walk_entry(const char *root, const git_tree_entry *e, void *payload)
{
	struct walk_state *w = payload;

	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;
	*ARRAY_PUSH(w->paths, w->count, w->alloc) =
		xasprintf("%s%s%s%s", w->prefix, *w->prefix ? "/" : "", root,
			  git_tree_entry_name(e));
	return 0;
}

static int list_tree(const struct snapshot *s, const char *dir,
		     struct walk_state *w, struct strbuf *err)
{
	git_tree_entry *e = NULL;
	git_tree *sub = NULL;
	int rc;

	if (!*dir)
		return git_tree_walk(s->tree, GIT_TREEWALK_PRE, walk_entry, w);
	if (git_tree_entry_bypath(&e, s->tree, dir) < 0 ||
	    git_tree_entry_type(e) != GIT_OBJECT_TREE) {
		git_tree_entry_free(e);
		strbuf_addf(err, "no directory '%s' in the commit", dir);
		return -1;
	}
	rc = git_tree_lookup(&sub, s->git, git_tree_entry_id(e));
	if (rc == 0)
		rc = git_tree_walk(sub, GIT_TREEWALK_PRE, walk_entry, w);
	git_tree_free(sub);
	git_tree_entry_free(e);
	if (rc < 0)
		git_reason(err, "cannot read the tree");
	return rc;
}

static int list_index(const struct snapshot *s, const char *dir,
		      struct walk_state *w, struct strbuf *err)
{
	size_t i = 0, n = git_index_entrycount(s->index), dl = strlen(dir);
	char *prefix = dl ? xasprintf("%s/", dir) : xstrdup("");

	/* Entries are sorted by path, so a directory's files are adjacent. */
	if (dl && git_index_find_prefix(&i, s->index, prefix) < 0)
		i = n;
	for (; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(s->index, i);

		if (dl && strncmp(e->path, prefix, dl + 1) != 0)
			break;
		if (git_index_entry_stage(e) == 0)
			*ARRAY_PUSH(w->paths, w->count, w->alloc) =
				xstrdup(e->path);
	}
	free(prefix);
	if (dl && !w->count) {
		strbuf_addf(err, "no directory '%s' in the index", dir);
		return -1;
	}
	return 0;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int snap_list(const struct source *src, const char *dir,
		     char ***paths, size_t *count, struct strbuf *err)
{
	const struct snapshot *s = snapshot_of(src);
	struct walk_state w = { dir, NULL, 0, 0 };
	char *clean = xstrdup(dir);
	int rc;

	while (*clean && str_ends_with(clean, "/"))
		clean[strlen(clean) - 1] = '\0';
	w.prefix = clean;
	rc = s->tree ? list_tree(s, clean, &w, err)
		     : list_index(s, clean, &w, err);
	free(clean);
	if (rc < 0) {
		source_free_list(w.paths, w.count);
		return -1;
	}
	if (w.count)
		qsort(w.paths, w.count, sizeof(*w.paths), cmp_path);
	*paths = w.paths;
	*count = w.count;
	return 0;
}

static int snap_content_id(const struct source *src, const char *path,
			   char id[41])
{
	return snapshot_blob_id(snapshot_of(src), path, id);
}

static struct snapshot *new_snapshot(struct repo *r)
{
	struct snapshot *s = xcalloc(1, sizeof(*s));

	s->git = r->git;
	s->src.root = r->root;
	s->src.read = snap_read;
	s->src.list = snap_list;
	s->src.content_id = snap_content_id;
	return s;
}

int snapshot_commit(struct repo *r, const char *id, struct snapshot **out,
		    struct strbuf *err)
{
	git_object *obj = NULL;
	struct snapshot *s;

	if (git_revparse_single(&obj, r->git, id) < 0) {
		strbuf_addf(err, "unknown revision '%s'", id);
		return -1;
	}
	s = new_snapshot(r);
	if (git_object_peel((git_object **)&s->tree, obj, GIT_OBJECT_TREE) < 0) {
		git_reason(err, "cannot read the commit's tree");
		git_object_free(obj);
		free(s);
		return -1;
	}
	git_object_free(obj);
	*out = s;
	return 0;
}

int snapshot_index(struct repo *r, struct snapshot **out, struct strbuf *err)
{
	const char *file = getenv("GIT_INDEX_FILE");
	struct snapshot *s = new_snapshot(r);
	int rc;

	/* With GIT_REPOSITORY_OPEN_FROM_ENV libgit2 already honours
	 * GIT_INDEX_FILE; opening it here covers the other open path. */
	if (file && *file && (getenv("GIT_WORK_TREE") || getenv("GIT_COMMON_DIR")))
		rc = git_index_open(&s->index, file);
	else
		rc = git_repository_index(&s->index, r->git);
	if (rc < 0) {
		git_reason(err, "cannot read the git index");
		free(s);
		return -1;
	}
	*out = s;
	return 0;
}

void snapshot_free(struct snapshot *s)
{
	if (!s)
		return;
	git_tree_free(s->tree);
	git_index_free(s->index);
	free(s);
}

const struct source *snapshot_source(const struct snapshot *s)
{
	return &s->src;
}

int snapshot_blob_id(const struct snapshot *s, const char *path, char id[41])
{
	struct strbuf err;
	git_oid oid;
	int rc;

	strbuf_init(&err);
	rc = find_blob(s, path, &oid, &err);
	strbuf_release(&err);
	if (rc == 0)
		git_oid_tostr(id, 41, &oid);
	return rc;
}
