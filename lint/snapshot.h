/* SPDX-License-Identifier: BSD-3-Clause */
/* Git snapshot reader: repositories, trees, the index and history. */
#ifndef DANELINT_SNAPSHOT_H
#define DANELINT_SNAPSHOT_H

#include <stdbool.h>
#include <time.h>

#include "source.h"

struct repo;
struct snapshot;

/*
 * Opens the repository the way git's own tools find it: GIT_DIR,
 * GIT_INDEX_FILE and the other git environment variables first, else a
 * search upward from the working directory. Returns 0, or -1 with err
 * set; a repository owned by another user gets the safe.directory fix.
 */
int repo_open(struct repo **out, struct strbuf *err);
void repo_free(struct repo *r);

/* The work tree's root, without a trailing slash ("" for a bare one). */
const char *repo_root(const struct repo *r);
bool repo_is_shallow(struct repo *r);

/*
 * Finds the hooks directory git runs hooks from: core.hooksPath (relative
 * to the work tree root) when set, else GIT_COMMON_DIR/hooks. Returns a
 * malloc'd path in *out.
 */
int repo_hooks_dir(struct repo *r, char **out, struct strbuf *err);

/* Resolves a revision ("HEAD", "origin/main", an id) to a commit id. */
int repo_resolve(struct repo *r, const char *rev, char id[41],
		 struct strbuf *err);

struct commit_info {
	char id[41];
	char parent[41];	/* first parent, "" for a root commit */
	bool parent_missing;	/* the parent is cut off by a shallow clone */
	time_t time;		/* committer time */
	char *summary;
};

/*
 * Lists the first-parent history from head back to (not including) base,
 * newest first; base NULL lists back to the root commit. *out is
 * malloc'd; free it with repo_free_commits().
 */
int repo_first_parents(struct repo *r, const char *head, const char *base,
		       struct commit_info **out, size_t *count,
		       struct strbuf *err);
void repo_free_commits(struct commit_info *list, size_t count);

/*
 * A snapshot: the files of a commit's tree or of the index (the staged
 * content), read through snapshot_source().
 */
int snapshot_commit(struct repo *r, const char *id, struct snapshot **out,
		    struct strbuf *err);
/* The index; GIT_INDEX_FILE, as git sets it for "git commit -a", wins. */
int snapshot_index(struct repo *r, struct snapshot **out, struct strbuf *err);
void snapshot_free(struct snapshot *s);
const struct source *snapshot_source(const struct snapshot *s);

/* The blob id of path in the snapshot, in id; -1 when path is absent. */
int snapshot_blob_id(const struct snapshot *s, const char *path, char id[41]);

#endif
