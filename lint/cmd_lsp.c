/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint lsp: a Language Server Protocol server on standard input and
 * output that publishes danelint's findings as diagnostics. */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "json.h"
#include "jsonrpc.h"
#include "lsp.h"
#include "msg.h"
#include "source.h"

static const char lsp_usage[] =
	"usage: danelint lsp\n"
	"\n"
	"Runs a language server on standard input and output (the Language\n"
	"Server Protocol, with full document sync). Each zone file an editor\n"
	"opens, changes or saves is linted as 'danelint check' lints it: the\n"
	"editor's text replaces the file, the root and .danelint are found\n"
	"from the file's directory, and the other zone files and the\n"
	"certificate directory are read from disk. Outside a repository (no\n"
	".danelint or .git above the file), only the file itself is linted.\n"
	"The findings in that file are published as diagnostics; messages\n"
	"about the server itself go to standard error.\n";

/* An open document: the editor's text of one file. */
struct document {
	char *uri;
	char *path;	/* absolute, NULL for a URI that is not a file */
	char *text;
	size_t len;
	char *version;	/* as JSON text, or NULL */
};

struct server {
	struct jsonrpc_reader reader;
	FILE *out;
	bool initialized;	/* initialize was answered */
	bool shutdown;		/* shutdown was answered */
	bool exit;		/* the exit notification arrived */
	bool write_failed;
	struct document *docs;
	size_t doc_count;
	size_t doc_alloc;
};

static void document_release(struct document *d)
{
	free(d->uri);
	free(d->path);
	free(d->text);
	free(d->version);
}

static struct document *find_document(struct server *s, const char *uri)
{
	size_t i;

	for (i = 0; i < s->doc_count; i++)
		if (strcmp(s->docs[i].uri, uri) == 0)
			return &s->docs[i];
	return NULL;
}

/* Returns the document of uri, opening an empty one if needed. */
static struct document *open_document(struct server *s, const char *uri)
{
	struct document *d = find_document(s, uri);
	char *path;

	if (d)
		return d;
	d = ARRAY_PUSH(s->docs, s->doc_count, s->doc_alloc);
	memset(d, 0, sizeof(*d));
	d->uri = xstrdup(uri);
	path = lsp_uri_to_path(uri);
	if (path) {
		d->path = path_resolve("/", path);
		free(path);
	} else {
		msg_note("not linting '%s': only file:// URIs with a local "
			 "path name a file in a repository", uri);
	}
	return d;
}

static void close_document(struct server *s, struct document *d)
{
	size_t i = (size_t)(d - s->docs);

	document_release(d);
	memmove(s->docs + i, s->docs + i + 1,
		(s->doc_count - i - 1) * sizeof(*s->docs));
	s->doc_count--;
}

/* Stores a new text and, when the notification has one, version. */
static void set_text(struct document *d, const struct json_value *text,
		     const struct json_value *version)
{
	free(d->text);
	d->text = xmalloc(text->len + 1);
	memcpy(d->text, text->text, text->len + 1);
	d->len = text->len;
	if (version && version->type == JSON_NUMBER) {
		free(d->version);
		d->version = xstrdup(version->text);
	}
}

static void check_write(struct server *s, int rc)
{
	if (rc < 0 && !s->write_failed) {
		msg_error("cannot write to standard output; the client has "
			  "gone away, stopping");
		s->write_failed = true;
	}
}

static void publish(struct server *s, const struct document *d)
{
	if (!d->path || !d->text)
		return;
	check_write(s, lsp_publish_diagnostics(s->out, d->uri, d->version,
					       d->path, d->text, d->len));
}

/* Returns params.textDocument.uri, logging its absence. */
static const char *document_uri(const char *method,
				const struct json_value *params)
{
	const char *uri = json_string_of(json_get(json_get(params,
							   "textDocument"),
						  "uri"));

	if (!uri)
		msg_error("%s without params.textDocument.uri; ignoring it",
			  method);
	return uri;
}

static void did_open(struct server *s, const char *method,
		     const struct json_value *params)
{
	const struct json_value *td = json_get(params, "textDocument");
	const struct json_value *text = json_get(td, "text");
	const char *uri = document_uri(method, params);
	struct document *d;

	if (!uri)
		return;
	if (!text || text->type != JSON_STRING) {
		msg_error("%s of '%s' without textDocument.text; ignoring it",
			  method, uri);
		return;
	}
	d = open_document(s, uri);
	set_text(d, text, json_get(td, "version"));
	publish(s, d);
}

/* Full sync: the last change contains the whole text. */
static void did_change(struct server *s, const char *method,
		       const struct json_value *params)
{
	const struct json_value *changes = json_get(params, "contentChanges");
	const struct json_value *last, *text;
	const char *uri = document_uri(method, params);
	struct document *d;

	if (!uri)
		return;
	if (!changes || changes->type != JSON_ARRAY || !changes->count)
		return;
	last = &changes->items[changes->count - 1];
	text = json_get(last, "text");
	if (json_get(last, "range") || !text || text->type != JSON_STRING) {
		msg_error("%s of '%s' is not a full-text change, but the "
			  "server asked for full sync; ignoring it", method,
			  uri);
		return;
	}
	d = open_document(s, uri);
	set_text(d, text, json_get(json_get(params, "textDocument"),
				   "version"));
	publish(s, d);
}

static void did_save(struct server *s, const char *method,
		     const struct json_value *params)
{
	const struct json_value *text = json_get(params, "text");
	const char *uri = document_uri(method, params);
	struct document *d;

	if (!uri)
		return;
	d = find_document(s, uri);
	if (!d && (!text || text->type != JSON_STRING)) {
		msg_error("%s of '%s', which is not open; ignoring it", method,
			  uri);
		return;
	}
	if (!d)
		d = open_document(s, uri);
	if (text && text->type == JSON_STRING)
		set_text(d, text, NULL);
	publish(s, d);
}

static void did_close(struct server *s, const char *method,
		      const struct json_value *params)
{
	const char *uri = document_uri(method, params);
	struct document *d;

	if (!uri)
		return;
	check_write(s, lsp_clear_diagnostics(s->out, uri));
	d = find_document(s, uri);
	if (d)
		close_document(s, d);
}

static void handle_notification(struct server *s, const char *method,
				const struct json_value *params)
{
	if (strcmp(method, "exit") == 0) {
		s->exit = true;
		return;
	}
	/* Before initialize and after shutdown, notifications are
	 * dropped. */
	if (!s->initialized || s->shutdown)
		return;
	if (strcmp(method, "textDocument/didOpen") == 0)
		did_open(s, method, params);
	else if (strcmp(method, "textDocument/didChange") == 0)
		did_change(s, method, params);
	else if (strcmp(method, "textDocument/didSave") == 0)
		did_save(s, method, params);
	else if (strcmp(method, "textDocument/didClose") == 0)
		did_close(s, method, params);
	/* Others, such as initialized and $/cancelRequest, need nothing. */
}

static const char initialize_result[] =
	"{\"capabilities\":{\"positionEncoding\":\"utf-16\","
	"\"textDocumentSync\":{\"openClose\":true,\"change\":1,"
	"\"save\":{\"includeText\":true}}},"
	"\"serverInfo\":{\"name\":\"danelint\",\"version\":\""
	DANELINT_VERSION "\"}}";

static void send_error(struct server *s, const struct json_value *id,
		       int code, const char *message)
{
	check_write(s, jsonrpc_send_error(s->out, id, code, message));
}

static void handle_request(struct server *s, const char *method,
			   const struct json_value *id)
{
	char *message;

	if (strcmp(method, "initialize") == 0 && !s->initialized) {
		s->initialized = true;
		check_write(s, jsonrpc_send_result(s->out, id,
						   initialize_result));
	} else if (strcmp(method, "initialize") == 0) {
		send_error(s, id, JSONRPC_INVALID_REQUEST,
			   "initialize was already received");
	} else if (!s->initialized) {
		send_error(s, id, JSONRPC_SERVER_NOT_INITIALIZED,
			   "the server is not initialized; send initialize "
			   "first");
	} else if (s->shutdown) {
		send_error(s, id, JSONRPC_INVALID_REQUEST,
			   "the server is shutting down; only the exit "
			   "notification is accepted");
	} else if (strcmp(method, "shutdown") == 0) {
		s->shutdown = true;
		check_write(s, jsonrpc_send_result(s->out, id, "null"));
	} else {
		message = xasprintf("method not found: '%s'", method);
		send_error(s, id, JSONRPC_METHOD_NOT_FOUND, message);
		free(message);
	}
}

/* JSON-RPC ids are numbers or strings; LSP clients send no others. */
static bool valid_id(const struct json_value *id)
{
	return id->type == JSON_NUMBER || json_string_of(id) != NULL;
}

/* Sends Invalid Request for a message that is no request or notification,
 * and logs it. */
static void invalid_request(struct server *s, const struct json_value *id,
			    const char *why)
{
	msg_error("invalid JSON-RPC message: %s", why);
	send_error(s, id, JSONRPC_INVALID_REQUEST, why);
}

static void handle_message(struct server *s, const struct json_value *msg)
{
	const struct json_value *id = json_get(msg, "id");
	const struct json_value *method = json_get(msg, "method");
	const char *name = json_string_of(method);

	if (msg->type != JSON_OBJECT) {
		invalid_request(s, NULL, "a message must be a JSON object");
		return;
	}
	if (id && !valid_id(id)) {
		invalid_request(s, NULL, "the id must be a number or a "
				"string");
		return;
	}
	if (!method && (json_get(msg, "result") || json_get(msg, "error"))) {
		/* A response, but this server sends no requests. */
		msg_debug("ignoring a response to a request never sent");
		return;
	}
	if (!name) {
		invalid_request(s, id, "the method must be a string");
		return;
	}
	if (id)
		handle_request(s, name, id);
	else
		handle_notification(s, name, json_get(msg, "params"));
}

/* Parses one message body and handles it. */
static void handle_body(struct server *s, const char *body, size_t len)
{
	struct json_doc doc;
	struct strbuf err;
	char *message;

	strbuf_init(&err);
	if (json_parse(&doc, body, len, &err) < 0) {
		msg_error("message is not valid JSON: %s", strbuf_str(&err));
		message = xasprintf("Parse error: %s", strbuf_str(&err));
		send_error(s, NULL, JSONRPC_PARSE_ERROR, message);
		free(message);
	} else {
		handle_message(s, &doc.root);
	}
	json_doc_release(&doc);
	strbuf_release(&err);
}

/* Reads and handles messages until exit, the end of input or a failed
 * write. */
static void serve(struct server *s)
{
	while (!s->exit && !s->write_failed) {
		struct strbuf err;
		char *body = NULL;
		size_t len = 0;
		int rc;

		strbuf_init(&err);
		rc = jsonrpc_read(&s->reader, &body, &len, &err);
		if (rc == 0) {
			msg_note("standard input ended before the exit "
				 "notification");
			strbuf_release(&err);
			break;
		}
		if (rc < 0) {
			msg_error("invalid message header: %s",
				  strbuf_str(&err));
			send_error(s, NULL, JSONRPC_INVALID_REQUEST,
				   strbuf_str(&err));
		} else {
			handle_body(s, body, len);
		}
		free(body);
		strbuf_release(&err);
	}
}

int cmd_lsp(int argc, char **argv)
{
	struct server s;
	int status;
	size_t i;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
			 strcmp(argv[1], "-h") == 0)) {
		fputs(lsp_usage, stdout);
		return 0;
	}
	if (argc > 1) {
		msg_usage("danelint lsp takes no arguments; it reads .danelint "
			  "from each file's repository");
		return 2;
	}
	/* A client that closes the pipe makes writes fail instead of
	 * killing the server. */
	signal(SIGPIPE, SIG_IGN);
	memset(&s, 0, sizeof(s));
	jsonrpc_reader_init(&s.reader, stdin);
	s.out = stdout;
	msg_note("language server started on standard input and output");
	serve(&s);
	status = s.shutdown && !s.write_failed ? 0 : 1;
	for (i = 0; i < s.doc_count; i++)
		document_release(&s.docs[i]);
	free(s.docs);
	msg_note("language server stopped with exit status %d", status);
	return status;
}
