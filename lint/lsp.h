/* SPDX-License-Identifier: BSD-3-Clause */
/* The language server's documents: URIs, linting and diagnostics. */
#ifndef DANELINT_LSP_H
#define DANELINT_LSP_H

#include <stddef.h>
#include <stdio.h>

/*
 * Returns the absolute path that a file URI names, percent-decoded, as a
 * malloc'd string. Returns NULL for another scheme, a host other than
 * localhost, an invalid escape or an escaped NUL byte.
 */
char *lsp_uri_to_path(const char *uri);

/*
 * Lints text as the content of the file at path (absolute) and sends
 * textDocument/publishDiagnostics for uri with that file's findings.
 * version is the document version as JSON text, or NULL. A failure to
 * lint is logged and sent as one diagnostic on the first line. Returns -1
 * only when writing to out fails.
 */
int lsp_publish_diagnostics(FILE *out, const char *uri, const char *version,
			    const char *path, const char *text, size_t len);

/* Sends an empty diagnostics list for uri; -1 when writing fails. */
int lsp_clear_diagnostics(FILE *out, const char *uri);

#endif
