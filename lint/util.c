/* SPDX-License-Identifier: BSD-3-Clause */
/* Memory, string and growable-array helpers shared by every module. */
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void out_of_memory(size_t size)
{
	fprintf(stderr, "danelint: error: out of memory (%zu bytes)\n", size);
	exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	int len;
	char *p;

	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		out_of_memory(0);
	p = xmalloc((size_t)len + 1);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void array_grow(void **array, size_t *alloc, size_t count, size_t size)
{
	size_t want;

	if (count < *alloc)
		return;
	want = *alloc ? *alloc * 2 : 8;
	if (want <= count)
		want = count + 1;
	*array = xrealloc(*array, want * size);
	*alloc = want;
}

#define ARENA_BLOCK 65536

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	max_align_t data[];
};

void arena_init(struct arena *arena)
{
	arena->head = NULL;
}

void arena_release(struct arena *arena)
{
	struct arena_block *b = arena->head;

	while (b) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	arena->head = NULL;
}

/* Takes size bytes (at least 1) at a multiple of align from the arena. */
static void *arena_take(struct arena *arena, size_t size, size_t align)
{
	struct arena_block *b = arena->head;
	size_t start = 0;
	void *p;

	if (!size)
		size = 1;
	if (b)
		start = (b->used + align - 1) / align * align;
	if (!b || start > b->size || b->size - start < size) {
		size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;

		b = xmalloc(sizeof(*b) + cap);
		b->size = cap;
		b->next = arena->head;
		arena->head = b;
		start = 0;
	}
	p = (char *)b->data + start;
	b->used = start + size;
	return p;
}

void *arena_alloc(struct arena *arena, size_t size)
{
	return arena_take(arena, size, sizeof(max_align_t));
}

void *arena_alloc_bytes(struct arena *arena, size_t size)
{
	return arena_take(arena, size, 1);
}

char *arena_strndup(struct arena *arena, const char *s, size_t len)
{
	/* text needs no alignment */
	char *p = arena_take(arena, len + 1, 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(struct arena *arena, const char *s)
{
	return arena_strndup(arena, s, strlen(s));
}

static unsigned thread_setting;

void set_thread_count(unsigned n)
{
	thread_setting = n;
}

unsigned thread_count(void)
{
	long n;

	if (thread_setting)
		return thread_setting;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}

void arena_splice(struct arena *arena, struct arena *from)
{
	struct arena_block *tail = from->head;

	if (!tail)
		return;
	while (tail->next)
		tail = tail->next;
	/* the current block stays first, so its free space is used */
	if (arena->head) {
		tail->next = arena->head->next;
		arena->head->next = from->head;
	} else {
		arena->head = from->head;
	}
	from->head = NULL;
}

const char *arena_vprintf(struct arena *arena, const char *fmt, va_list ap)
{
	char *s = xvasprintf(fmt, ap);
	const char *out = arena_strdup(arena, s);

	free(s);
	return out;
}

const char *arena_printf(struct arena *arena, const char *fmt, ...)
{
	va_list ap;
	const char *out;

	va_start(ap, fmt);
	out = arena_vprintf(arena, fmt, ap);
	va_end(ap);
	return out;
}

void *arena_memdup(struct arena *arena, const void *data, size_t len)
{
	void *p = arena_alloc(arena, len);

	if (len)
		memcpy(p, data, len);
	return p;
}

void strbuf_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->alloc = 0;
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	strbuf_init(sb);
}

static void strbuf_reserve(struct strbuf *sb, size_t extra)
{
	size_t want = sb->len + extra + 1;

	if (want <= sb->alloc)
		return;
	if (want < sb->alloc * 2)
		want = sb->alloc * 2;
	if (want < 64)
		want = 64;
	sb->buf = xrealloc(sb->buf, want);
	sb->alloc = want;
}

void strbuf_add(struct strbuf *sb, const char *data, size_t len)
{
	strbuf_reserve(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_addstr(sb, s);
	free(s);
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

const char *strbuf_str(struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

void hex_encode(char *out, const uint8_t *data, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[data[i] >> 4];
		out[2 * i + 1] = digits[data[i] & 0xf];
	}
	out[2 * len] = '\0';
}

int str_ends_with(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && memcmp(s + ls - lx, suffix, lx) == 0;
}

int str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int str_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = tolower((unsigned char)*a);
		int cb = tolower((unsigned char)*b);

		if (ca != cb || !ca)
			return ca - cb;
	}
}

int parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!*s || !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

double seconds_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
