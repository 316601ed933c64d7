/* SPDX-License-Identifier: BSD-3-Clause */
/* TLSA publication history: when a record first appeared, from git. */
#include "history.h"

#include <stdlib.h>
#include <string.h>

#include "zone.h"

/* A zone file parsed once: its blob, the blobs it included, its records. */
struct parsed_zone {
	char *path;
	char blob[41];
	char **includes;	/* "path blob" of each $INCLUDE read */
	size_t include_count;
	struct model model;
};

struct history {
	struct repo *repo;
	struct commit_info *commits;	/* first parents, newest first */
	size_t commit_count;
	struct parsed_zone *zones;
	size_t zone_count;
	size_t zone_alloc;
};

struct history *history_new(struct repo *r)
{
	struct history *h = xcalloc(1, sizeof(*h));

	h->repo = r;
	return h;
}

void history_free(struct history *h)
{
	size_t i, j;

	if (!h)
		return;
	for (i = 0; i < h->zone_count; i++) {
		for (j = 0; j < h->zones[i].include_count; j++)
			free(h->zones[i].includes[j]);
		free(h->zones[i].includes);
		free(h->zones[i].path);
		model_release(&h->zones[i].model);
	}
	free(h->zones);
	repo_free_commits(h->commits, h->commit_count);
	free(h);
}

/* Returns the index of id in the cached history, reading it when needed. */
static long commit_index(struct history *h, const char *id, struct strbuf *err)
{
	size_t i;

	for (i = 0; i < h->commit_count; i++)
		if (strcmp(h->commits[i].id, id) == 0)
			return (long)i;
	repo_free_commits(h->commits, h->commit_count);
	h->commits = NULL;
	h->commit_count = 0;
	if (repo_first_parents(h->repo, id, NULL, &h->commits,
			       &h->commit_count, err) < 0)
		return -1;
	return h->commit_count ? 0 : -1;
}

int history_preload(struct history *h, const char *head, struct strbuf *err)
{
	return commit_index(h, head, err) < 0 ? -1 : 0;
}

/* A source that records the blob of every file it reads. */
struct recording_source {
	struct source src;	/* first: read_recorded() casts back */
	const struct snapshot *snap;
	struct parsed_zone *zone;
};

static int read_recorded(const struct source *src, const char *path,
			 char **data, size_t *len, struct strbuf *err)
{
	const struct recording_source *rs = (const struct recording_source *)src;
	const struct source *inner = snapshot_source(rs->snap);
	char blob[41];

	if (strcmp(path, rs->zone->path) != 0 &&
	    snapshot_blob_id(rs->snap, path, blob) == 0) {
		struct parsed_zone *z = rs->zone;

		z->includes = xrealloc(z->includes, (z->include_count + 1) *
				       sizeof(*z->includes));
		z->includes[z->include_count++] = xasprintf("%s %s", path, blob);
	}
	return inner->read(inner, path, data, len, err);
}

/* Do the includes a cached parse read have the same blobs in snap? */
static bool includes_match(const struct parsed_zone *z,
			   const struct snapshot *snap)
{
	size_t i;

	for (i = 0; i < z->include_count; i++) {
		const char *space = strrchr(z->includes[i], ' ');
		char *path = xstrndup(z->includes[i],
				      (size_t)(space - z->includes[i]));
		char blob[41];
		bool same = snapshot_blob_id(snap, path, blob) == 0 &&
			    strcmp(blob, space + 1) == 0;

		free(path);
		if (!same)
			return false;
	}
	return true;
}

/* Returns the parsed zone_file of snap, from the cache or parsed now. */
static struct model *zone_in(struct history *h, const struct snapshot *snap,
			     const char *zone_file, const char *origin)
{
	struct recording_source rs;
	struct parsed_zone *z;
	struct strbuf err;
	char blob[41];
	size_t i;

	if (snapshot_blob_id(snap, zone_file, blob) < 0)
		return NULL;
	for (i = 0; i < h->zone_count; i++) {
		z = &h->zones[i];
		if (strcmp(z->blob, blob) == 0 &&
		    strcmp(z->path, zone_file) == 0 && includes_match(z, snap))
			return &z->model;
	}
	z = ARRAY_PUSH(h->zones, h->zone_count, h->zone_alloc);
	memset(z, 0, sizeof(*z));
	z->path = xstrdup(zone_file);
	memcpy(z->blob, blob, sizeof(blob));
	model_init(&z->model);
	rs.src = *snapshot_source(snap);
	rs.src.read = read_recorded;
	rs.src.content_id = NULL;
	rs.snap = snap;
	rs.zone = z;
	strbuf_init(&err);
	zone_load(&z->model, &rs.src, zone_file, origin, &err);
	strbuf_release(&err);
	model_index(&z->model);
	return &z->model;
}

static bool holds_record(const struct model *m, const char *owner,
			 const struct key *k)
{
	const struct tlsa_set *set;
	size_t i;

	if (!m || !(set = model_tlsa_set(m, owner)))
		return false;
	for (i = 0; i < set->count; i++)
		if (tlsa_matches_key(set->records[i], k))
			return true;
	return false;
}

int history_first_published(struct history *h, const char *start,
			    const char *zone_file, const char *origin,
			    const char *owner, const struct key *k,
			    struct publication *out, struct strbuf *err)
{
	long first = commit_index(h, start, err);
	size_t i;

	memset(out, 0, sizeof(*out));
	if (first < 0)
		return -1;
	for (i = (size_t)first; i < h->commit_count; i++) {
		const struct commit_info *c = &h->commits[i];
		struct snapshot *snap = NULL;
		bool held;

		if (snapshot_commit(h->repo, c->id, &snap, err) < 0)
			return -1;
		held = holds_record(zone_in(h, snap, zone_file, origin), owner, k);
		snapshot_free(snap);
		if (!held)
			break;
		out->found = true;
		out->since = c->time;
		memcpy(out->commit, c->id, sizeof(out->commit));
		out->truncated = c->parent_missing;
	}
	return 0;
}
