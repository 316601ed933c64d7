/* SPDX-License-Identifier: BSD-3-Clause */
/* The streaming JSON writer of the json, sarif and gitlab reports. */
#include "json.h"

#include <assert.h>

#include "utf8.h"

void json_init(struct json_writer *w, FILE *out)
{
	unsigned i;

	w->out = out;
	w->depth = 0;
	w->line_depth = 0;
	w->after_key = false;
	for (i = 0; i <= JSON_MAX_DEPTH; i++)
		w->has_members[i] = false;
}

static void newline(struct json_writer *w, unsigned depth)
{
	unsigned i;

	fputc('\n', w->out);
	for (i = 0; i < depth; i++)
		fputs("  ", w->out);
}

/* Writes what goes before a value or a key: a comma and a line break or a
 * space, unless the value follows its key. */
static void separate(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (w->has_members[w->depth])
		fputc(',', w->out);
	if (!w->line_depth)
		newline(w, w->depth);
	else if (w->has_members[w->depth])
		fputc(' ', w->out);
	w->has_members[w->depth] = true;
}

static void begin(struct json_writer *w, char bracket, enum json_layout layout)
{
	separate(w);
	assert(w->depth < JSON_MAX_DEPTH);
	fputc(bracket, w->out);
	w->depth++;
	w->has_members[w->depth] = false;
	if (layout == JSON_LINE && !w->line_depth)
		w->line_depth = w->depth;
}

static void end(struct json_writer *w, char bracket)
{
	assert(w->depth > 0);
	if (!w->line_depth && w->has_members[w->depth])
		newline(w, w->depth - 1);
	fputc(bracket, w->out);
	if (w->line_depth == w->depth)
		w->line_depth = 0;
	w->depth--;
}

void json_object_begin(struct json_writer *w, enum json_layout layout)
{
	begin(w, '{', layout);
}

void json_object_end(struct json_writer *w)
{
	end(w, '}');
}

void json_array_begin(struct json_writer *w, enum json_layout layout)
{
	begin(w, '[', layout);
}

void json_array_end(struct json_writer *w)
{
	end(w, ']');
}

void json_key(struct json_writer *w, const char *key)
{
	separate(w);
	json_string(w->out, key);
	fputs(": ", w->out);
	w->after_key = true;
}

void json_string_value(struct json_writer *w, const char *s)
{
	separate(w);
	json_string(w->out, s);
}

void json_uint_value(struct json_writer *w, unsigned long long n)
{
	separate(w);
	fprintf(w->out, "%llu", n);
}

void json_member_string(struct json_writer *w, const char *key, const char *s)
{
	if (!s)
		return;
	json_key(w, key);
	json_string_value(w, s);
}

void json_member_uint(struct json_writer *w, const char *key,
		      unsigned long long n)
{
	json_key(w, key);
	json_uint_value(w, n);
}

int json_finish(struct json_writer *w)
{
	assert(w->depth == 0);
	fputc('\n', w->out);
	return ferror(w->out) ? -1 : 0;
}

/* The two-character escapes of RFC 8259, section 7. */
static const char *short_escape(unsigned char c)
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	default:
		return NULL;
	}
}

void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	while (*s) {
		unsigned char c = (unsigned char)*s;
		size_t n = utf8_decode(s, NULL);
		const char *esc = short_escape(c);

		if (n == 0) {
			fputs("\\ufffd", out);
			n = 1;
		} else if (esc) {
			fputs(esc, out);
		} else if (c < 0x20 || c == 0x7f) {
			fprintf(out, "\\u%04x", c);
		} else {
			fwrite(s, 1, n, out);
		}
		s += n;
	}
	fputc('"', out);
}
