/* SPDX-License-Identifier: BSD-3-Clause */
/* Fast path of the zone loader for the most common record shapes. */
#ifndef DANELINT_ZONE_FAST_H
#define DANELINT_ZONE_FAST_H

#include <stdbool.h>
#include <stdint.h>

#include <ldns/ldns.h>

/*
 * Parses one record of scanner text, such as "mx1 3600 IN A 192.0.2.1",
 * when it has one of the shapes most zones are made of. The owner is plain
 * letters, digits, '-', '_' and '*' (or "@", or none), then come an
 * optional decimal TTL, an optional IN, and an A, AAAA, NS, CNAME, PTR,
 * MX, TXT or TLSA record with plain fields. Each field still goes through
 * ldns's own field parser (ldns_rdf_new_frm_str, ldns_str2rdf_dname), so
 * the result is the record ldns_rr_new_frm_str makes. Only its generic
 * tokenizer and its large per-record buffers are skipped.
 *
 * Returns the record and updates *prev as ldns_rr_new_frm_str does, or
 * returns NULL, leaving *prev alone, for any other text, valid or not:
 * the caller then parses it with ldns_rr_new_frm_str, whose verdict and
 * error message count.
 */
ldns_rr *zone_fast_parse(const char *text, bool inherits_owner,
			 uint32_t default_ttl, const ldns_rdf *origin,
			 ldns_rdf **prev);

/*
 * Parses text both ways and aborts with a message when the fast path
 * returns a record that differs from ldns_rr_new_frm_str's. For tests
 * and fuzzing (DANELINT_CHECK_FAST_PATH=1); returns the fast record.
 */
ldns_rr *zone_fast_parse_checked(const char *text, bool inherits_owner,
				 uint32_t default_ttl, const ldns_rdf *origin,
				 ldns_rdf **prev);

#endif
