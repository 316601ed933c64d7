/* SPDX-License-Identifier: BSD-3-Clause */
/* A small streaming JSON writer for the json, sarif and gitlab reports. */
#ifndef DANELINT_JSON_H
#define DANELINT_JSON_H

#include <stdbool.h>
#include <stdio.h>

/* Maximum nesting depth of containers. The sarif report needs 9. */
#define JSON_MAX_DEPTH 16

/* Layout of a container: one member per indented line, or the whole
 * container, nested ones included, on the current line. */
enum json_layout {
	JSON_BLOCK,
	JSON_LINE,
};

struct json_writer {
	FILE *out;
	unsigned depth;
	unsigned line_depth;	/* depth of the outermost JSON_LINE container,
				 * 0 when none is open */
	bool after_key;
	bool has_members[JSON_MAX_DEPTH + 1];	/* per depth */
};

void json_init(struct json_writer *w, FILE *out);
void json_object_begin(struct json_writer *w, enum json_layout layout);
void json_object_end(struct json_writer *w);
void json_array_begin(struct json_writer *w, enum json_layout layout);
void json_array_end(struct json_writer *w);

/* Writes an object member's name; the next value call writes its value. */
void json_key(struct json_writer *w, const char *key);
void json_string_value(struct json_writer *w, const char *s);
void json_uint_value(struct json_writer *w, unsigned long long n);

/* A member with a string value; nothing at all when s is NULL. */
void json_member_string(struct json_writer *w, const char *key, const char *s);
void json_member_uint(struct json_writer *w, const char *key,
		      unsigned long long n);

/* Ends the document with a newline; returns -1 when writing failed. */
int json_finish(struct json_writer *w);

/*
 * Writes s as a JSON string literal (RFC 8259). '"', '\' and every control
 * character are escaped, and each byte that does not start a valid UTF-8
 * sequence becomes U+FFFD, so the output is valid UTF-8 whatever bytes a
 * zone file held.
 */
void json_string(FILE *out, const char *s);

#endif
