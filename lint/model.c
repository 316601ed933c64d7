/* SPDX-License-Identifier: BSD-3-Clause */
/* The model the rules read: indexes and lookups over loaded records. */
#include "model.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void model_init(struct model *m)
{
	memset(m, 0, sizeof(*m));
	arena_init(&m->arena);
}

/* Frees what model_index() built. */
static void drop_index(struct model *m)
{
	free(m->tlsa_sets);
	free(m->by_owner);
	free(m->owner_slots);
	free(m->tlsa_slots);
	free(m->host_slots);
	free(m->mx_by_exchange);
	free(m->mx_sets);
	free(m->cname_by_target);
	m->tlsa_sets = NULL;
	m->tlsa_set_count = 0;
	m->by_owner = NULL;
	m->owner_slots = NULL;
	m->tlsa_slots = NULL;
	m->host_slots = NULL;
	m->mx_by_exchange = NULL;
	m->mx_sets = NULL;
	m->mx_set_count = 0;
	m->cname_by_target = NULL;
	m->cname_count = 0;
	m->mx_count = 0;
}

void model_release(struct model *m)
{
	drop_index(m);
	free(m->records);
	free(m->zones);
	free(m->errors);
	free(m->suppressions);
	free(m->hosts);
	free(m->cert_problems);
	free(m->private_keys);
	arena_release(&m->arena);
	memset(m, 0, sizeof(*m));
}

void model_add_syntax_error(struct model *m, const char *file, unsigned line,
			    unsigned column, const char *fmt, ...)
{
	struct syntax_error *e = ARRAY_PUSH(m->errors, m->error_count,
					    m->error_alloc);
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	e->kind = LOAD_SYNTAX;
	e->file = file;
	e->line = line;
	e->column = column;
	e->message = arena_strdup(&m->arena, msg);
	free(msg);
}

void model_add_cert_problem(struct model *m, const char *file,
			    const char *fmt, ...)
{
	struct cert_problem *p = ARRAY_PUSH(m->cert_problems,
					    m->cert_problem_count,
					    m->cert_problem_alloc);
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	p->file = arena_strdup(&m->arena, file);
	p->message = arena_strdup(&m->arena, msg);
	free(msg);
}

/* Orders two records by where they are written: file, then line. */
static int cmp_place(const struct record *x, const struct record *y)
{
	/* records of one file share its name */
	int c = x->file == y->file ? 0 : strcmp(x->file, y->file);

	if (c)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_record(const void *a, const void *b)
{
	const struct record *x = *(const struct record *const *)a;
	const struct record *y = *(const struct record *const *)b;
	/* records of one owner often share one string */
	int c = x->owner == y->owner ? 0 : strcmp(x->owner, y->owner);

	if (c)
		return c;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return cmp_place(x, y);
}

/* A record with the first 16 bytes of its owner as two big-endian keys,
 * so that comparing keys orders as strcmp() does on those bytes. */
struct sort_item {
	uint64_t key[2];
	const struct record *r;
};

static void owner_keys(const char *owner, uint64_t key[2])
{
	int i, k;

	for (k = 0; k < 2; k++) {
		key[k] = 0;
		for (i = 0; i < 8; i++) {
			key[k] = key[k] << 8 | (unsigned char)*owner;
			if (*owner)
				owner++;
		}
	}
}

static int cmp_item(const void *a, const void *b)
{
	const struct sort_item *x = a, *y = b;

	if (x->key[0] != y->key[0])
		return x->key[0] < y->key[0] ? -1 : 1;
	if (x->key[1] != y->key[1])
		return x->key[1] < y->key[1] ? -1 : 1;
	return cmp_record(&x->r, &y->r);
}

static int cmp_target(const void *a, const void *b)
{
	const struct record *x = *(const struct record *const *)a;
	const struct record *y = *(const struct record *const *)b;
	int c = strcmp(x->u.cname.target, y->u.cname.target);

	return c ? c : cmp_place(x, y);
}

static int cmp_exchange(const void *a, const void *b)
{
	const struct record *x = *(const struct record *const *)a;
	const struct record *y = *(const struct record *const *)b;
	int c = strcmp(x->u.mx.exchange, y->u.mx.exchange);

	return c ? c : cmp_place(x, y);
}

/* Parses "_25._tcp.mx1.example.net." (RFC 6698, section 3). */
static void parse_tlsa_owner(struct model *m, struct tlsa_set *set)
{
	const char *o = set->owner, *dot1, *dot2;
	unsigned long port;
	char digits[8];
	size_t n;

	(void)m;
	dot1 = strchr(o, '.');
	if (o[0] != '_' || !dot1 || (n = (size_t)(dot1 - o - 1)) == 0 ||
	    n >= sizeof(digits))
		return;
	memcpy(digits, o + 1, n);
	digits[n] = '\0';
	if (parse_ulong(digits, 65535, &port) < 0)
		return;
	dot2 = strchr(dot1 + 1, '.');
	if (!dot2 || !dot2[1])
		return;
	n = (size_t)(dot2 - dot1 - 1);
	if ((n == 4 && strncmp(dot1 + 1, "_tcp", 4) == 0) ||
	    (n == 4 && strncmp(dot1 + 1, "_udp", 4) == 0) ||
	    (n == 5 && strncmp(dot1 + 1, "_sctp", 5) == 0)) {
		set->owner_valid = true;
		set->port = (unsigned)port;
		/* one of three fixed strings, so no copy */
		set->proto = dot1[2] == 't' ? "tcp" : dot1[2] == 'u' ? "udp"
						      : "sctp";
		set->base = dot2 + 1;
	}
}

static uint64_t name_hash(const char *s);

/* Allocates an open-addressing table for n names, at most three
 * quarters full; sets *mask to its size - 1. */
static struct owner_slot *new_table(size_t n, size_t *mask)
{
	size_t size = 16;

	while (size < n + n / 3 + 2)
		size *= 2;
	*mask = size - 1;
	return xcalloc(size, sizeof(struct owner_slot));
}

/* Puts entry pos (0-based) with hash h into the first free slot. */
static struct owner_slot *table_put(struct owner_slot *slots, size_t mask,
				    uint64_t h, size_t pos)
{
	size_t slot = h & mask;

	while (slots[slot].pos)
		slot = (slot + 1) & mask;
	slots[slot].pos = (uint32_t)pos + 1;
	slots[slot].hash = h;
	return &slots[slot];
}

/* The hash table of TLSA RRsets by owner. */
static void build_tlsa_table(struct model *m)
{
	size_t i;

	m->tlsa_slots = new_table(m->tlsa_set_count, &m->tlsa_mask);
	for (i = 0; i < m->tlsa_set_count; i++)
		table_put(m->tlsa_slots, m->tlsa_mask,
			  name_hash(m->tlsa_sets[i].owner), i);
}

/* The hash table of hosts by name. */
static void build_host_table(struct model *m)
{
	size_t i;

	m->host_slots = new_table(m->host_count, &m->host_mask);
	for (i = 0; i < m->host_count; i++)
		table_put(m->host_slots, m->host_mask,
			  name_hash(m->hosts[i].name), i);
}

static void build_tlsa_sets(struct model *m)
{
	size_t i = 0, alloc = 0;

	while (i < m->record_count) {
		const struct record *r = m->by_owner[i];
		struct tlsa_set *set;
		size_t j = i;

		if (r->type != RR_TLSA) {
			i++;
			continue;
		}
		while (j < m->record_count && m->by_owner[j]->type == RR_TLSA &&
		       m->by_owner[j]->owner == r->owner)
			j++;
		set = ARRAY_PUSH(m->tlsa_sets, m->tlsa_set_count, alloc);
		memset(set, 0, sizeof(*set));
		set->owner = r->owner;
		set->count = j - i;
		/* the RRset's records are adjacent in by_owner */
		set->records = m->by_owner + i;
		parse_tlsa_owner(m, set);
		i = j;
	}
	build_tlsa_table(m);
}

static const struct tlsa_set *follow_alias(const struct model *m,
					  const char *name);

void model_parse_tlsa_owner(struct model *m, struct tlsa_set *probe)
{
	parse_tlsa_owner(m, probe);
}

/* Marks the TLSA RRsets that "_PORT._PROTO.host CNAME target" names reach. */
static void mark_aliases(struct model *m)
{
	size_t i;

	for (i = 0; i < m->tlsa_set_count; i++)
		m->tlsa_sets[i].smtp = m->tlsa_sets[i].port == 25 &&
				       strcmp(m->tlsa_sets[i].proto, "tcp") == 0;
	for (i = 0; i < m->record_count; i++) {
		const struct record *r = &m->records[i];
		struct tlsa_set probe = { 0 };
		struct tlsa_set *set;

		if (r->type != RR_CNAME || r->owner[0] != '_')
			continue;
		probe.owner = r->owner;
		parse_tlsa_owner(m, &probe);
		set = (struct tlsa_set *)follow_alias(m, r->owner);
		if (!probe.owner_valid || !set || set->owner == r->owner)
			continue;
		if (!set->alias)
			set->alias = r->owner;
		if (probe.port == 25 && strcmp(probe.proto, "tcp") == 0)
			set->smtp = true;
	}
}

static uint64_t name_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	/* FNV's low bits mix poorly; fold the high bits in */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/* Maps each owner name to its records in by_owner: open addressing. Also collects the MX RRsets. Records of one owner
 * share one owner string by now. */
static void build_owner_table(struct model *m, size_t owners)
{
	size_t i, j, k, alloc = 0;

	m->owner_slots = new_table(owners, &m->owner_mask);
	for (i = 0; i < m->record_count; i = j) {
		for (j = i + 1; j < m->record_count &&
		     m->by_owner[j]->owner == m->by_owner[i]->owner; j++)
			;
		table_put(m->owner_slots, m->owner_mask,
			  name_hash(m->by_owner[i]->owner), i)->count =
			(uint32_t)(j - i);
		for (k = i; k < j && m->by_owner[k]->type != RR_MX; k++)
			;
		if (k < j) {
			struct mx_set *set = ARRAY_PUSH(m->mx_sets,
							m->mx_set_count, alloc);

			set->owner = m->by_owner[k]->owner;
			set->records = m->by_owner + k;
			for (set->count = 0; k < j &&
			     m->by_owner[k]->type == RR_MX; k++)
				set->count++;
			set->null_mx = !set->records[0]->u.mx.exchange ||
				       strcmp(set->records[0]->u.mx.exchange,
					      ".") == 0;
		}
	}
}

struct owner_table_args {
	struct model *m;
	size_t owners;
};

/* Builds the owner table, the MX RRsets and the CNAME index; touches
 * nothing else, so it can run beside build_tlsa_sets(). */
static void *owner_table_run(void *arg)
{
	struct owner_table_args *a = arg;
	struct model *m = a->m;

	build_owner_table(m, a->owners);
	if (m->cname_count)
		qsort(m->cname_by_target, m->cname_count,
		      sizeof(*m->cname_by_target), cmp_target);
	return NULL;
}

/* Sorts one half of the items; run on a thread of its own. */
struct sort_half {
	struct sort_item *items;
	struct record *records;
	size_t count;
};

static bool item_before(const struct sort_item *x, const struct sort_item *y)
{
	if (x->key[0] != y->key[0])
		return x->key[0] < y->key[0];
	if (x->key[1] != y->key[1])
		return x->key[1] < y->key[1];
	return cmp_record(&x->r, &y->r) < 0;
}

/*
 * Sorts items with a stable merge sort: insertion sort on runs of 16,
 * then merges of doubling width between items and tmp. The comparison is
 * inline, which qsort's callback is not.
 */
static void sort_items(struct sort_item *items, size_t n)
{
	struct sort_item *tmp, *from = items, *to, *swap;
	size_t width, i, j, lo;

	for (lo = 0; lo < n; lo += 16) {
		size_t hi = lo + 16 < n ? lo + 16 : n;

		for (i = lo + 1; i < hi; i++) {
			struct sort_item x = items[i];

			for (j = i; j > lo && item_before(&x, &items[j - 1]); j--)
				items[j] = items[j - 1];
			items[j] = x;
		}
	}
	if (n <= 16)
		return;
	tmp = xmalloc(n * sizeof(*tmp));
	to = tmp;
	for (width = 16; width < n; width *= 2) {
		for (lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t k = lo;

			i = lo;
			j = mid;
			while (i < mid && j < hi)
				to[k++] = item_before(&from[j], &from[i])
						  ? from[j++] : from[i++];
			while (i < mid)
				to[k++] = from[i++];
			while (j < hi)
				to[k++] = from[j++];
		}
		swap = from;
		from = to;
		to = swap;
	}
	if (from != items)
		memcpy(items, from, n * sizeof(*items));
	free(tmp);
}

static void *sort_half(void *arg)
{
	struct sort_half *h = arg;
	size_t i;

	for (i = 0; i < h->count; i++) {
		owner_keys(h->records[i].owner, h->items[i].key);
		h->items[i].r = &h->records[i];
	}
	sort_items(h->items, h->count);
	return NULL;
}

/*
 * Sorts the records by owner, then type, into by_owner: the two halves
 * on two threads when there are many, then merged. Returns the number of
 * owners; the records of one owner then share one owner string.
 */
static size_t sort_records(struct model *m, struct sort_item *items)
{
	size_t n = m->record_count, half = n / 2, i, j, k, owners = 0;
	struct sort_half first = { items, m->records, half };
	struct sort_half second = { items + half, m->records + half, n - half };
	const struct sort_item *prev = NULL;
	pthread_t id;
	bool threaded = n >= 65536 && thread_count() > 1 &&
			pthread_create(&id, NULL, sort_half, &second) == 0;

	if (!threaded)
		first.count = half = n;
	sort_half(&first);
	if (threaded)
		pthread_join(id, NULL);
	m->by_owner = xmalloc((n + 1) * sizeof(*m->by_owner));
	for (i = 0, j = half, k = 0; k < n; k++) {
		const struct sort_item *next;
		struct record *r;

		if (j >= n || (i < half && cmp_item(&items[i], &items[j]) <= 0))
			next = &items[i++];
		else
			next = &items[j++];
		r = (struct record *)next->r;
		if (prev && prev->key[0] == next->key[0] &&
		    prev->key[1] == next->key[1] &&
		    strcmp(prev->r->owner, r->owner) == 0)
			r->owner = prev->r->owner;
		else
			owners++;
		m->by_owner[k] = r;
		prev = next;
	}
	return owners;
}

static int cmp_suppression(const void *a, const void *b)
{
	const struct suppression *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->comment_line != y->comment_line)
		return x->comment_line < y->comment_line ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

size_t model_suppressions_at(const struct model *m, const char *file,
			     unsigned line, struct suppression **out)
{
	size_t lo = 0, hi = m->suppression_count, j;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct suppression *s = &m->suppressions[mid];
		int c = strcmp(s->file, file);

		if (c < 0 || (c == 0 && s->line < line))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (j = lo; j < m->suppression_count &&
	     m->suppressions[j].line == line &&
	     strcmp(m->suppressions[j].file, file) == 0; j++)
		;
	*out = m->suppressions + lo;
	return j - lo;
}

void model_index(struct model *m)
{
	struct sort_item *items;
	struct owner_table_args table;
	pthread_t id;
	bool threaded;
	size_t i, j, owners, alloc = 0, cname_alloc = 0;

	drop_index(m);
	if (m->suppression_count)
		qsort(m->suppressions, m->suppression_count,
		      sizeof(*m->suppressions), cmp_suppression);
	for (i = 0; i < m->zone_count; i++) {
		m->zones[i].soa = NULL;
		m->zones[i].has_dnskey = false;
		m->zones[i].content_hash = 0;
	}
	for (i = 0; i < m->zone_count; i++)
		for (j = 0; j < m->zones[i].count; j++) {
			struct record *r = &m->records[m->zones[i].first + j];

			r->zone = &m->zones[i];
			if (r->type == RR_SOA && !m->zones[i].soa)
				m->zones[i].soa = r;
			if (r->type == RR_DNSKEY)
				m->zones[i].has_dnskey = true;
			if (r->type != RR_SOA)
				m->zones[i].content_hash += r->hash;
			if (r->type == RR_MX && r->u.mx.exchange)
				*ARRAY_PUSH(m->mx_by_exchange, m->mx_count,
					    alloc) = r;
			if (r->type == RR_CNAME && r->u.cname.target)
				*ARRAY_PUSH(m->cname_by_target, m->cname_count,
					    cname_alloc) = r;
		}
	items = xmalloc((m->record_count + 1) * sizeof(*items));
	owners = sort_records(m, items);
	free(items);
	/* the owner table and the CNAME index on a second thread, the
	 * MX index and the TLSA RRsets here */
	table.m = m;
	table.owners = owners;
	threaded = m->record_count >= 65536 && thread_count() > 1 &&
		   pthread_create(&id, NULL, owner_table_run, &table) == 0;
	if (!threaded)
		owner_table_run(&table);
	if (m->mx_count)
		qsort(m->mx_by_exchange, m->mx_count,
		      sizeof(*m->mx_by_exchange), cmp_exchange);
	build_tlsa_sets(m);
	build_host_table(m);
	if (threaded)
		pthread_join(id, NULL);
	mark_aliases(m);
}

size_t model_find(const struct model *m, const char *owner, uint16_t type,
		  const struct record *const **out)
{
	const struct record *const *r = NULL;
	uint64_t h = name_hash(owner);
	size_t slot, i, j, n = 0;

	*out = m->by_owner;
	if (!m->owner_slots)
		return 0;
	for (slot = h & m->owner_mask; m->owner_slots[slot].pos;
	     slot = (slot + 1) & m->owner_mask) {
		const struct owner_slot *o = &m->owner_slots[slot];

		if (o->hash == h &&
		    strcmp(m->by_owner[o->pos - 1]->owner, owner) == 0) {
			r = m->by_owner + o->pos - 1;
			n = o->count;
			break;
		}
	}
	if (!n || !type) {
		if (n)
			*out = r;
		return n;
	}
	/* the records of one owner are sorted by type */
	for (i = 0; i < n && r[i]->type < type; i++)
		;
	for (j = i; j < n && r[j]->type == type; j++)
		;
	*out = r + i;
	return j - i;
}

bool name_in_zone(const char *name, const char *origin)
{
	size_t ln = strlen(name), lo = strlen(origin);

	if (strcmp(origin, ".") == 0)
		return true;
	if (ln < lo || strcmp(name + ln - lo, origin) != 0)
		return false;
	return ln == lo || name[ln - lo - 1] == '.';
}

const struct zone *model_zone_for(const struct model *m, const char *name)
{
	const struct zone *best = NULL;
	size_t i;

	for (i = 0; i < m->zone_count; i++) {
		const struct zone *z = &m->zones[i];

		if (*z->origin && name_in_zone(name, z->origin) &&
		    (!best || strlen(z->origin) > strlen(best->origin)))
			best = z;
	}
	return best;
}

const struct tlsa_set *model_tlsa_set(const struct model *m,
				      const char *owner)
{
	uint64_t h;
	size_t slot;

	if (!m->tlsa_slots)
		return NULL;
	h = name_hash(owner);
	for (slot = h & m->tlsa_mask; m->tlsa_slots[slot].pos;
	     slot = (slot + 1) & m->tlsa_mask) {
		const struct tlsa_set *set =
			&m->tlsa_sets[m->tlsa_slots[slot].pos - 1];

		if (m->tlsa_slots[slot].hash == h &&
		    strcmp(set->owner, owner) == 0)
			return set;
	}
	return NULL;
}

const struct tlsa_set *model_tlsa_for_host(const struct model *m,
					   const char *host, unsigned port)
{
	char buf[320], digits[12], *name = buf;
	const struct tlsa_set *set;
	size_t n = 0, len = strlen(host), i;

	/* "_PORT._tcp.HOST", without snprintf: this runs for every MX */
	do {
		digits[n++] = (char)('0' + port % 10);
		port /= 10;
	} while (port);
	if (len + n + 8 > sizeof(buf))
		name = xmalloc(len + n + 8);
	name[0] = '_';
	for (i = 0; i < n; i++)
		name[1 + i] = digits[n - 1 - i];
	memcpy(name + 1 + n, "._tcp.", 6);
	memcpy(name + 7 + n, host, len + 1);
	set = follow_alias(m, name);
	if (name != buf)
		free(name);
	return set;
}

static const struct tlsa_set *follow_alias(const struct model *m,
					  const char *start)
{
	const char *name = start;
	const struct tlsa_set *set = NULL;
	int step;

	for (step = 0; step <= MAX_CNAME_CHAIN && !set; step++) {
		const struct record *const *rr;

		set = model_tlsa_set(m, name);
		if (set || !model_find(m, name, RR_CNAME, &rr) ||
		    !rr[0]->u.cname.target)
			break;
		/* the model owns the target, so no copy is needed */
		name = rr[0]->u.cname.target;
	}
	return set;
}

const struct host *model_host(const struct model *m, const char *name)
{
	uint64_t h;
	size_t slot, i;

	/* before model_index() there is no table, so search the list */
	if (!m->host_slots) {
		for (i = 0; i < m->host_count; i++)
			if (strcmp(m->hosts[i].name, name) == 0)
				return &m->hosts[i];
		return NULL;
	}
	h = name_hash(name);
	for (slot = h & m->host_mask; m->host_slots[slot].pos;
	     slot = (slot + 1) & m->host_mask) {
		const struct host *host = &m->hosts[m->host_slots[slot].pos - 1];

		if (m->host_slots[slot].hash == h &&
		    strcmp(host->name, name) == 0)
			return host;
	}
	return NULL;
}

static const char *cname_target_of(const struct record *r)
{
	return r->u.cname.target;
}

static const char *mx_exchange_of(const struct record *r)
{
	return r->u.mx.exchange;
}

/* Finds the records of list, sorted by key(), whose key is name. */
static size_t equal_range(const struct record *const *list, size_t count,
			  const char *(*key)(const struct record *),
			  const char *name, const struct record *const **out)
{
	size_t lo = 0, hi = count, j;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(key(list[mid]), name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (j = lo; j < count && strcmp(key(list[j]), name) == 0; j++)
		;
	*out = list + lo;
	return j - lo;
}

size_t model_cnames_pointing_to(const struct model *m, const char *name,
				const struct record *const **out)
{
	return equal_range(m->cname_by_target, m->cname_count,
			   cname_target_of, name, out);
}

size_t model_mx_pointing_to(const struct model *m, const char *name,
			    const struct record *const **out)
{
	return equal_range(m->mx_by_exchange, m->mx_count, mx_exchange_of,
			   name, out);
}

static bool data_equals(const struct record *t, const uint8_t *data,
			size_t len)
{
	return t->u.tlsa.len == len && memcmp(t->u.tlsa.data, data, len) == 0;
}

static bool matches(const struct record *t, const uint8_t *der, size_t der_len,
		    const uint8_t *sha256, const uint8_t *sha512)
{
	switch (t->u.tlsa.mtype) {
	case 0:
		return data_equals(t, der, der_len);
	case 1:
		return data_equals(t, sha256, 32);
	case 2:
		return data_equals(t, sha512, 64);
	default:
		return false;
	}
}

bool tlsa_matches_cert(const struct record *t, const struct cert_info *c)
{
	if (t->u.tlsa.selector == 0)
		return matches(t, c->der, c->der_len, c->cert_sha256,
			       c->cert_sha512);
	if (t->u.tlsa.selector == 1)
		return matches(t, c->spki, c->spki_len, c->spki_sha256,
			       c->spki_sha512);
	return false;
}

bool tlsa_matches_key(const struct record *t, const struct key *k)
{
	if (t->u.tlsa.selector == 1)
		return matches(t, k->spki, k->spki_len, k->spki_sha256,
			       k->spki_sha512);
	if (t->u.tlsa.selector == 0 && k->cert)
		return tlsa_matches_cert(t, k->cert);
	return false;
}
