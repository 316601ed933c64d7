/* SPDX-License-Identifier: BSD-3-Clause */
/* Fast path of the zone loader for the most common record shapes. */
#ifndef DANELINT_ZONE_FAST_H
#define DANELINT_ZONE_FAST_H

#include <stdbool.h>
#include <stdint.h>

#include <ldns/ldns.h>

#define ZONE_FAST_MAX_FIELDS 4

/* One RDATA field in wire form, with the type ldns gives it. */
struct fast_field {
	ldns_rdf_type rdf_type;
	const uint8_t *data;	/* in the record's data */
	size_t len;
};

/* A record that the fast path read, in wire form. */
struct fast_record {
	uint8_t owner[LDNS_MAX_DOMAINLEN];
	size_t owner_len;
	uint32_t ttl;
	uint16_t type;	/* class IN */
	size_t field_count;
	struct fast_field fields[ZONE_FAST_MAX_FIELDS];
	uint8_t data[2560];	/* 2,048 bytes of TLSA data and more */
};

/*
 * Reads one record of scanner text, such as "mx1 3600 IN A 192.0.2.1",
 * when it has one of the shapes most zones are made of. The owner is plain
 * letters, digits, '-', '_' and '*', or "@", or none for the owner prev.
 * Then come an optional decimal TTL, an optional IN, and an A, AAAA, NS,
 * CNAME, PTR, MX, TXT or TLSA record with plain fields. Plain means no
 * escapes, no parentheses and only one TXT string.
 *
 * For these shapes the wire form is fixed by the RFCs and ldns writes
 * nothing else, so the fast path writes it directly, without the
 * allocations of an ldns_rr. Returns false for any other text, valid or
 * not: the caller then parses it with ldns_rr_new_frm_str, whose verdict
 * and error message count. zone_fast_check() compares both readings.
 */
bool zone_fast_read(const char *text, bool inherits_owner,
		    uint32_t default_ttl, const ldns_rdf *origin,
		    const ldns_rdf *prev, struct fast_record *out);

/* Makes the ldns_rr of a fast record; NULL when memory runs out. */
ldns_rr *zone_fast_rr(const struct fast_record *r);

/*
 * Parses text with ldns_rr_new_frm_str as well and aborts with a message
 * when ldns reads a different record, or would not take its owner for the
 * records after it. For tests and fuzzing (DANELINT_CHECK_FAST_PATH=1).
 */
void zone_fast_check(const struct fast_record *r, const char *text,
		     uint32_t default_ttl, const ldns_rdf *origin,
		     const ldns_rdf *prev);

#endif
