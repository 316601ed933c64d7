/* SPDX-License-Identifier: BSD-3-Clause */
/* UTF-8 decoding for the report writers, which replace invalid bytes. */
#ifndef DANELINT_UTF8_H
#define DANELINT_UTF8_H

#include <stddef.h>

/* U+FFFD REPLACEMENT CHARACTER, encoded. */
#define UTF8_REPLACEMENT "\xef\xbf\xbd"

/*
 * Returns the length of the valid UTF-8 sequence at s (1 to 4 bytes), or 0
 * when s starts with a byte that no valid sequence starts with, or with a
 * truncated, overlong or surrogate sequence (RFC 3629). *code_point gets
 * the decoded value unless it is NULL. s must be NUL-terminated: a NUL
 * ends a sequence early, so reading stops there.
 */
size_t utf8_decode(const char *s, unsigned long *code_point);

#endif
