/* SPDX-License-Identifier: BSD-3-Clause */
/* Zone file scanner: splits master-file text into records and directives. */
#ifndef DANELINT_SCAN_H
#define DANELINT_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum scan_kind {
	SCAN_RECORD,	/* a record or a $DIRECTIVE, joined onto one line */
	SCAN_COMMENT,	/* a line that holds only a comment */
	SCAN_ERROR,	/* text that cannot form a record; see message */
};

/*
 * One entry of a zone file. ldns counts lines consumed rather than the line
 * a record starts on, so the scanner tracks start lines itself. For
 *
 *	mx1  IN TLSA ( 3 1 1   ; current key
 *	               ab...cd )
 *
 * text is " mx1  IN TLSA   3 1 1 ab...cd  " with parentheses and comments
 * replaced by blanks, line is the first line, comments holds "current key".
 */
struct scan_entry {
	enum scan_kind kind;
	unsigned line;
	unsigned end_line;
	bool inherits_owner;	/* the record starts with a blank */
	const char *text;	/* valid until the next scan_next() call */
	const char *comments;	/* comment texts, one per line, '\n' between */
	const char *message;	/* for SCAN_ERROR */
};

struct scan {
	const char *buf;
	size_t len;
	size_t pos;
	unsigned line;
	struct strbuf text;
	struct strbuf comments;
	struct strbuf message;
};

void scan_init(struct scan *s, const char *buf, size_t len);
void scan_release(struct scan *s);

/* Reads the next entry into *e. Returns 1, or 0 at the end of the input. */
int scan_next(struct scan *s, struct scan_entry *e);

/*
 * Returns the offset of the first NUL byte in the first 64 KiB of buf, or
 * -1 when there is none: a zone file is text, so a NUL means binary data.
 */
long scan_find_nul(const char *buf, size_t len);

#endif
