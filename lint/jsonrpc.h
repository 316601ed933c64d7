/* SPDX-License-Identifier: BSD-3-Clause */
/* JSON-RPC 2.0 messages in the Content-Length framing of the Language
 * Server Protocol: "Content-Length: N\r\n\r\n" and N bytes of JSON. */
#ifndef DANELINT_JSONRPC_H
#define DANELINT_JSONRPC_H

#include <stdbool.h>
#include <stdio.h>

#include "json.h"
#include "util.h"

/* The largest message body read; larger bodies are skipped. */
#define JSONRPC_MAX_BODY ((size_t)64 << 20)

/* JSON-RPC 2.0 and Language Server Protocol error codes. */
enum {
	JSONRPC_PARSE_ERROR = -32700,
	JSONRPC_INVALID_REQUEST = -32600,
	JSONRPC_METHOD_NOT_FOUND = -32601,
	JSONRPC_INVALID_PARAMS = -32602,
	JSONRPC_SERVER_NOT_INITIALIZED = -32002,
};

struct jsonrpc_reader {
	FILE *in;
	size_t skip;	/* bytes of a rejected body still to discard */
	bool resync;	/* framing lost: discard up to "Content-Length:" */
};

void jsonrpc_reader_init(struct jsonrpc_reader *r, FILE *in);

/*
 * Reads the next message. Returns 1 with a malloc'd, NUL-terminated body
 * of *len bytes, 0 at the end of input, or -1 for a message that breaks
 * the framing, with the reason in err. After -1 the reader skips that message, so
 * the next call reads the one after it.
 */
int jsonrpc_read(struct jsonrpc_reader *r, char **body, size_t *len,
		 struct strbuf *err);

/* Writes one message with its header and flushes out; -1 on failure. */
int jsonrpc_write(FILE *out, const char *body, size_t len);

/* Writes a request id: a number as written, a string, or null. */
void jsonrpc_put_id(FILE *f, const struct json_value *id);

/* Sends a response: result is JSON text, such as "null". */
int jsonrpc_send_result(FILE *out, const struct json_value *id,
			const char *result);
/* Sends an error response; id NULL sends "id": null. */
int jsonrpc_send_error(FILE *out, const struct json_value *id, int code,
		       const char *message);

#endif
