/* SPDX-License-Identifier: BSD-3-Clause */
/* Zone file scanner: splits master-file text into records and directives. */
#include "scan.h"

#include <string.h>

void scan_init(struct scan *s, const char *buf, size_t len)
{
	s->buf = buf;
	s->len = len;
	s->pos = 0;
	s->line = 1;
	strbuf_init(&s->text);
	strbuf_init(&s->comments);
	strbuf_init(&s->message);
}

void scan_release(struct scan *s)
{
	strbuf_release(&s->text);
	strbuf_release(&s->comments);
	strbuf_release(&s->message);
}

long scan_find_nul(const char *buf, size_t len)
{
	const char *nul = memchr(buf, '\0', len < 65536 ? len : 65536);

	return nul ? (long)(nul - buf) : -1;
}

/* Copies a comment (after ';') up to the end of the line. */
static void read_comment(struct scan *s)
{
	size_t start = s->pos;

	while (s->pos < s->len && s->buf[s->pos] != '\n' &&
	       s->buf[s->pos] != '\r')
		s->pos++;
	if (s->comments.len)
		strbuf_addch(&s->comments, '\n');
	strbuf_add(&s->comments, s->buf + start, s->pos - start);
}

/* Skips the rest of the current line after an error. */
static void skip_line(struct scan *s)
{
	while (s->pos < s->len && s->buf[s->pos] != '\n')
		s->pos++;
	if (s->pos < s->len) {
		s->pos++;
		s->line++;
	}
}

static int fail(struct scan *s, struct scan_entry *e, unsigned line,
		const char *message)
{
	strbuf_reset(&s->message);
	strbuf_addstr(&s->message, message);
	e->kind = SCAN_ERROR;
	e->line = line;
	e->end_line = s->line;
	e->message = strbuf_str(&s->message);
	return 1;
}

static void finish(struct scan *s, struct scan_entry *e, unsigned line)
{
	/* trailing blanks go, but not an escaped one ("TXT \\ ") */
	while (s->text.len && s->text.buf[s->text.len - 1] == ' ') {
		size_t k = s->text.len - 1, slashes = 0;

		while (k > 0 && s->text.buf[k - 1] == '\\') {
			k--;
			slashes++;
		}
		if (slashes % 2)
			break;
		s->text.buf[--s->text.len] = '\0';
	}
	e->line = line;
	e->end_line = s->line;
	e->text = strbuf_str(&s->text);
	e->comments = strbuf_str(&s->comments);
}

/* Is c copied to the text as it is, outside quotes? */
static bool plain_char(char c)
{
	switch (c) {
	case '\\':
	case '"':
	case ';':
	case '(':
	case ')':
	case '\n':
	case '\r':
	case '\t':
		return false;
	default:
		return true;
	}
}

/* Returns 1 when the entry is complete, 0 when it was blank, -1 on error. */
static int scan_entry_text(struct scan *s, struct scan_entry *e)
{
	unsigned start = s->line, open_line = 0;
	int depth = 0;
	bool quoted = false;

	while (s->pos < s->len) {
		char c;

		/* copy a run of plain characters in one piece */
		if (!quoted) {
			size_t end = s->pos;

			while (end < s->len && plain_char(s->buf[end]))
				end++;
			if (end > s->pos) {
				strbuf_add(&s->text, s->buf + s->pos,
					   end - s->pos);
				s->pos = end;
				continue;
			}
		}
		c = s->buf[s->pos++];
		if (c == '\\' && s->pos < s->len) {
			char next = s->buf[s->pos++];

			strbuf_addch(&s->text, c);
			strbuf_addch(&s->text, next);
			if (next == '\n')
				s->line++;
			continue;
		}
		if (quoted) {
			if (c == '\n') {
				fail(s, e, start, "missing '\"' to close a quoted string");
				s->line++;
				return -1;
			}
			if (c == '"')
				quoted = false;
			strbuf_addch(&s->text, c);
			continue;
		}
		switch (c) {
		case '"':
			quoted = true;
			strbuf_addch(&s->text, c);
			break;
		case ';':
			read_comment(s);
			break;
		case '(':
			if (!depth)
				open_line = s->line;
			depth++;
			strbuf_addch(&s->text, ' ');
			break;
		case ')':
			if (!depth) {
				fail(s, e, start, "')' without a matching '('");
				skip_line(s);
				return -1;
			}
			depth--;
			strbuf_addch(&s->text, ' ');
			break;
		case '\n':
			s->line++;
			if (!depth) {
				finish(s, e, start);
				return 1;
			}
			strbuf_addch(&s->text, ' ');
			break;
		case '\r':
			/* A lone CR ends a line, as in old Mac files. */
			if (s->pos < s->len && s->buf[s->pos] != '\n') {
				s->line++;
				if (!depth) {
					finish(s, e, start);
					return 1;
				}
			}
			strbuf_addch(&s->text, ' ');
			break;
		case '\t':
			strbuf_addch(&s->text, ' ');
			break;
		default:
			strbuf_addch(&s->text, c);
		}
	}
	if (quoted)
		return fail(s, e, start, "missing '\"' to close a quoted string"), -1;
	if (depth) {
		strbuf_reset(&s->message);
		strbuf_addf(&s->message, "missing ')' for the '(' on line %u",
			    open_line);
		e->kind = SCAN_ERROR;
		e->line = start;
		e->end_line = s->line;
		e->message = strbuf_str(&s->message);
		return -1;
	}
	finish(s, e, start);
	return 1;
}

int scan_next(struct scan *s, struct scan_entry *e)
{
	for (;;) {
		const char *p;
		int rc;

		if (s->pos >= s->len)
			return 0;
		strbuf_reset(&s->text);
		strbuf_reset(&s->comments);
		memset(e, 0, sizeof(*e));
		e->inherits_owner = s->buf[s->pos] == ' ' ||
				    s->buf[s->pos] == '\t';
		rc = scan_entry_text(s, e);
		if (rc < 0)
			return 1;
		for (p = strbuf_str(&s->text); *p == ' '; p++)
			;
		if (*p) {
			e->kind = SCAN_RECORD;
			return 1;
		}
		if (s->comments.len) {
			e->kind = SCAN_COMMENT;
			e->text = "";
			return 1;
		}
	}
}
