/* SPDX-License-Identifier: BSD-3-Clause */
/* Declarations of every rule and the helpers rules share. */
#ifndef DANELINT_RULES_H
#define DANELINT_RULES_H

#include "rule.h"

extern const struct rule rule_cert_expiry;
extern const struct rule rule_cert_unusable;
extern const struct rule rule_dane_ta_ca_missing;
extern const struct rule rule_dane_ta_incomplete_set;
extern const struct rule rule_dane_ta_name;
extern const struct rule rule_dane_ta_retired_ca;
extern const struct rule rule_domain_all_mx_unmatched;
extern const struct rule rule_dual_algorithm_coverage;
extern const struct rule rule_host_tlsa_missing;
extern const struct rule rule_mx_target_cname;
extern const struct rule rule_mx_tlsa_partial;
extern const struct rule rule_name_origin_doubled;
extern const struct rule rule_next_key_missing;
extern const struct rule rule_next_key_unpublished;
extern const struct rule rule_private_key_committed;
extern const struct rule rule_record_out_of_zone;
extern const struct rule rule_rollover_all_mx_at_once;
extern const struct rule rule_rollover_live_tlsa_removed;
extern const struct rule rule_rollover_too_early;
extern const struct rule rule_shared_key_all_mx;
extern const struct rule rule_soa_serial_not_incremented;
extern const struct rule rule_soa_rname_invalid;
extern const struct rule rule_soa_rname_undeliverable;
extern const struct rule rule_tlsa_alias_target_missing;
extern const struct rule rule_tlsa_current_key_unmatched;
extern const struct rule rule_tlsa_digest_of_empty_input;
extern const struct rule rule_tlsa_duplicate;
extern const struct rule rule_tlsa_malformed;
extern const struct rule rule_tlsa_not_311;
extern const struct rule rule_tlsa_orphan;
extern const struct rule rule_tlsa_owner_name;
extern const struct rule rule_tlsa_pkix_usage;
extern const struct rule rule_tlsa_rrset_large;
extern const struct rule rule_tlsa_rrsig_expiry;
extern const struct rule rule_tlsa_single_record;
extern const struct rule rule_tlsa_stale;
extern const struct rule rule_tlsa_ttl_long;
extern const struct rule rule_tlsa_unsigned_zone;
extern const struct rule rule_unused_suppression;
extern const struct rule rule_zone_syntax;

/*
 * Returns the name one label up, after the first unescaped dot:
 * "example.net." for "mx1.example.net." and for the RNAME
 * "john\.doe.example.net.". Returns NULL for the root or a single label.
 */
const char *parent_name(const char *name);

/* "3 1 1 0123456789ab..." with the data cut to 12 hex digits. */
const char *tlsa_short(struct lint_ctx *ctx, const struct record *r);

/* The "3 1 1" association data of a key, as lower-case hex. */
const char *key_digest_hex(struct lint_ctx *ctx, const struct key *k);

/*
 * Runs the DANE verifier for the host's deployed chains (once per run) and
 * returns its verdict: HOST_UNMATCHED when no chain verifies,
 * HOST_NOT_CHECKED when the host has no deployed chain or no TLSA RRset.
 */
enum host_verdict host_verdict(struct lint_ctx *ctx, const struct host *h);

/* Index of h in ctx->model->hosts. */
size_t host_index(const struct lint_ctx *ctx, const struct host *h);

/*
 * Finds the next-hop domains of h: the owners of MX records whose exchange
 * is h's name, or an alias that CNAME records lead from to h's name (the
 * TLSA base domain of an aliased MX host is the alias target). Sets *out
 * to an array in ctx's arena and returns its length.
 */
size_t host_next_hops(struct lint_ctx *ctx, const struct host *h,
		      const char *const **out);

/*
 * Does the certificate name pattern (a SAN dNSName or CN, lower case)
 * match the host name (absolute or not)? A wildcard matches only as the
 * whole left-most label and covers exactly one label, with at least two
 * labels after it (RFC 6125, section 6.4.3, as RFC 7672, sections 3.2.2
 * and 3.2.3 apply it): "*.example.net" matches "mx1.example.net", not
 * "a.mx1.example.net" nor "example.net".
 */
bool cert_name_matches(const char *pattern, const char *name);

/* Formats t as "2026-12-04" (UTC), in ctx's arena. */
const char *utc_date(struct lint_ctx *ctx, time_t t);

/* Does the set hold a record of this usage? */
bool tlsa_set_has_usage(const struct tlsa_set *set, uint8_t usage);

/* A location at the first record of a TLSA RRset. */
struct finding_loc loc_tlsa_set(const struct tlsa_set *set);

/* Formats t as "2026-12-04 12:00:00 UTC" in ctx's arena. */
const char *format_utc(struct lint_ctx *ctx, time_t t);

/* Formats seconds as "1d 2h 0m" from one day up and as "2h 0m 0s" below.
 * A negative value counts as 0. */
const char *format_duration(struct lint_ctx *ctx, long seconds);

/*
 * How long a new key must wait after its TLSA record is published, in
 * seconds: prepublish-ttls x max(TTL of the RRset, resolver-min-ttl) + the
 * SOA refresh of the RRset's zone (0 without an SOA).
 */
struct rollover_wait {
	long ttl;	/* the largest TTL in the RRset */
	long refresh;
	long total;
};
void required_wait(struct lint_ctx *ctx, const struct tlsa_set *set,
		   struct rollover_wait *w);

/* Returns the target of name's CNAME record in the loaded zones, or NULL
 * when name has none. */
const char *cname_target(const struct model *m, const char *name);

/* Follows CNAME records from name within the loaded zones. Returns the
 * name the chain ends at (name itself when it is no alias), or NULL when
 * the chain loops or has more than MAX_CNAME_CHAIN links. */
const char *cname_chain_end(const struct model *m, const char *name);

/* Is name in a loaded zone and not at or below a delegation (NS records
 * below the zone apex), so that the loaded zones hold all its records? */
bool name_in_loaded_zone(const struct model *m, const char *name);

#endif
