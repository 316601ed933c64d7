/* SPDX-License-Identifier: BSD-3-Clause */
/* Zones and certificate directories parsed once per run, by content. */
#include "load_cache.h"

#include <stdlib.h>
#include <string.h>

#include "zone.h"

/* The part of the cache's model that one zone file or host directory
 * added. */
struct entry {
	char *key;
	bool is_host;
	size_t zone;		/* index in the cache's zones */
	size_t host;		/* index in the cache's hosts */
	size_t error_first, error_count;
	size_t suppression_first, suppression_count;
	size_t problem_first, problem_count;
	size_t private_first, private_count;
};

/* Counts of the cache model's lists before a load. */
struct mark {
	size_t zones, hosts, errors, suppressions, problems, privates;
};

struct load_cache {
	struct model m;		/* everything loaded so far */
	struct entry *entries;
	size_t entry_count;
	size_t entry_alloc;
	size_t *slots;		/* hash table: 1 + entry index, 0 empty */
	size_t slot_count;
	/* the host being loaded into m: its key, or NULL */
	char *pending_key;
	struct mark pending;
};

static uint64_t hash_key(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

struct load_cache *load_cache_new(void)
{
	struct load_cache *c = xcalloc(1, sizeof(*c));

	model_init(&c->m);
	return c;
}

void load_cache_free(struct load_cache *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->entry_count; i++)
		free(c->entries[i].key);
	free(c->entries);
	free(c->slots);
	free(c->pending_key);
	model_release(&c->m);
	free(c);
}

static struct entry *find(const struct load_cache *c, const char *key)
{
	size_t i;

	if (!c->slot_count)
		return NULL;
	for (i = hash_key(key) % c->slot_count; c->slots[i];
	     i = (i + 1) % c->slot_count)
		if (strcmp(c->entries[c->slots[i] - 1].key, key) == 0)
			return &c->entries[c->slots[i] - 1];
	return NULL;
}

static void rehash(struct load_cache *c)
{
	size_t i, j;

	free(c->slots);
	c->slot_count = c->slot_count ? c->slot_count * 2 : 64;
	c->slots = xcalloc(c->slot_count, sizeof(*c->slots));
	for (i = 0; i < c->entry_count; i++) {
		for (j = hash_key(c->entries[i].key) % c->slot_count;
		     c->slots[j]; j = (j + 1) % c->slot_count)
			;
		c->slots[j] = i + 1;
	}
}

static struct entry *add(struct load_cache *c, char *key,
			 const struct mark *before)
{
	struct entry *e = ARRAY_PUSH(c->entries, c->entry_count,
				     c->entry_alloc);

	memset(e, 0, sizeof(*e));
	e->key = key;
	e->zone = before->zones;
	e->host = before->hosts;
	e->error_first = before->errors;
	e->error_count = c->m.error_count - before->errors;
	e->suppression_first = before->suppressions;
	e->suppression_count = c->m.suppression_count - before->suppressions;
	e->problem_first = before->problems;
	e->problem_count = c->m.cert_problem_count - before->problems;
	e->private_first = before->privates;
	e->private_count = c->m.private_key_count - before->privates;
	if (2 * c->entry_count >= c->slot_count)
		rehash(c);
	else {
		size_t i;

		for (i = hash_key(key) % c->slot_count; c->slots[i];
		     i = (i + 1) % c->slot_count)
			;
		c->slots[i] = c->entry_count;
	}
	return e;
}

static struct mark mark_of(const struct model *m)
{
	struct mark k = { m->zone_count, m->host_count, m->error_count,
			  m->suppression_count, m->cert_problem_count,
			  m->private_key_count };

	return k;
}

/* Copies the contents of an entry into m; strings stay in the cache. */
static void copy_out(const struct load_cache *c, const struct entry *e,
		     struct model *m)
{
	const struct model *from = &c->m;
	size_t i;

	if (e->is_host) {
		*ARRAY_PUSH(m->hosts, m->host_count, m->host_alloc) =
			from->hosts[e->host];
	} else {
		const struct zone *src = &from->zones[e->zone];
		struct zone *z = ARRAY_PUSH(m->zones, m->zone_count,
					    m->zone_alloc);

		*z = *src;
		z->first = m->record_count;
		for (i = 0; i < src->count; i++)
			*ARRAY_PUSH(m->records, m->record_count,
				    m->record_alloc) =
				from->records[src->first + i];
	}
	for (i = 0; i < e->error_count; i++)
		*ARRAY_PUSH(m->errors, m->error_count, m->error_alloc) =
			from->errors[e->error_first + i];
	for (i = 0; i < e->suppression_count; i++) {
		struct suppression *s = ARRAY_PUSH(m->suppressions,
						   m->suppression_count,
						   m->suppression_alloc);

		*s = from->suppressions[e->suppression_first + i];
		s->used = false;
	}
	for (i = 0; i < e->problem_count; i++)
		*ARRAY_PUSH(m->cert_problems, m->cert_problem_count,
			    m->cert_problem_alloc) =
			from->cert_problems[e->problem_first + i];
	for (i = 0; i < e->private_count; i++)
		*ARRAY_PUSH(m->private_keys, m->private_key_count,
			    m->private_key_alloc) =
			from->private_keys[e->private_first + i];
}

/* A source that counts the files read through it, so that a zone with
 * $INCLUDE files, whose content the blob id of the zone file alone does
 * not fix, stays out of the cache. */
struct counting_source {
	struct source src;	/* first: count_read() casts back */
	const struct source *inner;
	unsigned reads;
};

static int count_read(const struct source *src, const char *path,
		      char **data, size_t *len, struct strbuf *err)
{
	struct counting_source *cs = (struct counting_source *)src;

	cs->reads++;
	return cs->inner->read(cs->inner, path, data, len, err);
}

int load_cache_zone(struct load_cache *c, struct model *m,
		    const struct source *src, const char *path,
		    const char *origin, struct strbuf *err)
{
	struct counting_source cs;
	struct entry *e;
	struct mark before;
	char id[41], *key;

	if (!src->content_id || src->content_id(src, path, id) < 0)
		return zone_load(m, src, path, origin, err);
	key = xasprintf("zone\n%s\n%s\n%s", path, origin ? origin : "", id);
	e = find(c, key);
	if (e) {
		free(key);
		copy_out(c, e, m);
		return 1;
	}
	cs.src = *src;
	cs.src.read = count_read;
	cs.src.content_id = NULL;
	cs.inner = src;
	cs.reads = 0;
	before = mark_of(&c->m);
	if (zone_load(&c->m, &cs.src, path, origin, err) < 0) {
		free(key);
		return -1;
	}
	if (cs.reads != 1) {
		/* not cached, but kept in the cache's model */
		struct entry once = { 0 };

		once.zone = before.zones;
		once.error_first = before.errors;
		once.error_count = c->m.error_count - before.errors;
		once.suppression_first = before.suppressions;
		once.suppression_count =
			c->m.suppression_count - before.suppressions;
		copy_out(c, &once, m);
		free(key);
		return 0;
	}
	copy_out(c, add(c, key, &before), m);
	return 0;
}

bool load_cache_host(struct load_cache *c, struct model *m,
		     const struct source *src, const char *host,
		     const char *dir, char **files, size_t count,
		     struct model **into)
{
	struct strbuf key;
	struct entry *e;
	size_t i;

	*into = m;
	free(c->pending_key);
	c->pending_key = NULL;
	if (!src->content_id)
		return false;
	strbuf_init(&key);
	strbuf_addf(&key, "host\n%s\n%s", host, dir);
	for (i = 0; i < count; i++) {
		char id[41];

		if (src->content_id(src, files[i], id) < 0) {
			strbuf_release(&key);
			return false;
		}
		strbuf_addf(&key, "\n%s %s", files[i], id);
	}
	e = find(c, strbuf_str(&key));
	if (e) {
		strbuf_release(&key);
		copy_out(c, e, m);
		return true;
	}
	c->pending_key = xstrdup(strbuf_str(&key));
	c->pending = mark_of(&c->m);
	strbuf_release(&key);
	*into = &c->m;
	return false;
}

void load_cache_host_done(struct load_cache *c, struct model *m, int rc)
{
	struct entry *e;
	char *key = c->pending_key;

	if (!key)
		return;
	c->pending_key = NULL;
	/* a failed load is not kept; the whole load fails with it */
	if (rc < 0 || c->m.host_count != c->pending.hosts + 1) {
		free(key);
		return;
	}
	e = add(c, key, &c->pending);
	e->is_host = true;
	copy_out(c, e, m);
}
