/* SPDX-License-Identifier: BSD-3-Clause */
/* Finding fingerprints that stay the same when lines move. */
#include "fingerprint.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

/* Names the input layout; a new layout needs a new tag. */
#define FINGERPRINT_TAG "danelint-fingerprint-v1"

struct keyed {
	unsigned char base[32];	/* SHA-256 of everything but the position */
	size_t index;		/* position in ctx->findings */
};

static void add_field(struct strbuf *sb, const char *s)
{
	strbuf_addstr(sb, s ? s : "");
	strbuf_addch(sb, '\0');
}

/* Checks whether s[0..len) is hex data such as a digest: 8 or more hex
 * digits with at least one letter among them. */
static bool hex_word(const char *s, size_t len)
{
	size_t i;

	if (len < 8)
		return false;
	for (i = 0; i < len; i++)
		if (isalpha((unsigned char)s[i]))
			return true;
	return false;
}

/* Adds the message with each run of decimal digits replaced by one '#',
 * except within hex data. */
static void add_message(struct strbuf *sb, const char *s)
{
	while (*s) {
		size_t n = 0, i;

		while (isxdigit((unsigned char)s[n]))
			n++;
		if (n == 0) {
			strbuf_addch(sb, *s++);
			continue;
		}
		if (hex_word(s, n)) {
			strbuf_add(sb, s, n);
			s += n;
			continue;
		}
		for (i = 0; i < n; i++) {
			if (!isdigit((unsigned char)s[i]))
				strbuf_addch(sb, s[i]);
			else if (i == 0 || !isdigit((unsigned char)s[i - 1]))
				strbuf_addch(sb, '#');
		}
		s += n;
	}
	strbuf_addch(sb, '\0');
}

static void base_digest(const struct finding *f, unsigned char out[32])
{
	struct strbuf in;

	strbuf_init(&in);
	add_field(&in, FINGERPRINT_TAG);
	add_field(&in, f->rule->id);
	add_field(&in, f->file);
	add_field(&in, f->host);
	add_field(&in, f->owner);
	add_field(&in, f->domain);
	add_field(&in, f->digest);
	add_message(&in, f->message);
	EVP_Digest(in.buf, in.len, out, NULL, EVP_sha256(), NULL);
	strbuf_release(&in);
}

/* Orders by base digest, then by report order. */
static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = memcmp(x->base, y->base, sizeof(x->base));

	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The base digest for the first finding of a group, else the SHA-256 of
 * the base digest and the 1-based position within the group. */
static void finish_digest(const struct keyed *k, size_t position,
			  struct fingerprint *out)
{
	unsigned char buf[32 + 20], digest[32];
	int n;

	if (position == 0) {
		hex_encode(out->hex, k->base, sizeof(k->base));
		return;
	}
	memcpy(buf, k->base, sizeof(k->base));
	n = snprintf((char *)buf + 32, sizeof(buf) - 32, "%zu", position);
	EVP_Digest(buf, 32 + (size_t)n, digest, NULL, EVP_sha256(), NULL);
	hex_encode(out->hex, digest, sizeof(digest));
}

struct fingerprint *fingerprints_compute(const struct lint_ctx *ctx)
{
	size_t n = ctx->finding_count, i, position = 0;
	struct keyed *keys = xcalloc(n + 1, sizeof(*keys));
	struct fingerprint *out = xcalloc(n + 1, sizeof(*out));

	for (i = 0; i < n; i++) {
		base_digest(&ctx->findings[i], keys[i].base);
		keys[i].index = i;
	}
	if (n)
		qsort(keys, n, sizeof(*keys), cmp_keyed);
	for (i = 0; i < n; i++) {
		if (i > 0 && memcmp(keys[i].base, keys[i - 1].base,
				    sizeof(keys[i].base)) == 0)
			position++;
		else
			position = 0;
		finish_digest(&keys[i], position, &out[keys[i].index]);
	}
	free(keys);
	return out;
}
