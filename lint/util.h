/* SPDX-License-Identifier: BSD-3-Clause */
/* Memory, string and growable-array helpers shared by every module. */
#ifndef DANELINT_UTIL_H
#define DANELINT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation wrappers: they print a message and exit(2) when memory runs out,
 * because no caller can do anything useful after that. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);
char *xasprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

/* Grows *array to room for at least count + 1 elements of size bytes. */
void array_grow(void **array, size_t *alloc, size_t count, size_t size);
#define ARRAY_PUSH(arr, n, alloc) \
	(array_grow((void **)&(arr), &(alloc), (n), sizeof(*(arr))), \
	 &(arr)[(n)++])

/*
 * Arena: a bump allocator for the model. Everything in it lives until the
 * run ends, so records, names and digests need no individual free.
 */
struct arena_block;
struct arena {
	struct arena_block *head;
};
void arena_init(struct arena *arena);
void arena_release(struct arena *arena);
void *arena_alloc(struct arena *arena, size_t size);
/* Memory for bytes or text, without alignment. */
void *arena_alloc_bytes(struct arena *arena, size_t size);
char *arena_strdup(struct arena *arena, const char *s);
char *arena_strndup(struct arena *arena, const char *s, size_t len);
void *arena_memdup(struct arena *arena, const void *data, size_t len);
/* Formats a string into the arena. */
const char *arena_printf(struct arena *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
const char *arena_vprintf(struct arena *arena, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* The number of threads to work with: set from --jobs; by default the
 * number of online processors. */
void set_thread_count(unsigned n);
unsigned thread_count(void);

/* Seconds on the monotonic clock, for timings in debug output. */
double seconds_now(void);

/* Moves every block of from into arena; from is left empty. */
void arena_splice(struct arena *arena, struct arena *from);

/* Growable string. */
struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};
void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const char *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_reset(struct strbuf *sb);
/* Returns the buffer, always NUL-terminated, even when empty. */
const char *strbuf_str(struct strbuf *sb);

/* Writes len bytes as lower-case hex into out, of 2 * len + 1 bytes. */
void hex_encode(char *out, const uint8_t *data, size_t len);

int str_ends_with(const char *s, const char *suffix);
int str_starts_with(const char *s, const char *prefix);
/* ASCII case-insensitive comparison; DNS names compare this way. */
int str_casecmp(const char *a, const char *b);

/* Parses a decimal unsigned number that fills the whole string. */
int parse_ulong(const char *s, unsigned long max, unsigned long *out);

#endif
