/* SPDX-License-Identifier: BSD-3-Clause */
/* $GENERATE, BIND's directive for ranges of similar records. */
#ifndef DANELINT_ZONE_GENERATE_H
#define DANELINT_ZONE_GENERATE_H

#include <stddef.h>

/* More records than this from one $GENERATE line are reported instead. */
#define GENERATE_MAX_RECORDS 1000000

/*
 * Expands the arguments of a $GENERATE line, "RANGE LHS [TTL] [CLASS]
 * TYPE RHS" as in "1-10 host$ A 192.0.2.$", and calls emit with the text
 * of each record it makes, in order. RANGE is START-STOP or
 * START-STOP/STEP. In LHS and in the rest, "$" is the counter value.
 * "${OFFSET,WIDTH,BASE}" adds OFFSET, pads to WIDTH and writes the value in
 * BASE, which is d, o, x, X, or n and N for reversed nibbles ("4.3.2.1").
 * "\$" is a dollar sign. Returns 0, or -1 with the reason in err (size
 * bytes), before any emit when the line itself is wrong.
 */
int zone_generate(const char *args,
		  void (*emit)(void *arg, const char *text), void *arg,
		  char *err, size_t size);

#endif
