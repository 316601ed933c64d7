/* SPDX-License-Identifier: BSD-3-Clause */
/* Content-Length framing of JSON-RPC messages, as the Language Server
 * Protocol uses it on standard input and output. */
#include "jsonrpc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report.h"

/* Header lines are short ("Content-Type: ...; charset=utf-8"); these
 * limits only stop a stream that is not framed at all. */
#define MAX_HEADER_LINE 1024
#define MAX_HEADER_LINES 32

static const char content_length[] = "content-length:";

void jsonrpc_reader_init(struct jsonrpc_reader *r, FILE *in)
{
	r->in = in;
	r->skip = 0;
	r->resync = false;
}

/*
 * Reads a line without its "\n" or "\r\n" into line. Returns 1, 0 at the
 * end of input, or -1 for a line longer than size - 1 bytes or with a NUL
 * byte, whose rest is then discarded.
 */
static int read_line(FILE *in, char *line, size_t size)
{
	size_t n = 0;
	bool bad = false;
	int c;

	while ((c = getc(in)) != EOF && c != '\n') {
		if (c == '\0' || n + 1 >= size)
			bad = true;
		else
			line[n++] = (char)c;
	}
	if (c == EOF && n == 0 && !bad)
		return 0;
	if (n && line[n - 1] == '\r')
		n--;
	line[n] = '\0';
	return bad ? -1 : 1;
}

/* Discards input up to and including "Content-Length:" (any case).
 * Returns false at the end of input. */
static bool find_content_length(FILE *in)
{
	size_t matched = 0;
	int c;

	while (matched < sizeof(content_length) - 1) {
		c = getc(in);
		if (c == EOF)
			return false;
		c = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
		/* 'c' occurs only at the start of the pattern, so a
		 * mismatch can restart the match at this byte. */
		if (c == content_length[matched])
			matched++;
		else
			matched = c == content_length[0];
	}
	return true;
}

/* Parses a Content-Length value: decimal digits, spaces around them. */
static int parse_length(const char *value, size_t *out)
{
	unsigned long long n = 0;
	const char *p = value + strspn(value, " \t");

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (unsigned long long)JSONRPC_MAX_BODY * 1024)
			return -1;
		n = n * 10 + (unsigned long long)(*p - '0');
	}
	p += strspn(p, " \t");
	if (*p || n > (unsigned long long)JSONRPC_MAX_BODY * 1024)
		return -1;
	*out = (size_t)n;
	return 0;
}

/* Applies one "Name: value" line; only Content-Length matters. */
static int header_line(char *line, size_t *length, bool *have_length,
		       struct strbuf *err)
{
	char *colon = strchr(line, ':');
	const char *value;
	size_t n;

	if (!colon) {
		strbuf_addf(err, "invalid header line '%.80s': no ':'", line);
		return -1;
	}
	if ((size_t)(colon - line + 1) != sizeof(content_length) - 1 ||
	    strncasecmp(line, content_length, sizeof(content_length) - 1))
		return 0;
	value = colon + 1 + strspn(colon + 1, " \t");
	if (parse_length(value, &n) < 0) {
		strbuf_addf(err, "invalid Content-Length '%.80s'; expected a "
			    "number of bytes", value);
		return -1;
	}
	if (*have_length && n != *length) {
		strbuf_addstr(err, "two different Content-Length headers");
		return -1;
	}
	*length = n;
	*have_length = true;
	return 0;
}

/* Returns 1 with the body length, 0 at the end of input, -1 on error. */
static int read_headers(struct jsonrpc_reader *r, size_t *length,
			struct strbuf *err)
{
	char line[MAX_HEADER_LINE + sizeof(content_length)];
	bool have_length = false;
	int lines = 0, rc;

	if (r->resync) {
		if (!find_content_length(r->in))
			return 0;
		r->resync = false;
		/* The line continues with the value after the name. */
		memcpy(line, content_length, sizeof(content_length) - 1);
		rc = read_line(r->in, line + sizeof(content_length) - 1,
			       MAX_HEADER_LINE);
		if (rc > 0)
			rc = header_line(line, length, &have_length, err);
		if (rc < 0)
			goto bad;
		lines++;
	}
	for (;;) {
		rc = read_line(r->in, line, MAX_HEADER_LINE);
		if (rc == 0)
			return 0;
		if (rc < 0) {
			strbuf_addf(err, "header line longer than %d bytes or "
				    "with a NUL byte", MAX_HEADER_LINE - 1);
			goto bad;
		}
		if (!line[0])
			break;
		if (++lines > MAX_HEADER_LINES) {
			strbuf_addf(err, "more than %d header lines",
				    MAX_HEADER_LINES);
			goto bad;
		}
		if (header_line(line, length, &have_length, err) < 0)
			goto bad;
	}
	if (have_length)
		return 1;
	strbuf_addstr(err, "missing Content-Length header");
bad:
	r->resync = true;
	return -1;
}

/* Discards r->skip bytes; false at the end of input. */
static bool discard(struct jsonrpc_reader *r)
{
	char chunk[65536];

	while (r->skip) {
		size_t want = r->skip < sizeof(chunk) ? r->skip : sizeof(chunk);
		size_t got = fread(chunk, 1, want, r->in);

		r->skip -= got;
		if (got < want)
			return false;
	}
	return true;
}

int jsonrpc_read(struct jsonrpc_reader *r, char **body, size_t *len,
		 struct strbuf *err)
{
	size_t length = 0;
	char *buf;
	int rc;

	if (!discard(r))
		return 0;
	rc = read_headers(r, &length, err);
	if (rc <= 0)
		return rc;
	if (length > JSONRPC_MAX_BODY) {
		strbuf_addf(err, "message body of %zu bytes is larger than the "
			    "limit of %zu bytes; skipping it", length,
			    JSONRPC_MAX_BODY);
		r->skip = length;
		return -1;
	}
	buf = xmalloc(length + 1);
	if (fread(buf, 1, length, r->in) != length) {
		free(buf);
		return 0;
	}
	buf[length] = '\0';
	*body = buf;
	*len = length;
	return 1;
}

int jsonrpc_write(FILE *out, const char *body, size_t len)
{
	if (fprintf(out, "Content-Length: %zu\r\n\r\n", len) < 0 ||
	    fwrite(body, 1, len, out) != len || fflush(out) != 0)
		return -1;
	return 0;
}

void jsonrpc_put_id(FILE *f, const struct json_value *id)
{
	if (id && id->type == JSON_NUMBER)
		fputs(id->text, f);
	else if (json_string_of(id))
		json_string(f, id->text);
	else
		fputs("null", f);
}

/* Sends the JSON text that open_memstream collected in buf. */
static int send_stream(FILE *out, FILE *f, char **buf, size_t *size)
{
	int rc;

	if (fclose(f) != 0) {
		free(*buf);
		return -1;
	}
	rc = jsonrpc_write(out, *buf, *size);
	free(*buf);
	return rc;
}

int jsonrpc_send_result(FILE *out, const struct json_value *id,
			const char *result)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	if (!f)
		return -1;
	fputs("{\"jsonrpc\":\"2.0\",\"id\":", f);
	jsonrpc_put_id(f, id);
	fprintf(f, ",\"result\":%s}", result);
	return send_stream(out, f, &buf, &size);
}

int jsonrpc_send_error(FILE *out, const struct json_value *id, int code,
		       const char *message)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	if (!f)
		return -1;
	fputs("{\"jsonrpc\":\"2.0\",\"id\":", f);
	jsonrpc_put_id(f, id);
	fprintf(f, ",\"error\":{\"code\":%d,\"message\":", code);
	json_string(f, message);
	fputs("}}", f);
	return send_stream(out, f, &buf, &size);
}
