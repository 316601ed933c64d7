/* SPDX-License-Identifier: BSD-3-Clause */
/* Zone loader: parses master files with ldns into the model. */
#ifndef DANELINT_ZONE_H
#define DANELINT_ZONE_H

#include "model.h"
#include "source.h"

/*
 * Loads the zone file path (root-relative) from src into m. origin is the
 * absolute origin from the command line or configuration, or NULL to detect
 * it: the file's $ORIGIN, then the owner of its SOA record, then its file
 * name ("example.net", "example.net.zone", "db.example.net",
 * "example.net.db"). Every record is parsed on its own, so each syntax error
 * becomes an entry of m->errors with its line and loading goes on.
 *
 * Returns 0, or -1 when the file itself cannot be read (err then holds the
 * reason); problems inside the file are never a -1.
 */
int zone_load(struct model *m, const struct source *src, const char *path,
	      const char *origin, struct strbuf *err);

/*
 * Guesses the origin from a file name; returns a malloc'd absolute name, or
 * NULL. "db.example.net" and "example.net.zone" give "example.net.".
 */
char *zone_origin_from_filename(const char *path);

/*
 * Writes a wire-form domain name in presentation form and lower case,
 * as ldns_rdf2str writes it ("mx1.example.net."), into the arena.
 */
char *zone_name_text(struct arena *a, const uint8_t *wire, size_t len);

#endif
