/* SPDX-License-Identifier: BSD-3-Clause */
/* Records of a zone file collected in order and parsed on several threads. */
#include "zone_batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Fewer records than this per thread are not worth a thread. */
#define MIN_JOBS_PER_THREAD 4096
#define MAX_THREADS 64

void batch_init(struct record_batch *b)
{
	memset(b, 0, sizeof(*b));
	strbuf_init(&b->text);
}

void batch_release(struct record_batch *b)
{
	free(b->jobs);
	free(b->outcomes);
	strbuf_release(&b->text);
	memset(b, 0, sizeof(*b));
}

void batch_reset(struct record_batch *b)
{
	b->count = 0;
	strbuf_reset(&b->text);
}

void batch_add(struct record_batch *b, const char *text, unsigned line,
	       bool inherits_owner, uint32_t default_ttl)
{
	struct record_job *j = ARRAY_PUSH(b->jobs, b->count, b->alloc);

	j->text = b->text.len;
	j->line = line;
	j->inherits_owner = inherits_owner;
	j->default_ttl = default_ttl;
	strbuf_add(&b->text, text, strlen(text) + 1);
}

/* A run of jobs that one thread parses. */
struct run {
	const struct record_batch *b;
	struct record_outcome *outcomes;
	size_t start;
	size_t end;
	const ldns_rdf *origin;
	const ldns_rdf *apex;
	bool check_fast_path;
	ldns_rdf *prev;		/* owned by the run */
	struct arena arena;
};

static void *parse_run(void *arg)
{
	struct run *r = arg;
	struct owner_memo memo = { .len = 0 };
	struct record_env env = { r->origin, r->apex, 0, r->check_fast_path,
				  &memo };
	size_t i;

	for (i = r->start; i < r->end; i++) {
		const struct record_job *j = &r->b->jobs[i];

		env.default_ttl = j->default_ttl;
		zone_record_parse(&env, &r->prev, r->b->text.buf + j->text,
				  j->inherits_owner, j->line, &r->arena,
				  &r->outcomes[i]);
	}
	return NULL;
}

/*
 * Can a run start with this record? Only when the record names an owner
 * that ldns takes, so that the owner the next records inherit does not
 * depend on the records before it ("mx1 IN A ..." but not " IN A ...",
 * "mx1" alone or a malformed name).
 */
/* Is the next token of *p a class name, as ldns reads it ("IN", "CH")?
 * Sets *any when there is a token at all. */
static bool class_token(const char **p, bool *any)
{
	char word[32];
	size_t n = zone_next_token(p);

	*any = n > 0;
	if (!n || n >= sizeof(word))
		return false;
	memcpy(word, *p, n);
	word[n] = '\0';
	*p += n;
	return ldns_get_rr_class_by_name(word) != 0;
}

/*
 * Does ldns read a record type from the text after the owner? Only then
 * does ldns_rr_new_frm_str take the owner as the one later records
 * inherit: "w0 A" and "w0 3600 IN A" do, "w0", "w0 IN" and "w0 3600 IN"
 * do not.
 */
static bool reaches_type(const char *p)
{
	bool any;
	size_t n = zone_next_token(&p);

	if (!n)
		return false;
	if (*p >= '0' && *p <= '9') {
		/* a TTL, then a class or the type */
		p += n;
		return class_token(&p, &any) ? zone_next_token(&p) > 0 : any;
	}
	/* a class and then the type, or the type */
	return class_token(&p, &any) ? zone_next_token(&p) > 0 : any;
}

static bool batch_can_start(const char *text, bool inherits_owner,
			    const ldns_rdf *origin)
{
	char name[256];
	const char *p = text;
	ldns_rdf *rdf = NULL;
	size_t n;
	bool ok;

	/* a text that starts with a blank takes the owner before it */
	if (inherits_owner || text[0] == ' ')
		return false;
	n = zone_next_token(&p);
	if (!n || n >= sizeof(name) || (n == 1 && *p == '@') ||
	    !reaches_type(p + n))
		return false;
	memcpy(name, p, n);
	name[n] = '\0';
	if (ldns_str2rdf_dname(&rdf, name) != LDNS_STATUS_OK)
		return false;
	ok = ldns_dname_str_absolute(name) || !origin ||
	     ldns_dname_cat(rdf, origin) == LDNS_STATUS_OK;
	ldns_rdf_deep_free(rdf);
	return ok;
}

static bool run_can_start(const struct record_batch *b, size_t i,
			  const ldns_rdf *origin)
{
	return batch_can_start(b->text.buf + b->jobs[i].text,
			       b->jobs[i].inherits_owner, origin);
}

/* The threads parsing a batch in the background. */
struct batch_work {
	struct run runs[MAX_THREADS];
	pthread_t ids[MAX_THREADS];
	bool started[MAX_THREADS];
	size_t count;
	size_t first;	/* runs from this one on are on threads */
};

/* Cuts the batch into up to threads runs that can start on their own. */
static void plan_runs(struct record_batch *b, struct batch_work *w,
		      const ldns_rdf *origin, const ldns_rdf *apex,
		      bool check_fast_path, unsigned threads)
{
	struct run *runs = w->runs;
	size_t k;

	if (b->outcome_alloc < b->count) {
		free(b->outcomes);
		b->outcomes = xcalloc(b->count, sizeof(*b->outcomes));
		b->outcome_alloc = b->count;
	}
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	if (threads > b->count / MIN_JOBS_PER_THREAD)
		threads = (unsigned)(b->count / MIN_JOBS_PER_THREAD);
	if (threads < 1)
		threads = 1;
	w->count = 0;
	for (k = 0; k < threads; k++) {
		size_t start = k ? b->count * k / threads : 0;

		while (k && start < b->count && !run_can_start(b, start, origin))
			start++;
		if (k && (start >= b->count ||
			  start <= runs[w->count - 1].start))
			continue;
		if (w->count)
			runs[w->count - 1].end = start;
		memset(&runs[w->count], 0, sizeof(runs[w->count]));
		runs[w->count].b = b;
		runs[w->count].outcomes = b->outcomes;
		runs[w->count].start = start;
		runs[w->count].end = b->count;
		runs[w->count].origin = origin;
		runs[w->count].apex = apex;
		runs[w->count].check_fast_path = check_fast_path;
		arena_init(&runs[w->count].arena);
		w->count++;
	}
}

/* Starts the runs from w->first on, on threads of their own. */
static void start_runs(struct batch_work *w)
{
	size_t k;

	for (k = w->first; k < w->count; k++)
		w->started[k] = pthread_create(&w->ids[k], NULL, parse_run,
					       &w->runs[k]) == 0;
}

/* Waits for the runs, moves their strings into a and returns the owner
 * that a record after the batch inherits. */
static ldns_rdf *finish_runs(struct batch_work *w, struct arena *a)
{
	size_t k;

	/* a thread that could not start is run here */
	for (k = w->first; k < w->count; k++)
		if (w->started[k])
			pthread_join(w->ids[k], NULL);
		else
			parse_run(&w->runs[k]);
	for (k = 0; k < w->count; k++) {
		arena_splice(a, &w->runs[k].arena);
		if (k + 1 < w->count)
			ldns_rdf_deep_free(w->runs[k].prev);
	}
	return w->runs[w->count - 1].prev;
}

void batch_parse(struct record_batch *b, const ldns_rdf *origin,
		 const ldns_rdf *apex, bool check_fast_path, ldns_rdf **prev,
		 unsigned threads, struct arena *a)
{
	struct batch_work w;

	plan_runs(b, &w, origin, apex, check_fast_path, threads);
	w.runs[0].prev = *prev;
	*prev = NULL;
	w.first = 1;
	start_runs(&w);
	parse_run(&w.runs[0]);
	*prev = finish_runs(&w, a);
}

void batch_parse_start(struct record_batch *b, const ldns_rdf *origin,
		       const ldns_rdf *apex, bool check_fast_path,
		       ldns_rdf *prev, unsigned threads)
{
	struct batch_work *w = xmalloc(sizeof(*w));

	plan_runs(b, w, origin, apex, check_fast_path, threads);
	w->runs[0].prev = prev;
	w->first = 0;
	start_runs(w);
	b->work = w;
}

ldns_rdf *batch_parse_finish(struct record_batch *b, struct arena *a)
{
	struct batch_work *w = b->work;
	ldns_rdf *prev = finish_runs(w, a);

	free(w);
	b->work = NULL;
	return prev;
}
