/* SPDX-License-Identifier: BSD-3-Clause */
/* Zone loader: parses master files with ldns into the model. */
#include "zone.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <ldns/ldns.h>

#include "scan.h"
#include "zone_batch.h"
#include "zone_generate.h"
#include "zone_record.h"

/* $INCLUDE nesting deeper than this is reported instead of followed. */
#define MAX_INCLUDE_DEPTH 16
/*
 * Records parsed together at most, which bounds the memory of a batch.
 * TODO: a zone of a million records is still only level with validns.
 * Two threads parse about 1.4 times as fast as one, and the index and
 * rules after loading take about 0.55 s (docs/benchmarks.md).
 */
#define BATCH_SIZE 65536
/* ldns uses this TTL for records before any $TTL or explicit TTL. */
#define DEFAULT_TTL 3600

/* A suppression whose line is not known yet. */
struct pending_suppression {
	const char *rule;
	unsigned comment_line;
};

struct load_state {
	struct model *m;
	const struct source *src;
	ldns_rdf *origin;
	ldns_rdf *apex;		/* the zone's origin: records must lie below */
	ldns_rdf *prev;
	uint32_t default_ttl;
	const char *stack[MAX_INCLUDE_DEPTH + 1];
	int depth;
	bool check_fast_path;	/* DANELINT_CHECK_FAST_PATH is set */
	/* Two batches: one filling, the other parsing (busy) meanwhile. */
	struct record_batch batches[2];
	struct record_batch *batch;	/* records not parsed yet */
	struct record_batch *busy;	/* parsing on its own threads, or NULL */
	/* Next-line suppressions waiting for the next record. */
	struct pending_suppression *pending;
	size_t pending_count;
	size_t pending_alloc;
};

static void parse_file(struct load_state *st, const char *path,
		       const char *data, size_t len);

static void push_suppression(struct model *m, const char *path,
			     enum suppression_scope scope, unsigned line,
			     const struct pending_suppression *p)
{
	struct suppression *s = ARRAY_PUSH(m->suppressions,
					   m->suppression_count,
					   m->suppression_alloc);

	s->file = path;
	s->scope = scope;
	s->line = scope == SUPPRESS_LINE ? line : 0;
	s->comment_line = p->comment_line;
	s->rule = p->rule;
	s->used = false;
}

/* The forms of "; danelint: FORM=RULE[,RULE]". */
enum suppression_form {
	FORM_THIS_LINE,		/* disable=: its record, or the next one when
				 * the comment is alone on its line */
	FORM_NEXT_LINE,		/* disable-next-line=: the next record */
	FORM_FILE,		/* disable-file=: the whole file */
};

/* Returns the length of the form name at p, up to and including its '=',
 * or 0 when p starts with none. */
static size_t parse_form(const char *p, enum suppression_form *form)
{
	static const struct {
		const char *name;
		enum suppression_form form;
	} forms[] = {
		{ "disable=", FORM_THIS_LINE },
		{ "disable-next-line=", FORM_NEXT_LINE },
		{ "disable-file=", FORM_FILE },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(forms); i++)
		if (str_starts_with(p, forms[i].name)) {
			*form = forms[i].form;
			return strlen(forms[i].name);
		}
	return 0;
}

/* Adds one rule id of a comment; line is 0 for a comment alone on its
 * line. Next-line forms wait in st->pending for the next record. */
static void add_one(struct load_state *st, const char *path,
		    enum suppression_form form, unsigned line,
		    const struct pending_suppression *p)
{
	if (form == FORM_FILE)
		push_suppression(st->m, path, SUPPRESS_FILE, 0, p);
	else if (form == FORM_THIS_LINE && line)
		push_suppression(st->m, path, SUPPRESS_LINE, line, p);
	else
		*ARRAY_PUSH(st->pending, st->pending_count,
			    st->pending_alloc) = *p;
}

/*
 * Handles the "; danelint: FORM=a,b" comments of one entry, which starts
 * on comment_line. line is the line of the entry's record or directive,
 * or 0 for a comment alone on its line.
 */
static void add_suppressions(struct load_state *st, const char *path,
			     unsigned line, unsigned comment_line,
			     const char *comments)
{
	const char *p = comments;

	while ((p = strstr(p, "danelint:"))) {
		enum suppression_form form;
		const char *ids;
		size_t n;

		p += strlen("danelint:");
		while (*p == ' ' || *p == '\t')
			p++;
		n = parse_form(p, &form);
		if (!n)
			continue;
		ids = p + n;
		while (*ids && !isspace((unsigned char)*ids)) {
			struct pending_suppression one;

			n = strcspn(ids, ", \t\n");
			one.rule = arena_strndup(&st->m->arena, ids, n);
			one.comment_line = comment_line;
			if (n)
				add_one(st, path, form, line, &one);
			ids += n;
			if (*ids == ',')
				ids++;
		}
		p = ids;
	}
}

/* Applies the waiting next-line suppressions to line. */
static void apply_pending(struct load_state *st, const char *path,
			  unsigned line)
{
	size_t i;

	for (i = 0; i < st->pending_count; i++)
		push_suppression(st->m, path, SUPPRESS_LINE, line,
				 &st->pending[i]);
	st->pending_count = 0;
}

/* Keeps next-line suppressions that no record follows, so that
 * unused-suppression reports them. */
static void drop_pending(struct load_state *st, const char *path)
{
	size_t i;

	for (i = 0; i < st->pending_count; i++)
		push_suppression(st->m, path, SUPPRESS_NOTHING, 0,
				 &st->pending[i]);
	st->pending_count = 0;
}

__attribute__((format(printf, 4, 5)))
static void syntax_error(struct load_state *st, const char *path,
			 unsigned line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	model_add_syntax_error(st->m, path, line, 1, "%s", msg);
	free(msg);
}

/* Makes name absolute against the current origin. */
static ldns_rdf *absolute_name(struct load_state *st, const char *name)
{
	ldns_rdf *rdf = NULL;

	if (ldns_str2rdf_dname(&rdf, name) != LDNS_STATUS_OK)
		return NULL;
	if (!ldns_dname_str_absolute(name) && st->origin &&
	    ldns_dname_cat(rdf, st->origin) != LDNS_STATUS_OK) {
		ldns_rdf_deep_free(rdf);
		return NULL;
	}
	return rdf;
}

static void directive_origin(struct load_state *st, const char *path,
			     unsigned line, const char *arg)
{
	ldns_rdf *rdf;

	if (!*arg) {
		syntax_error(st, path, line, "$ORIGIN needs a domain name, "
			     "as in '$ORIGIN example.net.'");
		return;
	}
	rdf = absolute_name(st, arg);
	if (!rdf) {
		syntax_error(st, path, line, "invalid domain name '%s' "
			     "in $ORIGIN", arg);
		return;
	}
	ldns_rdf_deep_free(st->origin);
	st->origin = rdf;
}

static void directive_ttl(struct load_state *st, const char *path,
			  unsigned line, const char *arg)
{
	uint32_t ttl;

	if (zone_parse_ttl(arg, strlen(arg), &ttl) < 0) {
		syntax_error(st, path, line, "invalid TTL '%s' in $TTL; write "
			     "seconds (3600) or units (1h), at most 2147483647",
			     arg);
		return;
	}
	st->default_ttl = ttl;
}

static bool on_stack(const struct load_state *st, const char *path)
{
	int i;

	for (i = 0; i < st->depth; i++)
		if (strcmp(st->stack[i], path) == 0)
			return true;
	return false;
}

static void include_file(struct load_state *st, const char *path,
			 unsigned line, const char *target, const char *origin)
{
	char *dir = path_dirname(path);
	char *inc = path_join(dir, target);
	const char *stored = arena_strdup(&st->m->arena, inc);
	ldns_rdf *saved_origin = st->origin, *saved_prev = st->prev;
	struct strbuf err;
	char *data = NULL;
	size_t len = 0;

	free(dir);
	free(inc);
	strbuf_init(&err);
	if (on_stack(st, stored)) {
		syntax_error(st, path, line, "$INCLUDE of '%s' loops back to a "
			     "file that is already being read; remove one of "
			     "the $INCLUDE lines", stored);
		return;
	}
	if (st->depth >= MAX_INCLUDE_DEPTH) {
		syntax_error(st, path, line, "$INCLUDE of '%s' nests files more "
			     "than %d levels deep; include them from fewer "
			     "levels", stored, MAX_INCLUDE_DEPTH);
		return;
	}
	if (st->src->read(st->src, stored, &data, &len, &err) < 0) {
		syntax_error(st, path, line, "cannot read $INCLUDE file "
			     "'%s': %s", stored, strbuf_str(&err));
		strbuf_release(&err);
		return;
	}
	strbuf_release(&err);
	st->origin = origin ? absolute_name(st, origin)
			    : ldns_rdf_clone(saved_origin);
	if (origin && !st->origin) {
		syntax_error(st, path, line, "invalid domain name '%s' "
			     "in $INCLUDE", origin);
		st->origin = ldns_rdf_clone(saved_origin);
	}
	st->prev = NULL;
	parse_file(st, stored, data, len);
	free(data);
	ldns_rdf_deep_free(st->origin);
	ldns_rdf_deep_free(st->prev);
	/* RFC 1035, section 5.1: $INCLUDE leaves the including file's origin */
	st->origin = saved_origin;
	st->prev = saved_prev;
}

static void flush_batch(struct load_state *st);
static void rotate_batch(struct load_state *st);

/* The destination of the records of a $GENERATE line. */
struct generated {
	struct load_state *st;
	const char *path;
	unsigned line;
};

static void add_generated(void *arg, const char *text)
{
	struct generated *g = arg;
	struct load_state *st = g->st;

	st->batch->path = g->path;
	batch_add(st->batch, text, g->line, false, st->default_ttl);
	if (st->batch->count >= BATCH_SIZE && thread_count() > 1)
		rotate_batch(st);
	else if (st->batch->count >= BATCH_SIZE)
		flush_batch(st);
}

static void directive_generate(struct load_state *st, const char *path,
			       unsigned line, const char *args)
{
	struct generated g = { st, path, line };
	char err[256];

	if (zone_generate(args, add_generated, &g, err, sizeof(err)) < 0)
		syntax_error(st, path, line, "%s", err);
	flush_batch(st);
}

static void directive(struct load_state *st, const char *path, unsigned line,
		      const char *text)
{
	const char *p = text, *args;
	size_t n = zone_next_token(&p);
	char *name = xstrndup(p, n);
	char *arg1, *arg2;

	p += n;
	args = p;
	n = zone_next_token(&p);
	arg1 = xstrndup(p, n);
	p += n;
	n = zone_next_token(&p);
	arg2 = xstrndup(p, n);
	/* $INCLUDE "zones/a.db": a quoted file name, as BIND allows */
	n = strlen(arg1);
	if (n >= 2 && arg1[0] == '"' && arg1[n - 1] == '"') {
		memmove(arg1, arg1 + 1, n - 2);
		arg1[n - 2] = '\0';
	}
	if (str_casecmp(name, "$ORIGIN") == 0)
		directive_origin(st, path, line, arg1);
	else if (str_casecmp(name, "$TTL") == 0)
		directive_ttl(st, path, line, arg1);
	else if (str_casecmp(name, "$INCLUDE") == 0 && *arg1)
		include_file(st, path, line, arg1, *arg2 ? arg2 : NULL);
	else if (str_casecmp(name, "$INCLUDE") == 0)
		syntax_error(st, path, line, "$INCLUDE needs a file name");
	else if (str_casecmp(name, "$GENERATE") == 0)
		directive_generate(st, path, line, args);
	else
		syntax_error(st, path, line, "unknown directive '%s'; the "
			     "directives are $ORIGIN, $TTL, $INCLUDE and "
			     "$GENERATE", name);
	free(name);
	free(arg1);
	free(arg2);
}

/* Adds the outcomes of a parsed batch to the model in file order. */
static void apply_batch(struct load_state *st, struct record_batch *b)
{
	struct model *m = st->m;
	size_t i;

	for (i = 0; i < b->count; i++) {
		const struct record_outcome *o = &b->outcomes[i];
		struct record *r;

		if (o->verdict != RECORD_OK) {
			/* the records of one $GENERATE line share it: one
			 * error there is enough */
			if (m->error_count &&
			    m->errors[m->error_count - 1].line ==
				    b->jobs[i].line &&
			    strcmp(m->errors[m->error_count - 1].file,
				   b->path) == 0)
				continue;
			model_add_syntax_error(m, b->path, b->jobs[i].line, 1,
					       "%s", o->message);
			if (o->verdict == RECORD_OUT_OF_ZONE)
				m->errors[m->error_count - 1].kind =
					LOAD_OUT_OF_ZONE;
			continue;
		}
		r = ARRAY_PUSH(m->records, m->record_count, m->record_alloc);
		*r = o->rec;
		r->file = b->path;
	}
	batch_reset(b);
}

/* Waits for the busy batch; returns it, not applied yet, or NULL. */
static struct record_batch *finish_busy(struct load_state *st)
{
	struct record_batch *b = st->busy;

	if (!b)
		return NULL;
	ldns_rdf_deep_free(st->prev);
	st->prev = batch_parse_finish(b, &st->m->arena);
	st->busy = NULL;
	return b;
}

/* Parses the waiting records and adds them to the model in file order. */
static void flush_batch(struct load_state *st)
{
	struct record_batch *done = finish_busy(st);

	if (done)
		apply_batch(st, done);
	if (!st->batch->count)
		return;
	batch_parse(st->batch, st->origin, st->apex, st->check_fast_path,
		    &st->prev, thread_count(), &st->m->arena);
	apply_batch(st, st->batch);
}

/*
 * Starts parsing the full batch on threads of their own and, meanwhile,
 * adds the batch parsed before it to the model. The caller then goes on
 * scanning into the other batch.
 */
static void rotate_batch(struct load_state *st)
{
	struct record_batch *done = finish_busy(st), *full = st->batch;

	batch_parse_start(full, st->origin, st->apex, st->check_fast_path,
			  st->prev ? ldns_rdf_clone(st->prev) : NULL,
			  thread_count());
	st->busy = full;
	st->batch = full == &st->batches[0] ? &st->batches[1]
					     : &st->batches[0];
	if (done)
		apply_batch(st, done);
}

static void parse_file(struct load_state *st, const char *path,
		       const char *data, size_t len)
{
	struct scan scan;
	struct scan_entry e;
	long nul = scan_find_nul(data, len);

	if (nul >= 0) {
		syntax_error(st, path, 1, "binary data (a NUL byte at offset "
			     "%ld), not a zone file; remove it from the zone "
			     "list or fix the file", nul);
		return;
	}
	/* A next-line form on an $INCLUDE line has no next record in its
	 * own file. */
	if (st->depth > 0)
		drop_pending(st, st->stack[st->depth - 1]);
	st->stack[st->depth++] = path;
	scan_init(&scan, data, len);
	while (scan_next(&scan, &e)) {
		const char *text = e.text;

		if (e.kind == SCAN_ERROR) {
			/* errors stay in file order */
			flush_batch(st);
			syntax_error(st, path, e.line, "%s", e.message);
			continue;
		}
		if (e.kind == SCAN_COMMENT) {
			add_suppressions(st, path, 0, e.line, e.comments);
			continue;
		}
		while (*text == ' ')
			text++;
		/* Earlier comments apply to this entry, and its own next-line
		 * forms to the entry after it. */
		apply_pending(st, path, e.line);
		add_suppressions(st, path, e.line, e.line, e.comments);
		/* a directive may change the origin or read another file */
		if (*text == '$') {
			flush_batch(st);
			directive(st, path, e.line, text);
			continue;
		}
		st->batch->path = path;
		batch_add(st->batch, e.text, e.line, e.inherits_owner,
			  st->default_ttl);
		if (st->batch->count >= BATCH_SIZE && thread_count() > 1)
			rotate_batch(st);
		else if (st->batch->count >= BATCH_SIZE)
			flush_batch(st);
	}
	flush_batch(st);
	drop_pending(st, path);
	scan_release(&scan);
	st->depth--;
}

static bool file_extension(const char *name)
{
	static const char *const exts[] = {
		".txt", ".conf", ".cfg", ".md", ".j2", ".tmpl", ".template",
		".in", ".inc", ".bak", ".orig", ".old", ".yml", ".yaml",
		".json", ".sh", ".py", ".pem", ".key", ".csv", ".tsv", ".swp",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(exts); i++)
		if (str_ends_with(name, exts[i]))
			return true;
	return false;
}

char *zone_origin_from_filename(const char *path)
{
	const char *base = path_basename(path);
	char *name, *origin = NULL;
	size_t n;

	if (str_starts_with(base, "db.") && base[3])
		name = xstrdup(base + 3);
	else
		name = xstrdup(base);
	n = strlen(name);
	if (str_ends_with(name, ".zone.signed"))
		name[n - strlen(".zone.signed")] = '\0';
	else if (str_ends_with(name, ".zone"))
		name[n - strlen(".zone")] = '\0';
	else if (str_ends_with(name, ".db"))
		name[n - strlen(".db")] = '\0';
	/* A file name is an origin only when it looks like a domain name
	 * and does not end in a common file extension ("zones.txt"). */
	if (strchr(name, '.') && !file_extension(name) && name[strspn(name,
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")]
	    == '\0' && name[0] != '.' && !strstr(name, ".."))
		origin = str_ends_with(name, ".") ? xstrdup(name)
						  : xasprintf("%s.", name);
	free(name);
	return origin;
}

/* Resolves an owner token against an origin: "@", relative or absolute. */
static char *resolve_owner(const char *tok, size_t n, const char *origin)
{
	if (n == 1 && tok[0] == '@')
		return origin ? xstrdup(origin) : NULL;
	if (tok[n - 1] == '.')
		return xstrndup(tok, n);
	if (!origin)
		return NULL;
	return xasprintf("%.*s.%s", (int)n, tok,
			 strcmp(origin, ".") == 0 ? "" : origin);
}

/*
 * Finds the origin written in the file. A file that starts with its SOA
 * record names its apex there, resolved against any $ORIGIN before it
 * ("$ORIGIN ." then "voltaire.sh IN SOA ..." gives "voltaire.sh."); else
 * the $ORIGIN in force at the first record counts.
 */
static char *origin_from_content(const char *data, size_t len)
{
	struct scan scan;
	struct scan_entry e;
	char *origin = NULL, *found = NULL;

	scan_init(&scan, data, len);
	while (!found && scan_next(&scan, &e)) {
		const char *p = e.text, *q;
		size_t n;

		if (e.kind != SCAN_RECORD)
			continue;
		n = zone_next_token(&p);
		if (n == 7 && strncasecmp(p, "$ORIGIN", 7) == 0) {
			q = p + n;
			n = zone_next_token(&q);
			if (n && q[n - 1] == '.') {
				free(origin);
				origin = xstrndup(q, n);
			}
			continue;
		}
		if (*p == '$')
			continue;
		q = zone_rdata_start(e.text, e.inherits_owner);
		while (q > p && q[-1] == ' ')
			q--;
		/* the type token ends just before the RDATA */
		if (!e.inherits_owner && n && q - p >= 4 &&
		    strncasecmp(q - 4, " SOA", 4) == 0)
			found = resolve_owner(p, n, origin);
		break;
	}
	scan_release(&scan);
	if (found) {
		free(origin);
		return found;
	}
	return origin;
}

static bool has_soa(const struct model *m, const struct zone *z)
{
	size_t i;

	for (i = 0; i < z->count; i++)
		if (m->records[z->first + i].type == RR_SOA)
			return true;
	return false;
}

static void init_state(struct load_state *st, struct model *m,
		       const struct source *src)
{
	memset(st, 0, sizeof(*st));
	st->m = m;
	st->src = src;
	st->default_ttl = DEFAULT_TTL;
	st->check_fast_path = getenv("DANELINT_CHECK_FAST_PATH") != NULL;
	batch_init(&st->batches[0]);
	batch_init(&st->batches[1]);
	st->batch = &st->batches[0];
}

int zone_load(struct model *m, const struct source *src, const char *path,
	      const char *origin, struct strbuf *err)
{
	struct load_state st;
	char *data = NULL, *found = NULL;
	const char *stored = arena_strdup(&m->arena, path);
	struct zone *z;
	size_t len = 0;
	long nul;

	if (src->read(src, path, &data, &len, err) < 0)
		return -1;
	nul = scan_find_nul(data, len);
	if (!origin && nul < 0)
		origin = found = origin_from_content(data, len);
	if (!origin)
		origin = found = zone_origin_from_filename(path);
	init_state(&st, m, src);
	if (origin)
		st.origin = ldns_dname_new_frm_str(origin);
	st.apex = st.origin ? ldns_rdf_clone(st.origin) : NULL;
	z = ARRAY_PUSH(m->zones, m->zone_count, m->zone_alloc);
	memset(z, 0, sizeof(*z));
	z->file = stored;
	z->first = m->record_count;
	if (nul >= 0) {
		z->origin = "";
		parse_file(&st, stored, data, len);
	} else if (!st.origin) {
		model_add_syntax_error(m, stored, 1, 1, "cannot tell the zone "
				       "origin of '%s'; add a $ORIGIN line, or "
				       "name it with --origin or a zone section "
				       "in .danelint", stored);
		z->origin = "";
	} else {
		z->origin = zone_name_text(&m->arena, ldns_rdf_data(st.origin),
					   ldns_rdf_size(st.origin));
		parse_file(&st, stored, data, len);
	}
	z = &m->zones[m->zone_count - 1];
	z->count = m->record_count - z->first;
	if (st.apex && nul < 0 && !has_soa(m, z))
		model_add_syntax_error(m, stored, 1, 1, "zone '%s' has no SOA "
				       "record, so no server can load it; start "
				       "the file with the SOA record of its apex",
				       z->origin);
	ldns_rdf_deep_free(st.origin);
	ldns_rdf_deep_free(st.apex);
	ldns_rdf_deep_free(st.prev);
	batch_release(&st.batches[0]);
	batch_release(&st.batches[1]);
	free(st.pending);
	free(found);
	free(data);
	return 0;
}
