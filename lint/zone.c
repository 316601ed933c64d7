/* SPDX-License-Identifier: BSD-3-Clause */
/* Zone loader: parses master files with ldns into the model. */
#include "zone.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <ldns/ldns.h>

#include "scan.h"
#include "zone_fast.h"

/* $INCLUDE nesting deeper than this is reported instead of followed. */
#define MAX_INCLUDE_DEPTH 16
/* RFC 2181, section 8: a TTL is at most 2^31 - 1 seconds. */
#define MAX_TTL 2147483647UL
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
	/* Next-line suppressions waiting for the next record. */
	struct pending_suppression *pending;
	size_t pending_count;
	size_t pending_alloc;
};

static void parse_file(struct load_state *st, const char *path,
		       const char *data, size_t len);

/*
 * Writes a wire-form name in presentation form, in lower case, as
 * ldns_rdf2str writes it: "mx1.example.net.", special characters escaped
 * ("a\\.b", "\\032").
 */
char *zone_name_text(struct arena *a, const uint8_t *wire, size_t len)
{
	char stack[1024], *buf = stack, *out;
	size_t pos = 0, i = 0;

	if (len * 4 + 2 > sizeof(stack))
		buf = xmalloc(len * 4 + 2);
	while (i < len && wire[i]) {
		size_t end = i + 1 + wire[i];

		for (i++; i < end && i < len; i++) {
			unsigned char c = wire[i];

			if (c == '.' || c == ';' || c == '(' || c == ')' ||
			    c == '\\') {
				buf[pos++] = '\\';
				buf[pos++] = (char)c;
			} else if (c <= 0x20 || c >= 0x7f) {
				buf[pos++] = '\\';
				buf[pos++] = (char)('0' + c / 100);
				buf[pos++] = (char)('0' + c / 10 % 10);
				buf[pos++] = (char)('0' + c % 10);
			} else {
				buf[pos++] = (char)(c >= 'A' && c <= 'Z' ?
						    c + 'a' - 'A' : c);
			}
		}
		buf[pos++] = '.';
	}
	if (!pos)
		buf[pos++] = '.';
	out = arena_alloc(a, pos + 1);
	memcpy(out, buf, pos);
	out[pos] = '\0';
	if (buf != stack)
		free(buf);
	return out;
}

static char *lower_dname(struct model *m, const ldns_rdf *rdf)
{
	if (!rdf)
		return arena_strdup(&m->arena, ".");
	return zone_name_text(&m->arena, ldns_rdf_data(rdf), ldns_rdf_size(rdf));
}

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

/* Splits off the next blank-separated token; returns its length. */
static size_t next_token(const char **p)
{
	const char *s = *p;

	while (*s == ' ')
		s++;
	*p = s;
	while (*s && *s != ' ')
		s++;
	return (size_t)(s - *p);
}

/* Returns the seconds of a TTL unit letter (lower case), or 0. */
static unsigned long ttl_unit(int c)
{
	switch (c) {
	case 's':
		return 1;
	case 'm':
		return 60;
	case 'h':
		return 3600;
	case 'd':
		return 86400;
	case 'w':
		return 604800;
	default:
		return 0;
	}
}

/* Parses a TTL such as "3600" or "1w2d3h" (RFC 2308 units, as BIND). */
static int parse_ttl(const char *s, size_t len, uint32_t *out)
{
	unsigned long total = 0, value = 0;
	bool digits = false;
	size_t i;

	for (i = 0; i < len; i++) {
		int c = tolower((unsigned char)s[i]);
		unsigned long unit = 0;

		if (isdigit(c)) {
			value = value * 10 + (unsigned long)(c - '0');
			digits = true;
			if (value > MAX_TTL)
				return -1;
			continue;
		}
		unit = ttl_unit(c);
		if (!unit || !digits)
			return -1;
		total += value * unit;
		if (total > MAX_TTL)
			return -1;
		value = 0;
		digits = false;
	}
	if (!len)
		return -1;
	total += value;
	if (total > MAX_TTL)
		return -1;
	*out = (uint32_t)total;
	return 0;
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

	if (parse_ttl(arg, strlen(arg), &ttl) < 0) {
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

static void directive(struct load_state *st, const char *path, unsigned line,
		      const char *text)
{
	const char *p = text;
	size_t n = next_token(&p);
	char *name = xstrndup(p, n);
	char *arg1, *arg2;

	p += n;
	n = next_token(&p);
	arg1 = xstrndup(p, n);
	p += n;
	n = next_token(&p);
	arg2 = xstrndup(p, n);
	if (str_casecmp(name, "$ORIGIN") == 0)
		directive_origin(st, path, line, arg1);
	else if (str_casecmp(name, "$TTL") == 0)
		directive_ttl(st, path, line, arg1);
	else if (str_casecmp(name, "$INCLUDE") == 0 && *arg1)
		include_file(st, path, line, arg1, *arg2 ? arg2 : NULL);
	else if (str_casecmp(name, "$INCLUDE") == 0)
		syntax_error(st, path, line, "$INCLUDE needs a file name");
	else if (str_casecmp(name, "$GENERATE") == 0)
		/* TODO: expand $GENERATE ranges instead of reporting them */
		syntax_error(st, path, line, "$GENERATE is not supported; "
			     "danelint cannot check the records it makes");
	else
		syntax_error(st, path, line, "unknown directive '%s'; the "
			     "directives are $ORIGIN, $TTL and $INCLUDE", name);
	free(name);
	free(arg1);
	free(arg2);
}

static bool is_class_token(const char *s, size_t n)
{
	static const char *const classes[] = { "IN", "CH", "CS", "HS" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(classes); i++)
		if (n == 2 && strncasecmp(s, classes[i], 2) == 0)
			return true;
	return n > 5 && strncasecmp(s, "CLASS", 5) == 0 &&
	       isdigit((unsigned char)s[5]);
}

/* Returns the RDATA part of a record's text: what follows its type. */
static const char *rdata_start(const char *text, bool inherits_owner)
{
	const char *p = text;
	size_t n;
	uint32_t ttl;

	if (!inherits_owner) {
		n = next_token(&p);
		p += n;
	}
	for (;;) {
		n = next_token(&p);
		if (!n)
			return p;
		if (!is_class_token(p, n) && parse_ttl(p, n, &ttl) < 0)
			break;
		p += n;
	}
	p += n;
	while (*p == ' ')
		p++;
	return p;
}

/* Concatenates the wire form of all RDATA fields. */
static uint8_t *rdata_wire(struct model *m, const ldns_rr *rr, size_t *len)
{
	size_t i, total = 0;
	uint8_t *out;

	for (i = 0; i < ldns_rr_rd_count(rr); i++)
		total += ldns_rdf_size(ldns_rr_rdf(rr, i));
	out = arena_alloc(&m->arena, total ? total : 1);
	*len = 0;
	for (i = 0; i < ldns_rr_rd_count(rr); i++) {
		const ldns_rdf *rdf = ldns_rr_rdf(rr, i);

		memcpy(out + *len, ldns_rdf_data(rdf), ldns_rdf_size(rdf));
		*len += ldns_rdf_size(rdf);
	}
	return out;
}

static uint32_t rdf_u32(const ldns_rr *rr, size_t i)
{
	const ldns_rdf *rdf = ldns_rr_rdf(rr, i);

	if (!rdf || ldns_rdf_size(rdf) != 4)
		return 0;
	return ldns_rdf2native_int32(rdf);
}

/* Collects the domain names of the RDATA (MX exchange, NS, CNAME, ...). */
static void fill_names(struct model *m, struct record *r, const ldns_rr *rr)
{
	size_t i, n = 0, count = ldns_rr_rd_count(rr);

	for (i = 0; i < count; i++)
		n += ldns_rdf_get_type(ldns_rr_rdf(rr, i)) == LDNS_RDF_TYPE_DNAME;
	if (!n)
		return;
	r->names = arena_alloc(&m->arena, n * sizeof(*r->names));
	for (i = 0; i < count; i++)
		if (ldns_rdf_get_type(ldns_rr_rdf(rr, i)) == LDNS_RDF_TYPE_DNAME)
			r->names[r->name_count++] =
				lower_dname(m, ldns_rr_rdf(rr, i));
}

static void fill_typed(struct model *m, struct record *r, const ldns_rr *rr)
{
	size_t len, count = ldns_rr_rd_count(rr);
	uint8_t *wire;

	switch (r->type) {
	case RR_TLSA:
		wire = rdata_wire(m, rr, &len);
		r->u.tlsa.usage = len > 0 ? wire[0] : 0;
		r->u.tlsa.selector = len > 1 ? wire[1] : 0;
		r->u.tlsa.mtype = len > 2 ? wire[2] : 0;
		r->u.tlsa.data = len > 3 ? wire + 3 : wire;
		r->u.tlsa.len = len > 3 ? len - 3 : 0;
		break;
	case RR_MX:
		if (count == 2) {
			r->u.mx.preference = ldns_rdf2native_int16(ldns_rr_rdf(rr, 0));
			r->u.mx.exchange = lower_dname(m, ldns_rr_rdf(rr, 1));
		}
		break;
	case RR_CNAME:
		if (count == 1)
			r->u.cname.target = lower_dname(m, ldns_rr_rdf(rr, 0));
		break;
	case RR_RRSIG:
		if (count >= 6) {
			r->u.rrsig.covered =
				ldns_rdf2native_int16(ldns_rr_rdf(rr, 0));
			r->u.rrsig.expiration = rdf_u32(rr, 4);
			r->u.rrsig.inception = rdf_u32(rr, 5);
		}
		break;
	case RR_SOA:
		if (count == 7) {
			r->u.soa.mname = lower_dname(m, ldns_rr_rdf(rr, 0));
			r->u.soa.rname = lower_dname(m, ldns_rr_rdf(rr, 1));
			r->u.soa.serial = rdf_u32(rr, 2);
			r->u.soa.refresh = rdf_u32(rr, 3);
			r->u.soa.retry = rdf_u32(rr, 4);
			r->u.soa.expire = rdf_u32(rr, 5);
			r->u.soa.minimum = rdf_u32(rr, 6);
		}
		break;
	default:
		break;
	}
}

/* FNV-1a step over len bytes, in lower case when fold is set. */
static uint64_t fnv(uint64_t h, const uint8_t *p, size_t len, bool fold)
{
	size_t i;

	for (i = 0; i < len; i++) {
		uint8_t c = p[i];

		if (fold && c >= 'A' && c <= 'Z')
			c = (uint8_t)(c + 'a' - 'A');
		h ^= c;
		h *= 1099511628211ULL;
	}
	return h;
}

/*
 * Hashes a record in wire form with every domain name in lower case (as
 * in the canonical form of RFC 4034, section 6.2, for all types): owner,
 * type, class, TTL and each RDATA field with its length.
 */
static uint64_t record_hash(const ldns_rr *rr)
{
	uint64_t h = 14695981039346656037ULL;
	const ldns_rdf *owner = ldns_rr_owner(rr);
	uint8_t fixed[8];
	size_t i;

	if (owner)
		h = fnv(h, ldns_rdf_data(owner), ldns_rdf_size(owner), true);
	ldns_write_uint16(fixed, (uint16_t)ldns_rr_get_type(rr));
	ldns_write_uint16(fixed + 2, (uint16_t)ldns_rr_get_class(rr));
	ldns_write_uint32(fixed + 4, ldns_rr_ttl(rr));
	h = fnv(h, fixed, sizeof(fixed), false);
	for (i = 0; i < ldns_rr_rd_count(rr); i++) {
		const ldns_rdf *f = ldns_rr_rdf(rr, i);

		ldns_write_uint16(fixed, (uint16_t)ldns_rdf_size(f));
		h = fnv(h, fixed, 2, false);
		h = fnv(h, ldns_rdf_data(f), ldns_rdf_size(f),
			ldns_rdf_get_type(f) == LDNS_RDF_TYPE_DNAME);
	}
	return h;
}

static void add_record(struct load_state *st, const char *path,
		       const struct scan_entry *e, const ldns_rr *rr)
{
	struct model *m = st->m;
	struct record *r = ARRAY_PUSH(m->records, m->record_count,
				      m->record_alloc);

	memset(r, 0, sizeof(*r));
	r->owner = lower_dname(m, ldns_rr_owner(rr));
	r->type = (uint16_t)ldns_rr_get_type(rr);
	r->ttl = ldns_rr_ttl(rr);
	r->file = path;
	r->line = e->line;
	r->column = 1;
	r->hash = record_hash(rr);
	fill_names(m, r, rr);
	/* only the TLSA rules read the text */
	if (r->type == RR_TLSA)
		r->rdata_text = arena_strdup(&m->arena,
					     rdata_start(e->text,
							 e->inherits_owner));
	fill_typed(m, r, rr);
}

/* True when a quoted string of text is longer than 255 bytes (RFC 1035,
 * section 3.3: a character-string has a one-byte length). */
static bool long_string(const char *text)
{
	const char *p = text;

	while ((p = strchr(p, '"'))) {
		size_t n = 0;

		for (p++; *p && *p != '"'; p++, n++)
			if (*p == '\\' && p[1])
				p++;
		if (n > 255)
			return true;
		if (*p)
			p++;
	}
	return false;
}

/* Returns a hint on how to write the record's type, or "". */
static const char *type_hint(const char *text, bool inherits_owner,
			     struct strbuf *out)
{
	const char *rdata = rdata_start(text, inherits_owner), *type = rdata;
	char name[16];
	size_t n;

	while (type > text && type[-1] == ' ')
		type--;
	for (n = 0; type > text && type[-1] != ' ' && n < sizeof(name) - 1; n++)
		type--;
	memcpy(name, type, n);
	name[n] = '\0';
	if (!n || (ldns_get_rr_type_by_name(name) == 0 &&
		   strncasecmp(name, "TYPE", 4) != 0)) {
		strbuf_addf(out, "; '%s' is not a record type that danelint "
			    "knows, so check the type, or the TTL and class "
			    "before it", name);
		return strbuf_str(out);
	}
	if (strcasecmp(name, "TXT") == 0 && long_string(rdata))
		return "; a quoted string holds at most 255 bytes, so split it "
		       "into several quoted strings";
	if (strcasecmp(name, "A") == 0)
		return "; write an IPv4 address such as 192.0.2.1";
	if (strcasecmp(name, "AAAA") == 0)
		return "; write an IPv6 address such as 2001:db8::1";
	if (strcasecmp(name, "MX") == 0)
		return "; write a preference and a host, as in 'MX 10 mx1'";
	if (strcasecmp(name, "TLSA") == 0)
		return "; write usage, selector, matching type and hex data, "
		       "as in 'TLSA 3 1 1 <64 hex digits>'";
	return "";
}

static size_t rdata_size(const ldns_rr *rr)
{
	size_t i, total = 0;

	for (i = 0; i < ldns_rr_rd_count(rr); i++)
		total += ldns_rdf_size(ldns_rr_rdf(rr, i));
	return total;
}

/* Is the record's owner at or below the zone's origin (RFC 1035, 5.2)?
 * Compares wire forms: the apex must be a suffix on a label boundary. */
static bool in_zone(const struct load_state *st, const ldns_rr *rr)
{
	const ldns_rdf *owner = ldns_rr_owner(rr);
	const uint8_t *name, *apex;
	size_t nlen, alen, i = 0, k;

	if (!st->apex)
		return true;
	name = ldns_rdf_data(owner);
	nlen = ldns_rdf_size(owner);
	apex = ldns_rdf_data(st->apex);
	alen = ldns_rdf_size(st->apex);
	while (i < nlen && nlen - i > alen && name[i])
		i += 1u + name[i];
	if (i > nlen || nlen - i != alen)
		return false;
	for (k = 0; k < alen; k++) {
		uint8_t a = name[i + k], b = apex[k];

		if (a >= 'A' && a <= 'Z')
			a = (uint8_t)(a + 'a' - 'A');
		if (b >= 'A' && b <= 'Z')
			b = (uint8_t)(b + 'a' - 'A');
		if (a != b)
			return false;
	}
	return true;
}

static void parse_record(struct load_state *st, const char *path,
			 const struct scan_entry *e)
{
	ldns_rr *rr = NULL;
	ldns_status status;

	if (e->inherits_owner && !st->prev) {
		syntax_error(st, path, e->line, "record has no owner name; "
			     "start the first record of a file with a name in "
			     "the first column");
		return;
	}
	rr = st->check_fast_path
		? zone_fast_parse_checked(e->text, e->inherits_owner,
					  st->default_ttl, st->origin, &st->prev)
		: zone_fast_parse(e->text, e->inherits_owner, st->default_ttl,
				  st->origin, &st->prev);
	status = rr ? LDNS_STATUS_OK
		    : ldns_rr_new_frm_str(&rr, e->text, st->default_ttl,
					  st->origin, &st->prev);
	if (status != LDNS_STATUS_OK) {
		struct strbuf hint;

		strbuf_init(&hint);
		syntax_error(st, path, e->line, "invalid record '%.60s%s' (%s)%s",
			     e->text + (e->text[0] == ' '),
			     strlen(e->text) > 61 ? "..." : "",
			     ldns_get_errorstr_by_id(status),
			     type_hint(e->text, e->inherits_owner, &hint));
		strbuf_release(&hint);
		return;
	}
	/* ldns 1.8.3 silently drops what does not fit in about 64 KiB, so
	 * RDATA near that size was most likely cut short. */
	if (rdata_size(rr) >= 64000 || strlen(e->text) > 2 * 65535 + 1024) {
		syntax_error(st, path, e->line, "RDATA of the record is too "
			     "long: a record holds at most 65535 bytes (RFC "
			     "1035, section 3.2.1), and no DNS message carries "
			     "one this size; shorten it");
	} else if (!in_zone(st, rr)) {
		char *owner = ldns_rdf2str(ldns_rr_owner(rr));
		char *apex = ldns_rdf2str(st->apex);
		struct syntax_error *err;

		model_add_syntax_error(st->m, path, e->line, 1, "'%s' lies "
				       "outside the zone '%s', so name servers "
				       "ignore the record; move it to the zone "
				       "file of its own domain", owner ? owner : "?",
				       apex ? apex : "?");
		err = &st->m->errors[st->m->error_count - 1];
		err->kind = LOAD_OUT_OF_ZONE;
		free(owner);
		free(apex);
	} else {
		add_record(st, path, e, rr);
	}
	ldns_rr_free(rr);
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
		if (*text == '$') {
			directive(st, path, e.line, text);
			continue;
		}
		parse_record(st, path, &e);
	}
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
		n = next_token(&p);
		if (n == 7 && strncasecmp(p, "$ORIGIN", 7) == 0) {
			q = p + n;
			n = next_token(&q);
			if (n && q[n - 1] == '.') {
				free(origin);
				origin = xstrndup(q, n);
			}
			continue;
		}
		if (*p == '$')
			continue;
		q = rdata_start(e.text, e.inherits_owner);
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
		z->origin = lower_dname(m, st.origin);
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
	free(st.pending);
	free(found);
	free(data);
	return 0;
}
