/* SPDX-License-Identifier: BSD-3-Clause */
/* JSON (RFC 8259): a parser for the language server's messages and a
 * streaming writer for the json, sarif and gitlab reports. */
#ifndef DANELINT_JSON_H
#define DANELINT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

enum json_type {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_member;

struct json_value {
	enum json_type type;
	/* JSON_STRING: the decoded UTF-8 text, NUL-terminated; it may hold
	 * NUL bytes ("\u0000"), which len counts. JSON_NUMBER: the number as
	 * written, so that a request id can be sent back unchanged. */
	const char *text;
	size_t len;
	double number;
	struct json_value *items;	/* JSON_ARRAY: count elements */
	struct json_member *members;	/* JSON_OBJECT: count members */
	size_t count;
};

struct json_member {
	const char *key;	/* decoded, NUL-terminated */
	size_t key_len;
	struct json_value value;
};

/* A parsed text; every value lives in the arena. */
struct json_doc {
	struct arena arena;
	struct json_value root;
};

/*
 * Parses len bytes of data: one JSON value with optional whitespace
 * around it, in UTF-8, nested at most JSON_MAX_DEPTH arrays and objects
 * deep. Returns 0, or -1 with "at byte N: reason" in err. Either way,
 * json_doc_release frees the document.
 */
#define JSON_MAX_DEPTH 64
int json_parse(struct json_doc *doc, const char *data, size_t len,
	       struct strbuf *err);
void json_doc_release(struct json_doc *doc);

/*
 * Returns the value of member key of obj, the last one when a key is
 * repeated, or NULL when obj is NULL, not an object or has no such key.
 */
const struct json_value *json_get(const struct json_value *obj,
				  const char *key);
/* Returns the text of a string value without NUL bytes, else NULL. */
const char *json_string_of(const struct json_value *v);

/* The writer, in json_write.c. */

/* Layout of a container: one member per indented line, or the whole
 * container, nested ones included, on the current line. */
enum json_layout {
	JSON_BLOCK,
	JSON_LINE,
};

/* Containers nest at most JSON_MAX_DEPTH deep here too; the sarif report
 * needs 9. */
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
