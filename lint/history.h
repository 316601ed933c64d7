/* SPDX-License-Identifier: BSD-3-Clause */
/* TLSA publication history: when a record first appeared, from git. */
#ifndef DANELINT_HISTORY_H
#define DANELINT_HISTORY_H

#include <stdbool.h>
#include <time.h>

#include "model.h"
#include "snapshot.h"

struct history;

struct history *history_new(struct repo *r);
/* Reads the first-parent history back from head once, for later lookups. */
int history_preload(struct history *h, const char *head, struct strbuf *err);
void history_free(struct history *h);

/* The publication a lookup found. */
struct publication {
	bool found;		/* the start commit holds a matching record */
	time_t since;		/* committer time of the oldest commit of the run */
	char commit[41];	/* that commit */
	bool truncated;		/* the run reaches a commit a shallow clone cut */
};

/*
 * Walks the first-parent history back from start (a commit id) and finds
 * the unbroken run of commits in which zone_file (loaded under origin)
 * holds a TLSA record at owner that matches k. Parsed zone files are
 * cached by blob id, and history is read once per run, so repeated
 * lookups stay cheap. Returns 0, or -1 with err set.
 */
int history_first_published(struct history *h, const char *start,
			    const char *zone_file, const char *origin,
			    const char *owner, const struct key *k,
			    struct publication *out, struct strbuf *err);

#endif
