/* SPDX-License-Identifier: BSD-3-Clause */
/* Fast path of the zone loader: plain records parsed field by field. */
#include "zone_fast.h"

#include <pthread.h>
#include <stdio.h>
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

/*
 * Parses a plain domain name, "mx1" or "mx1.example.net.", relative ones
 * against origin; "@" is the origin. Returns NULL for anything else.
 */
static ldns_rdf *plain_name(const struct token *t, const ldns_rdf *origin)
{
	char buf[256];
	ldns_rdf *rdf = NULL;

	if (t->n == 1 && t->p[0] == '@')
		return origin ? ldns_rdf_clone(origin) : NULL;
	if (t->n < 2 || !all_in(t, C_NAME) || t->p[0] == '.' ||
	    !copy(t, buf, sizeof(buf)) || strstr(buf, ".."))
		return NULL;
	if (ldns_str2rdf_dname(&rdf, buf) != LDNS_STATUS_OK)
		return NULL;
	if (buf[t->n - 1] != '.') {
		if (!origin || ldns_dname_cat(rdf, origin) != LDNS_STATUS_OK) {
			ldns_rdf_deep_free(rdf);
			return NULL;
		}
	}
	return rdf;
}

/* Parses field k of type with ldns, after checking its characters. */
static ldns_rdf *field(ldns_rr_type type, size_t k, const struct token *t,
		       unsigned char chars, size_t max)
{
	const ldns_rr_descriptor *desc = ldns_rr_descript((uint16_t)type);
	char buf[64];

	if (!desc || t->n > max || !all_in(t, chars) ||
	    !copy(t, buf, sizeof(buf)))
		return NULL;
	return ldns_rdf_new_frm_str(ldns_rr_descriptor_field_type(desc, k),
				    buf);
}

static ldns_rdf *number_field(ldns_rr_type type, size_t k,
			      const struct token *t, size_t digits,
			      unsigned long max)
{
	unsigned long v;

	if (!number(t, digits, max, &v))
		return NULL;
	return field(type, k, t, C_DIGIT, digits);
}

/* A quoted string of printable ASCII without ';', '(', ')' or '\\'. */
static ldns_rdf *text_field(const struct token *t)
{
	char buf[256];
	size_t i;
	ldns_rdf *rdf = NULL;

	if (t->n < 2 || t->p[0] != '"' || t->p[t->n - 1] != '"' ||
	    t->n - 2 >= sizeof(buf))
		return NULL;
	for (i = 1; i + 1 < t->n; i++) {
		unsigned char c = (unsigned char)t->p[i];

		if (c < 0x20 || c > 0x7e || c == ';' || c == '(' || c == ')')
			return NULL;
	}
	memcpy(buf, t->p + 1, t->n - 2);
	buf[t->n - 2] = '\0';
	if (ldns_str2rdf_str(&rdf, buf) != LDNS_STATUS_OK)
		return NULL;
	return rdf;
}

/* Hex association data in one or more tokens, an even number of digits. */
static ldns_rdf *hex_field(const struct token *t, int count)
{
	char *buf;
	size_t len = 0;
	ldns_rdf *rdf;
	int i;

	for (i = 0; i < count; i++) {
		if (!all_in(&t[i], C_HEX))
			return NULL;
		len += t[i].n;
	}
	if (!count || len % 2 || len > MAX_HEX)
		return NULL;
	buf = malloc(len + 1);
	if (!buf)
		return NULL;
	len = 0;
	for (i = 0; i < count; i++) {
		memcpy(buf + len, t[i].p, t[i].n);
		len += t[i].n;
	}
	buf[len] = '\0';
	rdf = ldns_rdf_new_frm_str(ldns_rr_descriptor_field_type(
					   ldns_rr_descript(LDNS_RR_TYPE_TLSA), 3),
				   buf);
	free(buf);
	return rdf;
}

/* Parses the RDATA tokens of type into rr; false when the fast path
 * does not take them. */
static bool parse_rdata(ldns_rr *rr, ldns_rr_type type, const struct token *t,
			int n, const ldns_rdf *origin)
{
	ldns_rdf *f[4] = { NULL, NULL, NULL, NULL };
	int i, count = 0;

	switch (type) {
	case LDNS_RR_TYPE_A:
		if (n == 1 && (f[0] = field(type, 0, &t[0], C_IPV4, 15)))
			count = 1;
		break;
	case LDNS_RR_TYPE_AAAA:
		if (n == 1 && (f[0] = field(type, 0, &t[0], C_IPV6, 45)))
			count = 1;
		break;
	case LDNS_RR_TYPE_NS:
	case LDNS_RR_TYPE_CNAME:
	case LDNS_RR_TYPE_PTR:
		if (n == 1 && (f[0] = plain_name(&t[0], origin)))
			count = 1;
		break;
	case LDNS_RR_TYPE_MX:
		if (n == 2 && (f[0] = number_field(type, 0, &t[0], 5, 65535)) &&
		    (f[1] = plain_name(&t[1], origin)))
			count = 2;
		break;
	case LDNS_RR_TYPE_TXT:
		/* one string: several take ldns's path, which joins them */
		if (n == 1 && (f[0] = text_field(&t[0])))
			count = 1;
		break;
	case LDNS_RR_TYPE_TLSA:
		if (n >= 4 && (f[0] = number_field(type, 0, &t[0], 3, 255)) &&
		    (f[1] = number_field(type, 1, &t[1], 3, 255)) &&
		    (f[2] = number_field(type, 2, &t[2], 3, 255)) &&
		    (f[3] = hex_field(&t[3], n - 3)))
			count = 4;
		break;
	default:
		break;
	}
	if (!count) {
		for (i = 0; i < 4; i++)
			ldns_rdf_deep_free(f[i]);
		return false;
	}
	for (i = 0; i < count; i++)
		ldns_rr_push_rdf(rr, f[i]);
	return true;
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

ldns_rr *zone_fast_parse(const char *text, bool inherits_owner,
			 uint32_t default_ttl, const ldns_rdf *origin,
			 ldns_rdf **prev)
{
	struct token t[MAX_TOKENS];
	int n = tokenize(text, t), i = 0;
	ldns_rdf *owner = NULL;
	unsigned long ttl = default_ttl ? default_ttl : LDNS_FALLBACK_TTL;
	ldns_rr_type type;
	ldns_rr *rr;

	pthread_once(&classes_once, make_classes);
	if (n < 2)
		return NULL;
	if (inherits_owner) {
		if (!*prev)
			return NULL;
	} else if (!(owner = plain_name(&t[i++], origin))) {
		return NULL;
	}
	if (i < n && t[i].n && t[i].p[0] >= '0' && t[i].p[0] <= '9' &&
	    !number(&t[i++], 10, 2147483647UL, &ttl))
		goto fail;
	if (i < n && equals(&t[i], "IN"))
		i++;
	if (i >= n || !(type = fast_type(&t[i++])))
		goto fail;
	rr = ldns_rr_new();
	if (!rr)
		goto fail;
	ldns_rr_set_owner(rr, owner ? owner : ldns_rdf_clone(*prev));
	ldns_rr_set_ttl(rr, (uint32_t)ttl);
	ldns_rr_set_class(rr, LDNS_RR_CLASS_IN);
	ldns_rr_set_type(rr, type);
	if (!parse_rdata(rr, type, t + i, n - i, origin)) {
		ldns_rr_free(rr);
		return NULL;
	}
	if (owner) {
		ldns_rdf_deep_free(*prev);
		*prev = ldns_rdf_clone(owner);
	}
	return rr;
fail:
	ldns_rdf_deep_free(owner);
	return NULL;
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

	if (!same_rdf(ldns_rr_owner(a), ldns_rr_owner(b)) ||
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

ldns_rr *zone_fast_parse_checked(const char *text, bool inherits_owner,
				 uint32_t default_ttl, const ldns_rdf *origin,
				 ldns_rdf **prev)
{
	ldns_rdf *slow_prev = *prev ? ldns_rdf_clone(*prev) : NULL;
	ldns_rr *fast, *slow = NULL;
	ldns_status status;

	fast = zone_fast_parse(text, inherits_owner, default_ttl, origin, prev);
	if (!fast) {
		ldns_rdf_deep_free(slow_prev);
		return NULL;
	}
	status = ldns_rr_new_frm_str(&slow, text, default_ttl,
				     (ldns_rdf *)origin, &slow_prev);
	if (status != LDNS_STATUS_OK || !same_rr(fast, slow) ||
	    !same_rdf(*prev, slow_prev)) {
		fprintf(stderr, "danelint: the fast path and ldns read '%s' "
			"differently (ldns: %s)\n", text,
			ldns_get_errorstr_by_id(status));
		abort();
	}
	ldns_rr_free(slow);
	ldns_rdf_deep_free(slow_prev);
	return fast;
}
