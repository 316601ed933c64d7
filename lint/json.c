/* SPDX-License-Identifier: BSD-3-Clause */
/* A recursive-descent JSON parser (RFC 8259) into an arena. */
#include "json.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct parser {
	const unsigned char *start;
	const unsigned char *p;
	const unsigned char *end;
	struct arena *arena;
	struct strbuf *err;
	bool failed;
	int depth;
};

static int parse_value(struct parser *ps, struct json_value *out);

/* Records the first error only; the callers unwind with -1. */
static int fail(struct parser *ps, const char *why)
{
	if (!ps->failed)
		strbuf_addf(ps->err, "at byte %zu: %s",
			    (size_t)(ps->p - ps->start), why);
	ps->failed = true;
	return -1;
}

static void skip_space(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' ||
				   *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

/* Consumes the literal word (true, false, null) at ps->p. */
static int parse_word(struct parser *ps, const char *word, enum json_type type,
		      struct json_value *out)
{
	size_t n = strlen(word);

	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return fail(ps, "invalid literal; expected true, false or null");
	ps->p += n;
	out->type = type;
	return 0;
}

static bool is_digit(const unsigned char *p, const unsigned char *end)
{
	return p < end && *p >= '0' && *p <= '9';
}

static const unsigned char *skip_digits(const unsigned char *p,
					const unsigned char *end)
{
	while (is_digit(p, end))
		p++;
	return p;
}

/* -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)? */
static int parse_number(struct parser *ps, struct json_value *out)
{
	const unsigned char *p = ps->p, *end = ps->end;
	char *text;

	if (p < end && *p == '-')
		p++;
	if (!is_digit(p, end))
		return fail(ps, "invalid number: expected a digit");
	p = *p == '0' ? p + 1 : skip_digits(p, end);
	if (p < end && *p == '.') {
		if (!is_digit(++p, end))
			return fail(ps, "invalid number: expected a digit after "
				    "the decimal point");
		p = skip_digits(p, end);
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!is_digit(p, end))
			return fail(ps, "invalid number: expected a digit in "
				    "the exponent");
		p = skip_digits(p, end);
	}
	text = arena_strndup(ps->arena, (const char *)ps->p,
			     (size_t)(p - ps->p));
	out->type = JSON_NUMBER;
	out->text = text;
	out->len = (size_t)(p - ps->p);
	out->number = strtod(text, NULL);
	ps->p = p;
	return 0;
}

/*
 * Decodes the UTF-8 sequence at p (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). Returns its length, or 0.
 */
static size_t utf8_sequence(const unsigned char *p, const unsigned char *end)
{
	size_t n, i;
	unsigned long cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

/* Appends code point cp (at most U+10FFFF) to out as UTF-8. */
static size_t put_utf8(char *out, unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Reads the four hex digits of a \u escape at ps->p. */
static int hex4(struct parser *ps, unsigned long *out)
{
	int i;

	*out = 0;
	if (ps->end - ps->p < 4)
		return fail(ps, "invalid \\u escape: expected four hex digits");
	for (i = 0; i < 4; i++) {
		unsigned char c = ps->p[i];
		unsigned long d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (unsigned long)((c | 0x20) - 'a' + 10);
		else
			return fail(ps, "invalid \\u escape: expected four "
				    "hex digits");
		*out = (*out << 4) | d;
	}
	ps->p += 4;
	return 0;
}

/*
 * Decodes the \u escape after the backslash and 'u' at ps->p, joining a
 * surrogate pair. A lone surrogate becomes U+FFFD, as it has no UTF-8
 * form. At most 4 bytes are written: no more than the 6 or 12 read.
 */
static int unicode_escape(struct parser *ps, char *out, size_t *n)
{
	unsigned long cp, low;

	if (hex4(ps, &cp) < 0)
		return -1;
	if (cp >= 0xd800 && cp <= 0xdbff && ps->end - ps->p >= 6 &&
	    ps->p[0] == '\\' && ps->p[1] == 'u') {
		const unsigned char *save = ps->p;

		ps->p += 2;
		if (hex4(ps, &low) < 0)
			return -1;
		if (low >= 0xdc00 && low <= 0xdfff)
			cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
		else
			ps->p = save;
	}
	if (cp >= 0xd800 && cp <= 0xdfff)
		cp = 0xfffd;
	*n = put_utf8(out, cp);
	return 0;
}

static int escape(struct parser *ps, char *out, size_t *n)
{
	static const char from[] = "\"\\/bfnrt";
	static const char to[] = "\"\\/\b\f\n\r\t";
	const char *hit;

	if (ps->p >= ps->end)
		return fail(ps, "unterminated string");
	if (*ps->p == 'u') {
		ps->p++;
		return unicode_escape(ps, out, n);
	}
	hit = *ps->p ? strchr(from, *ps->p) : NULL;
	if (!hit)
		return fail(ps, "invalid escape in a string");
	ps->p++;
	out[0] = to[hit - from];
	*n = 1;
	return 0;
}

/*
 * Decodes the string whose opening quote is at ps->p. Escapes never
 * decode to more bytes than they take, so the text fits in the raw length.
 */
static int parse_string(struct parser *ps, const char **text, size_t *len)
{
	const unsigned char *close = ++ps->p;
	char *out, piece[4];
	size_t n = 0, cap;

	while (close < ps->end && *close != '"')
		close += (*close == '\\' && close + 1 < ps->end) ? 2 : 1;
	cap = (size_t)(close - ps->p);
	out = arena_alloc(ps->arena, cap + 1);
	while (ps->p < ps->end && *ps->p != '"') {
		size_t step;

		if (*ps->p < 0x20)
			return fail(ps, "control character in a string; "
				    "escape it");
		if (*ps->p == '\\') {
			ps->p++;
			if (escape(ps, piece, &step) < 0)
				return -1;
		} else {
			step = utf8_sequence(ps->p, ps->end);
			if (!step)
				return fail(ps, "invalid UTF-8 in a string");
			memcpy(piece, ps->p, step);
			ps->p += step;
		}
		/* Cannot happen (see above); checked all the same. */
		if (n + step > cap)
			return fail(ps, "string longer than its input");
		memcpy(out + n, piece, step);
		n += step;
	}
	if (ps->p >= ps->end)
		return fail(ps, "unterminated string");
	ps->p++;
	out[n] = '\0';
	*text = out;
	*len = n;
	return 0;
}

/* A growable list of values or members, copied into the arena when done. */
struct list {
	void *items;
	size_t count;
	size_t alloc;
};

/* Moves the list's size-byte items into the arena. */
static void *list_to_arena(struct parser *ps, struct list *l, size_t size)
{
	void *out = l->count ? arena_memdup(ps->arena, l->items,
					    l->count * size) : NULL;

	free(l->items);
	l->items = NULL;
	return out;
}

/* Parses the value at ps->p into a new list element. */
static int parse_item(struct parser *ps, struct list *l)
{
	struct json_value *v;

	array_grow(&l->items, &l->alloc, l->count, sizeof(*v));
	v = (struct json_value *)l->items + l->count;
	memset(v, 0, sizeof(*v));
	if (parse_value(ps, v) < 0)
		return -1;
	l->count++;
	return 0;
}

/* Parses "," or the closing bracket after an element; 1 at the end. */
static int next_or_close(struct parser *ps, unsigned char close)
{
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == ',') {
		ps->p++;
		return 0;
	}
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return 1;
	}
	return fail(ps, close == ']' ? "expected ',' or ']' in an array"
				     : "expected ',' or '}' in an object");
}

static int parse_array(struct parser *ps, struct json_value *out)
{
	struct list l = { NULL, 0, 0 };
	int rc = 0;

	ps->p++;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == ']')
		ps->p++;
	else
		while ((rc = parse_item(ps, &l)) == 0 &&
		       (rc = next_or_close(ps, ']')) == 0)
			;
	out->type = JSON_ARRAY;
	out->count = l.count;
	out->items = list_to_arena(ps, &l, sizeof(struct json_value));
	return rc < 0 ? -1 : 0;
}

/* Parses one "key": value pair into a new list element. */
static int parse_member(struct parser *ps, struct list *l)
{
	struct json_member *m;

	skip_space(ps);
	if (ps->p >= ps->end || *ps->p != '"')
		return fail(ps, "expected a string as the object key");
	array_grow(&l->items, &l->alloc, l->count, sizeof(*m));
	m = (struct json_member *)l->items + l->count;
	memset(m, 0, sizeof(*m));
	if (parse_string(ps, &m->key, &m->key_len) < 0)
		return -1;
	skip_space(ps);
	if (ps->p >= ps->end || *ps->p != ':')
		return fail(ps, "expected ':' after the object key");
	ps->p++;
	if (parse_value(ps, &m->value) < 0)
		return -1;
	l->count++;
	return 0;
}

static int parse_object(struct parser *ps, struct json_value *out)
{
	struct list l = { NULL, 0, 0 };
	int rc = 0;

	ps->p++;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == '}')
		ps->p++;
	else
		while ((rc = parse_member(ps, &l)) == 0 &&
		       (rc = next_or_close(ps, '}')) == 0)
			;
	out->type = JSON_OBJECT;
	out->count = l.count;
	out->members = list_to_arena(ps, &l, sizeof(struct json_member));
	return rc < 0 ? -1 : 0;
}

/* Parses arrays and objects, with the depth limit that bounds the stack. */
static int parse_nested(struct parser *ps, struct json_value *out)
{
	int rc;

	if (ps->depth >= JSON_MAX_DEPTH)
		return fail(ps, "arrays and objects nested too deep");
	ps->depth++;
	rc = *ps->p == '[' ? parse_array(ps, out) : parse_object(ps, out);
	ps->depth--;
	return rc;
}

static int parse_value(struct parser *ps, struct json_value *out)
{
	skip_space(ps);
	if (ps->p >= ps->end)
		return fail(ps, "unexpected end of input; expected a value");
	switch (*ps->p) {
	case '{':
	case '[':
		return parse_nested(ps, out);
	case '"':
		out->type = JSON_STRING;
		return parse_string(ps, &out->text, &out->len);
	case 't':
		return parse_word(ps, "true", JSON_TRUE, out);
	case 'f':
		return parse_word(ps, "false", JSON_FALSE, out);
	case 'n':
		return parse_word(ps, "null", JSON_NULL, out);
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return parse_number(ps, out);
		return fail(ps, "unexpected character; expected a value");
	}
}

int json_parse(struct json_doc *doc, const char *data, size_t len,
	       struct strbuf *err)
{
	struct parser ps;

	memset(doc, 0, sizeof(*doc));
	arena_init(&doc->arena);
	ps.start = ps.p = (const unsigned char *)data;
	ps.end = ps.start + len;
	ps.arena = &doc->arena;
	ps.err = err;
	ps.failed = false;
	ps.depth = 0;
	if (parse_value(&ps, &doc->root) < 0)
		return -1;
	skip_space(&ps);
	if (ps.p != ps.end)
		return fail(&ps, "unexpected text after the value");
	return 0;
}

void json_doc_release(struct json_doc *doc)
{
	arena_release(&doc->arena);
	memset(doc, 0, sizeof(*doc));
}

const struct json_value *json_get(const struct json_value *obj,
				  const char *key)
{
	size_t i, n = strlen(key);

	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (i = obj->count; i-- > 0;)
		if (obj->members[i].key_len == n &&
		    memcmp(obj->members[i].key, key, n) == 0)
			return &obj->members[i].value;
	return NULL;
}

const char *json_string_of(const struct json_value *v)
{
	if (!v || v->type != JSON_STRING || strlen(v->text) != v->len)
		return NULL;
	return v->text;
}
