/* SPDX-License-Identifier: BSD-3-Clause */
/* $GENERATE, BIND's directive for ranges of similar records. */
#include "zone_generate.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "zone_record.h"

static int fail(char *err, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, size, fmt, ap);
	va_end(ap);
	return -1;
}

/* One "$" or "${...}" of a template. */
struct counter {
	long long offset;
	unsigned width;
	char base;	/* d, o, x, X, n or N */
};

/*
 * Reads "{OFFSET,WIDTH,BASE}" (each part after the first optional) at *p,
 * just after a "$", and moves *p past it. Returns false on a malformed
 * modifier.
 */
static bool read_modifier(const char **p, struct counter *c)
{
	const char *s = *p + 1;
	char *end;
	long long offset;
	unsigned long width = 0;

	errno = 0;
	offset = strtoll(s, &end, 10);
	if (end == s || errno || offset < INT_MIN || offset > INT_MAX)
		return false;
	s = end;
	if (*s == ',') {
		s++;
		errno = 0;
		width = strtoul(s, &end, 10);
		if (end == s || errno || width > 255 || *s == '-')
			return false;
		s = end;
		if (*s == ',') {
			s++;
			if (!*s || !strchr("doxXnN", *s))
				return false;
			c->base = *s++;
		}
	}
	if (*s != '}')
		return false;
	c->offset = offset;
	c->width = (unsigned)width;
	*p = s + 1;
	return true;
}

/* Writes value in nibble form, "4.3.2.1" for 0x1234, to out; width counts
 * the characters, dots included, as BIND does. */
static void nibbles(struct strbuf *out, unsigned long value, long width,
		    bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";

	do {
		strbuf_add(out, &digits[value & 0xf], 1);
		value >>= 4;
		width--;
		if (value || width > 0) {
			strbuf_add(out, ".", 1);
			width--;
		}
	} while (value || width > 0);
}

static bool write_counter(struct strbuf *out, const struct counter *c,
			  long long it)
{
	long long v = it + c->offset;
	unsigned long u;

	if (v < INT_MIN || v > INT_MAX)
		return false;
	/* BIND writes a negative value in a base other than 10 as the
	 * unsigned 32-bit number of the same bits */
	u = (unsigned long)(uint32_t)(int32_t)v;
	switch (c->base) {
	case 'o':
		strbuf_addf(out, "%0*lo", (int)c->width, u);
		break;
	case 'x':
		strbuf_addf(out, "%0*lx", (int)c->width, u);
		break;
	case 'X':
		strbuf_addf(out, "%0*lX", (int)c->width, u);
		break;
	case 'n':
	case 'N':
		nibbles(out, u, (long)c->width, c->base == 'N');
		break;
	default:
		strbuf_addf(out, "%0*lld", (int)c->width, v);
		break;
	}
	return true;
}

/* Checks a template: every "${" has a well-formed modifier. */
static bool template_ok(const char *t)
{
	struct counter c = { 0, 0, 'd' };

	for (; *t; t++) {
		if (*t == '\\' && t[1]) {
			t++;
		} else if (*t == '$' && t[1] == '{') {
			const char *p = t + 1;

			if (!read_modifier(&p, &c))
				return false;
			t = p - 1;
		}
	}
	return true;
}

/* Writes template t with the counter at it; false when a value is out of
 * range. */
static bool expand(struct strbuf *out, const char *t, long long it)
{
	for (; *t; t++) {
		struct counter c = { 0, 0, 'd' };

		if (*t == '\\' && t[1]) {
			/* "\$" stays escaped: a literal '$' in the name */
			strbuf_add(out, t, 2);
			t++;
			continue;
		}
		if (*t != '$') {
			strbuf_add(out, t, 1);
			continue;
		}
		if (t[1] == '{') {
			const char *p = t + 1;

			read_modifier(&p, &c);
			t = p - 1;
		}
		if (!write_counter(out, &c, it))
			return false;
	}
	return true;
}

/* Sets text to the record that the counter value it makes. */
static bool make_text(struct strbuf *text, const char *lhs, const char *rest,
		      long long it)
{
	strbuf_reset(text);
	if (!expand(text, lhs, it))
		return false;
	strbuf_add(text, " ", 1);
	return expand(text, rest, it);
}

/* Reads "START-STOP[/STEP]". */
static bool read_range(const char *s, size_t n, long long *start,
		       long long *stop, long long *step)
{
	char buf[64], *end;
	unsigned long long v[3] = { 0, 0, 1 };
	const char *p = buf;
	int i;

	if (n >= sizeof(buf))
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	for (i = 0; i < 3; i++) {
		if (!isdigit((unsigned char)*p))
			return false;
		errno = 0;
		v[i] = strtoull(p, &end, 10);
		if (errno || v[i] > INT_MAX)
			return false;
		p = end;
		if (i == 0 && *p++ != '-')
			return false;
		if (i == 1 && *p == '\0')
			break;
		if (i == 1 && *p++ != '/')
			return false;
	}
	if (*p || v[0] > v[1] || v[2] == 0)
		return false;
	*start = (long long)v[0];
	*stop = (long long)v[1];
	*step = (long long)v[2];
	return true;
}

int zone_generate(const char *args,
		  void (*emit)(void *arg, const char *text), void *arg,
		  char *err, size_t size)
{
	const char *p = args, *range, *lhs;
	size_t range_len, lhs_len;
	long long start, stop, step, it;
	char *lhs_text, *rest;
	struct strbuf text;
	int rc = 0;

	range_len = zone_next_token(&p);
	range = p;
	p += range_len;
	lhs_len = zone_next_token(&p);
	lhs = p;
	p += lhs_len;
	while (*p == ' ')
		p++;
	if (!range_len || !lhs_len || !*p)
		return fail(err, size, "$GENERATE needs a range, an owner "
			    "name, a type and RDATA, as in '$GENERATE 1-10 "
			    "host$ A 192.0.2.$'");
	if (!read_range(range, range_len, &start, &stop, &step))
		return fail(err, size, "invalid $GENERATE range '%.*s'; "
			    "write START-STOP or START-STOP/STEP, with "
			    "START at most STOP, both from 0 to 2147483647",
			    (int)range_len, range);
	if ((stop - start) / step >= GENERATE_MAX_RECORDS)
		return fail(err, size, "$GENERATE range '%.*s' makes more "
			    "than %d records, which danelint does not "
			    "expand; split the range", (int)range_len, range,
			    GENERATE_MAX_RECORDS);
	lhs_text = xstrndup(lhs, lhs_len);
	rest = xstrdup(p);
	if (!template_ok(lhs_text) || !template_ok(rest)) {
		rc = fail(err, size, "invalid '${...}' in $GENERATE; write "
			  "${OFFSET}, ${OFFSET,WIDTH} or "
			  "${OFFSET,WIDTH,BASE} with BASE one of d, o, x, X, "
			  "n, N");
		goto out;
	}
	strbuf_init(&text);
	/* the values grow with the counter, so both ends bound them all */
	if (!make_text(&text, lhs_text, rest, start) ||
	    !make_text(&text, lhs_text, rest, stop)) {
		rc = fail(err, size, "a value that $GENERATE writes lies "
			  "outside -2147483648 to 2147483647; change the "
			  "offset or the range");
		strbuf_release(&text);
		goto out;
	}
	for (it = start; it <= stop; it += step) {
		make_text(&text, lhs_text, rest, it);
		emit(arg, strbuf_str(&text));
	}
	strbuf_release(&text);
out:
	free(lhs_text);
	free(rest);
	return rc;
}
