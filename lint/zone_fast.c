/* SPDX-License-Identifier: BSD-3-Clause */
/* Fast path of the zone loader: plain records parsed field by field. */
#include "zone_fast.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>

/* More fields than any record of the fast path has, TXT strings aside. */
#define MAX_TOKENS 64
/* Longest TLSA association data the fast path takes, in hex digits. */
#define MAX_HEX 4096
/* ldns's TTL for records when the default TTL is 0. */
#define LDNS_FALLBACK_TTL 3600

struct token {
	const char *p;
	size_t n;
};

/*
 * Splits scanner text at blanks. A token that starts with '"' runs to the
 * next '"' and keeps both quotes. Returns the count, or -1 for text the
 * fast path leaves to ldns: a backslash, a quote inside a token, an
 * unterminated string or too many tokens.
 */
static int tokenize(const char *text, struct token *t)
{
	const char *p = text;
	int n = 0;

	for (;;) {
		const char *start;

		while (*p == ' ')
			p++;
		if (!*p)
			return n;
		if (n == MAX_TOKENS)
			return -1;
		start = p;
		if (*p == '"') {
			p = strchr(p + 1, '"');
			if (!p)
				return -1;
			p++;
			if (*p && *p != ' ')
				return -1;
		} else {
			while (*p && *p != ' ') {
				if (*p == '"' || *p == '\\')
					return -1;
				p++;
			}
		}
		t[n].p = start;
		t[n].n = (size_t)(p - start);
		n++;
	}
}

/* Character classes of the fields the fast path takes. */
enum {
	C_DIGIT = 1,	/* 0-9 */
	C_HEX = 2,	/* 0-9 a-f A-F */
	C_NAME = 4,	/* letters, digits, '-', '_', '*', '.' */
	C_IPV4 = 8,	/* digits and '.' */
	C_IPV6 = 16,	/* hex digits, ':' and '.' */
};

/* Classes of one character, from the list in make_classes(). */
static unsigned char classes[256];
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static void make_classes(void)
{
	unsigned c;

	for (c = 0; c < 256; c++) {
		unsigned char k = 0;

		if (c >= '0' && c <= '9')
			k |= C_DIGIT | C_HEX | C_NAME | C_IPV4 | C_IPV6;
		if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
			k |= C_HEX | C_IPV6;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '-' || c == '_' || c == '*')
			k |= C_NAME;
		if (c == '.')
			k |= C_NAME | C_IPV4 | C_IPV6;
		if (c == ':')
			k |= C_IPV6;
		classes[c] = k;
	}
}

/* Are all characters of t, at least one, of class k? */
static bool all_in(const struct token *t, unsigned char k)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!(classes[(unsigned char)t->p[i]] & k))
			return false;
	return t->n > 0;
}

static bool equals(const struct token *t, const char *word)
{
	return t->n == strlen(word) && strncasecmp(t->p, word, t->n) == 0;
}

/* Copies a token into buf as a string; false when it does not fit. */
static bool copy(const struct token *t, char *buf, size_t size)
{
	if (t->n >= size)
		return false;
	memcpy(buf, t->p, t->n);
	buf[t->n] = '\0';
	return true;
}

/* A decimal number of at most digits digits and max in value. */
static bool number(const struct token *t, size_t digits, unsigned long max,
		   unsigned long *out)
{
	unsigned long v = 0;
	size_t i;

	if (t->n == 0 || t->n > digits || !all_in(t, C_DIGIT))
		return false;
	for (i = 0; i < t->n; i++)
		v = v * 10 + (unsigned long)(t->p[i] - '0');
	*out = v;
	return v <= max;
}

/* The bytes of a record's wire form that the fast path writes. */
struct wire_out {
	struct fast_record *rec;
	size_t used;	/* of rec->data */
};

/* Adds a field of ldns type rdf_type and len bytes; returns its bytes, or
 * NULL when the record is full. */
static uint8_t *add_field(struct wire_out *w, ldns_rdf_type rdf_type,
			  size_t len)
{
	struct fast_record *r = w->rec;
	struct fast_field *f;

	if (r->field_count == ZONE_FAST_MAX_FIELDS ||
	    len > sizeof(r->data) - w->used)
		return NULL;
	f = &r->fields[r->field_count++];
	f->rdf_type = rdf_type;
	f->data = r->data + w->used;
	f->len = len;
	w->used += len;
	return (uint8_t *)f->data;
}

/*
 * Writes a plain domain name, "mx1" or "mx1.example.net.", in wire form
 * to out (255 bytes at most). A relative name gets origin appended, and
 * "@" is the origin. Returns the length, or 0 for anything else, such as
 * escapes, empty or long labels and names that would be too long.
 */
static size_t plain_name(const struct token *t, const ldns_rdf *origin,
			 uint8_t out[LDNS_MAX_DOMAINLEN])
{
	size_t len = 0, i = 0, label;
	bool absolute;

	if (t->n == 1 && t->p[0] == '@') {
		if (!origin || ldns_rdf_size(origin) > LDNS_MAX_DOMAINLEN)
			return 0;
		memcpy(out, ldns_rdf_data(origin), ldns_rdf_size(origin));
		return ldns_rdf_size(origin);
	}
	if (t->n < 2 || t->n > LDNS_MAX_DOMAINLEN || !all_in(t, C_NAME) ||
	    t->p[0] == '.')
		return 0;
	absolute = t->p[t->n - 1] == '.';
	while (i < t->n) {
		for (label = 0; i + label < t->n && t->p[i + label] != '.';
		     label++)
			;
		/* room for the label and the root label after it */
		if (label == 0 || label > LDNS_MAX_LABELLEN ||
		    len + 1 + label + 1 > LDNS_MAX_DOMAINLEN)
			return 0;
		out[len++] = (uint8_t)label;
		memcpy(out + len, t->p + i, label);
		len += label;
		i += label + 1;
	}
	if (absolute) {
		out[len++] = 0;
		return len;
	}
	if (!origin || len + ldns_rdf_size(origin) > LDNS_MAX_DOMAINLEN)
		return 0;
	memcpy(out + len, ldns_rdf_data(origin), ldns_rdf_size(origin));
	return len + ldns_rdf_size(origin);
}

static bool name_field(struct wire_out *w, const struct token *t,
		       const ldns_rdf *origin)
{
	uint8_t name[LDNS_MAX_DOMAINLEN];
	size_t len = plain_name(t, origin, name);
	uint8_t *out;

	if (!len || !(out = add_field(w, LDNS_RDF_TYPE_DNAME, len)))
		return false;
	memcpy(out, name, len);
	return true;
}

/* A decimal field of bytes bytes (1 or 2), at most max. */
static bool number_field(struct wire_out *w, ldns_rdf_type rdf_type,
			 const struct token *t, size_t bytes,
			 unsigned long max)
{
	unsigned long v;
	uint8_t *out;

	if (!number(t, bytes == 1 ? 3 : 5, max, &v) ||
	    !(out = add_field(w, rdf_type, bytes)))
		return false;
	if (bytes == 2)
		*out++ = (uint8_t)(v >> 8);
	*out = (uint8_t)v;
	return true;
}

/* An IPv4 (family AF_INET) or IPv6 address, as inet_pton reads it. */
static bool address_field(struct wire_out *w, const struct token *t,
			  int family)
{
	char buf[INET6_ADDRSTRLEN];
	uint8_t *out;
	bool v4 = family == AF_INET;

	if (!all_in(t, v4 ? C_IPV4 : C_IPV6) || !copy(t, buf, sizeof(buf)) ||
	    !(out = add_field(w, v4 ? LDNS_RDF_TYPE_A : LDNS_RDF_TYPE_AAAA,
			      v4 ? 4 : 16)))
		return false;
	return inet_pton(family, buf, out) == 1;
}

/* A quoted string of printable ASCII without ';', '(', ')' or '\\'. */
static bool text_field(struct wire_out *w, const struct token *t)
{
	size_t i, len = t->n - 2;
	uint8_t *out;

	if (t->n < 2 || t->p[0] != '"' || t->p[t->n - 1] != '"' || len > 255)
		return false;
	for (i = 1; i + 1 < t->n; i++) {
		unsigned char c = (unsigned char)t->p[i];

		if (c < 0x20 || c > 0x7e || c == ';' || c == '(' || c == ')' ||
		    c == '\\')
			return false;
	}
	if (!(out = add_field(w, LDNS_RDF_TYPE_STR, len + 1)))
		return false;
	out[0] = (uint8_t)len;
	memcpy(out + 1, t->p + 1, len);
	return true;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

/* Hex association data in one or more tokens, an even number of digits. */
static bool hex_field(struct wire_out *w, ldns_rdf_type rdf_type,
		      const struct token *t, int count)
{
	size_t len = 0, k = 0, j;
	uint8_t *out;
	int high = -1, i;

	for (i = 0; i < count; i++) {
		if (!all_in(&t[i], C_HEX))
			return false;
		len += t[i].n;
	}
	if (!count || len % 2 || len > MAX_HEX ||
	    !(out = add_field(w, rdf_type, len / 2)))
		return false;
	for (i = 0; i < count; i++)
		for (j = 0; j < t[i].n; j++) {
			int v = hex_value(t[i].p[j]);

			if (high < 0) {
				high = v;
			} else {
				out[k++] = (uint8_t)(high << 4 | v);
				high = -1;
			}
		}
	return true;
}

/* The ldns type of field k of type. */
static ldns_rdf_type field_type(ldns_rr_type type, size_t k)
{
	return ldns_rr_descriptor_field_type(ldns_rr_descript((uint16_t)type),
					     k);
}

/* Reads the RDATA tokens of type; false when the fast path does not take
 * them. */
static bool parse_rdata(struct wire_out *w, ldns_rr_type type,
			const struct token *t, int n, const ldns_rdf *origin)
{
	switch (type) {
	case LDNS_RR_TYPE_A:
		return n == 1 && address_field(w, &t[0], AF_INET);
	case LDNS_RR_TYPE_AAAA:
		return n == 1 && t[0].n <= 45 &&
		       address_field(w, &t[0], AF_INET6);
	case LDNS_RR_TYPE_NS:
	case LDNS_RR_TYPE_CNAME:
	case LDNS_RR_TYPE_PTR:
		return n == 1 && name_field(w, &t[0], origin);
	case LDNS_RR_TYPE_MX:
		return n == 2 &&
		       number_field(w, field_type(type, 0), &t[0], 2, 65535) &&
		       name_field(w, &t[1], origin);
	case LDNS_RR_TYPE_TXT:
		/* one string: several take ldns's path, which joins them */
		return n == 1 && text_field(w, &t[0]);
	case LDNS_RR_TYPE_TLSA:
		return n >= 4 &&
		       number_field(w, field_type(type, 0), &t[0], 1, 255) &&
		       number_field(w, field_type(type, 1), &t[1], 1, 255) &&
		       number_field(w, field_type(type, 2), &t[2], 1, 255) &&
		       hex_field(w, field_type(type, 3), &t[3], n - 3);
	default:
		return false;
	}
}

static ldns_rr_type fast_type(const struct token *t)
{
	static const struct {
		const char *name;
		ldns_rr_type type;
	} types[] = {
		{ "A", LDNS_RR_TYPE_A },       { "AAAA", LDNS_RR_TYPE_AAAA },
		{ "NS", LDNS_RR_TYPE_NS },     { "CNAME", LDNS_RR_TYPE_CNAME },
		{ "PTR", LDNS_RR_TYPE_PTR },   { "MX", LDNS_RR_TYPE_MX },
		{ "TXT", LDNS_RR_TYPE_TXT },   { "TLSA", LDNS_RR_TYPE_TLSA },
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (equals(t, types[i].name))
			return types[i].type;
	return 0;
}

bool zone_fast_read(const char *text, bool inherits_owner,
		    uint32_t default_ttl, const ldns_rdf *origin,
		    const ldns_rdf *prev, struct fast_record *out)
{
	struct token t[MAX_TOKENS];
	struct wire_out w = { out, 0 };
	int n = tokenize(text, t), i = 0;
	unsigned long ttl = default_ttl ? default_ttl : LDNS_FALLBACK_TTL;

	pthread_once(&classes_once, make_classes);
	out->field_count = 0;
	/* ldns takes the owner of the record before when the text starts
	 * with a blank, whatever the scanner saw ("(IN MX 10 mx)") */
	if (n < 2 || (text[0] == ' ') != inherits_owner)
		return false;
	if (inherits_owner) {
		if (!prev || ldns_rdf_size(prev) > LDNS_MAX_DOMAINLEN)
			return false;
		out->owner_len = ldns_rdf_size(prev);
		memcpy(out->owner, ldns_rdf_data(prev), out->owner_len);
	} else if (!(out->owner_len = plain_name(&t[i++], origin,
						 out->owner))) {
		return false;
	}
	if (i < n && t[i].n && t[i].p[0] >= '0' && t[i].p[0] <= '9' &&
	    !number(&t[i++], 10, 2147483647UL, &ttl))
		return false;
	if (i < n && equals(&t[i], "IN"))
		i++;
	if (i >= n || !(out->type = (uint16_t)fast_type(&t[i++])))
		return false;
	out->ttl = (uint32_t)ttl;
	return parse_rdata(&w, out->type, t + i, n - i, origin);
}

ldns_rr *zone_fast_rr(const struct fast_record *r)
{
	ldns_rr *rr = ldns_rr_new();
	size_t i;

	if (!rr)
		return NULL;
	ldns_rr_set_owner(rr, ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME,
						    r->owner_len, r->owner));
	ldns_rr_set_ttl(rr, r->ttl);
	ldns_rr_set_class(rr, LDNS_RR_CLASS_IN);
	ldns_rr_set_type(rr, r->type);
	for (i = 0; i < r->field_count; i++)
		ldns_rr_push_rdf(rr, ldns_rdf_new_frm_data(
				     r->fields[i].rdf_type, r->fields[i].len,
				     r->fields[i].data));
	return rr;
}

static bool same_rdf(const ldns_rdf *a, const ldns_rdf *b)
{
	if (!a || !b)
		return a == b;
	return ldns_rdf_get_type(a) == ldns_rdf_get_type(b) &&
	       ldns_rdf_size(a) == ldns_rdf_size(b) &&
	       memcmp(ldns_rdf_data(a), ldns_rdf_data(b), ldns_rdf_size(a)) == 0;
}

static bool same_rr(const ldns_rr *a, const ldns_rr *b)
{
	size_t i;

	if (!a || !b || !same_rdf(ldns_rr_owner(a), ldns_rr_owner(b)) ||
	    ldns_rr_ttl(a) != ldns_rr_ttl(b) ||
	    ldns_rr_get_class(a) != ldns_rr_get_class(b) ||
	    ldns_rr_get_type(a) != ldns_rr_get_type(b) ||
	    ldns_rr_rd_count(a) != ldns_rr_rd_count(b))
		return false;
	for (i = 0; i < ldns_rr_rd_count(a); i++)
		if (!same_rdf(ldns_rr_rdf(a, i), ldns_rr_rdf(b, i)))
			return false;
	return true;
}

void zone_fast_check(const struct fast_record *r, const char *text,
		     uint32_t default_ttl, const ldns_rdf *origin,
		     const ldns_rdf *prev)
{
	ldns_rdf *slow_prev = prev ? ldns_rdf_clone(prev) : NULL;
	ldns_rr *fast = zone_fast_rr(r), *slow = NULL;
	ldns_status status;

	status = ldns_rr_new_frm_str(&slow, text, default_ttl,
				     (ldns_rdf *)origin, &slow_prev);
	/* ldns takes the record's owner as the one later records inherit */
	if (status != LDNS_STATUS_OK || !same_rr(fast, slow) ||
	    !same_rdf(ldns_rr_owner(fast), slow_prev)) {
		fprintf(stderr, "danelint: the fast path and ldns read '%s' "
			"differently (ldns: %s)\n", text,
			ldns_get_errorstr_by_id(status));
		abort();
	}
	ldns_rr_free(fast);
	ldns_rr_free(slow);
	ldns_rdf_deep_free(slow_prev);
}
