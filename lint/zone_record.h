/* SPDX-License-Identifier: BSD-3-Clause */
/* One record of a zone file: from scanner text to a model record. */
#ifndef DANELINT_ZONE_RECORD_H
#define DANELINT_ZONE_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include <ldns/ldns.h>

#include "model.h"

/* The owner name of the last record parsed, which the next records of
 * the same owner share. */
struct owner_memo {
	uint8_t wire[256];	/* the name in wire form, as written */
	size_t len;		/* 0: none yet */
	const char *text;	/* in lower case, in the arena of the records */
	uint64_t hash;		/* of the name, the start of a record hash */
};

/* The state of the file at a record's line, which the record is read
 * against. */
struct record_env {
	const ldns_rdf *origin;	/* the $ORIGIN in force, or NULL */
	const ldns_rdf *apex;	/* the zone's origin, or NULL */
	uint32_t default_ttl;
	bool check_fast_path;	/* DANELINT_CHECK_FAST_PATH is set */
	struct owner_memo *owner;	/* or NULL; one per thread */
};

enum record_verdict {
	RECORD_OK,		/* rec is filled */
	RECORD_SYNTAX,		/* message says why; reported by zone-syntax */
	RECORD_OUT_OF_ZONE,	/* reported by record-out-of-zone */
};

struct record_outcome {
	enum record_verdict verdict;
	struct record rec;	/* file and zone are left for the caller */
	const char *message;
};

/*
 * Parses the scanner text of one record (line is its first line) and
 * fills *out, with every string in arena a. *prev is the owner that a
 * record starting with a blank inherits; it is updated as
 * ldns_rr_new_frm_str updates it. Touches nothing else, so records of
 * one file can be parsed on several threads, each with its own arena.
 */
void zone_record_parse(const struct record_env *env, ldns_rdf **prev,
		       const char *text, bool inherits_owner, unsigned line,
		       struct arena *a, struct record_outcome *out);

/* Splits off the next blank-separated token of *p; returns its length.
 * Escaped blanks ("a\\ b") and blanks in quotes do not split it. */
size_t zone_next_token(const char **p);

/* Parses a TTL such as "3600" or "1w2d3h" (RFC 2308 units, as BIND).
 * Returns 0, or -1 when s is no TTL or exceeds 2^31 - 1. */
int zone_parse_ttl(const char *s, size_t len, uint32_t *out);

/* Returns the RDATA part of a record's text: what follows its type. */
const char *zone_rdata_start(const char *text, bool inherits_owner);

#endif
