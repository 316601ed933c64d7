/* SPDX-License-Identifier: BSD-3-Clause */
/* A JSON parser (RFC 8259) for the language server's messages. */
#ifndef DANELINT_JSON_H
#define DANELINT_JSON_H

#include <stddef.h>

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

#endif
