/* SPDX-License-Identifier: BSD-3-Clause */
/* DANE verification of a chain against a TLSA RRset, through OpenSSL. */
#ifndef DANELINT_DANE_H
#define DANELINT_DANE_H

#include <stdbool.h>
#include <time.h>

#include "model.h"

struct dane_result {
	bool verified;
	/*
	 * True when the chain fails only because of digest algorithm agility
	 * (RFC 7671, section 9): a "3 1 1" record matches, but a "3 1 2"
	 * record in the same RRset makes clients that prefer SHA-512 ignore it.
	 */
	bool agility_hidden;
	char reason[256];	/* the verifier's error text when not verified */
};

/*
 * Runs OpenSSL's DANE verifier offline (SSL_dane_enable,
 * SSL_dane_tlsa_add, X509_STORE_CTX_set0_dane) on chain with base_domain
 * (absolute, trailing dot allowed) as peer name and the records of set as
 * TLSA RRset. With smtp set, PKIX usages 0 and 1 are left out, as RFC 7672,
 * section 3.1.3 requires of SMTP clients, and name checks are skipped for
 * DANE-EE. now is the reference time for certificate validity.
 * Returns 0 with *out filled, or a negative value on an internal failure.
 */
int dane_verify(const struct chain *chain, const char *base_domain,
		const struct tlsa_set *set, bool smtp, time_t now,
		struct dane_result *out);

/*
 * The same, with more names the leaf may carry for DANE-TA(2): for SMTP the
 * next-hop domains (RFC 7672, sections 3.2.2 and 3.2.3), absolute or not.
 * With smtp set, a wildcard matches only as the whole left-most label, as
 * those sections ask: "*.example.net" matches "mx1.example.net" but
 * "mx*.example.net" matches nothing.
 */
int dane_verify_names(const struct chain *chain, const char *base_domain,
		      const char *const *names, size_t name_count,
		      const struct tlsa_set *set, bool smtp, time_t now,
		      struct dane_result *out);

/* Frees the OpenSSL contexts dane_verify() keeps between calls. */
void dane_cleanup(void);

#endif
