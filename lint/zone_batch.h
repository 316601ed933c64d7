/* SPDX-License-Identifier: BSD-3-Clause */
/* Records of a zone file collected in order and parsed on several threads. */
#ifndef DANELINT_ZONE_BATCH_H
#define DANELINT_ZONE_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zone_record.h"

struct record_job {
	size_t text;		/* offset of its text in the batch */
	unsigned line;
	bool inherits_owner;
	uint32_t default_ttl;	/* the $TTL in force at the record */
};

/*
 * Records that share one $ORIGIN, in file order. The loader adds records
 * as it scans a file and parses the batch before anything that changes
 * the origin or reads another file ($ORIGIN, $INCLUDE, end of file).
 */
struct record_batch {
	struct record_job *jobs;
	size_t count;
	size_t alloc;
	struct strbuf text;
	struct record_outcome *outcomes;	/* one per job, after parsing */
	size_t outcome_alloc;
	struct batch_work *work;	/* threads parsing it, or NULL */
	const char *path;	/* the file its records come from */
};

void batch_init(struct record_batch *b);
void batch_release(struct record_batch *b);
void batch_reset(struct record_batch *b);

void batch_add(struct record_batch *b, const char *text, unsigned line,
	       bool inherits_owner, uint32_t default_ttl);

/*
 * Parses every job into b->outcomes on up to threads threads (one when
 * the batch is small). The jobs are cut into runs where a record names
 * its own owner, so each run starts with the owner that the records
 * after it inherit, and the outcomes are the same as when one thread
 * reads them in turn. *prev is the inherited owner before the first job,
 * and after the last one on return. Strings of the outcomes go into a.
 */
void batch_parse(struct record_batch *b, const ldns_rdf *origin,
		 const ldns_rdf *apex, bool check_fast_path, ldns_rdf **prev,
		 unsigned threads, struct arena *a);

/*
 * Starts parsing b on threads of their own and returns at once, so that
 * the caller can fill another batch meanwhile. prev is the owner the
 * first job inherits, now owned by the batch. batch_parse_finish() waits
 * for the threads, moves the strings into a and returns the owner that
 * a record after the batch inherits.
 */
void batch_parse_start(struct record_batch *b, const ldns_rdf *origin,
		       const ldns_rdf *apex, bool check_fast_path,
		       ldns_rdf *prev, unsigned threads);
ldns_rdf *batch_parse_finish(struct record_batch *b, struct arena *a);

#endif
