/* SPDX-License-Identifier: BSD-3-Clause */
/* DANE verification of a chain against a TLSA RRset, through OpenSSL. */
#include "dane.h"
#include "cert_cache.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

/* TLSA matching types (RFC 6698, section 2.1.3). */
enum {
	MTYPE_SHA256 = 1,
	MTYPE_SHA512 = 2,
};

/*
 * OpenSSL's default ordinal of SHA2-256 records. A matching type with a
 * higher ordinal is preferred, and SHA2-512 has ordinal 2 (OpenSSL 3.0,
 * ssl/ssl_lib.c, dane_mds).
 */
#define SHA256_ORDINAL 1

/* PKIX-TA(0) and PKIX-EE(1), which SMTP clients ignore (RFC 7672). */
static bool is_pkix_usage(uint8_t usage)
{
	return usage == 0 || usage == 1;
}

/* Is r a TLSA record that this verification passes to OpenSSL? */
static bool record_usable(const struct record *r, bool smtp)
{
	if (r->type != RR_TLSA || !r->u.tlsa.data || !r->u.tlsa.len)
		return false;
	return !(smtp && is_pkix_usage(r->u.tlsa.usage));
}

/* Does the set hold both SHA2-256 and SHA2-512 records? */
static bool has_both_digests(const struct tlsa_set *set, bool smtp)
{
	bool sha256 = false, sha512 = false;
	size_t i;

	for (i = 0; i < set->count; i++) {
		const struct record *r = set->records[i];

		if (!record_usable(r, smtp))
			continue;
		sha256 |= r->u.tlsa.mtype == MTYPE_SHA256;
		sha512 |= r->u.tlsa.mtype == MTYPE_SHA512;
	}
	return sha256 && sha512;
}

static bool has_pkix_records(const struct tlsa_set *set)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		if (set->records[i]->type == RR_TLSA &&
		    is_pkix_usage(set->records[i]->u.tlsa.usage))
			return true;
	return false;
}

/* Adds the usable records of set to ssl and returns how many it accepted. */
static size_t add_records(SSL *ssl, const struct tlsa_set *set, bool smtp)
{
	size_t i, added = 0;

	for (i = 0; i < set->count; i++) {
		const struct record *r = set->records[i];

		if (!record_usable(r, smtp))
			continue;
		/* A rejected record (bad digest length, undecodable
		 * certificate or key) is left out, because other rules
		 * report it. */
		if (SSL_dane_tlsa_add(ssl, r->u.tlsa.usage, r->u.tlsa.selector,
				      r->u.tlsa.mtype, r->u.tlsa.data,
				      r->u.tlsa.len) > 0)
			added++;
	}
	ERR_clear_error();
	return added;
}

/* Decodes the certificates of chain, leaf first. */
static STACK_OF(X509) *decode_chain(const struct chain *chain)
{
	STACK_OF(X509) *certs = sk_X509_new_null();
	size_t i;

	if (!certs)
		return NULL;
	for (i = 0; i < chain->count; i++) {
		size_t used;
		X509 *x = cert_cache_x509(chain->certs[i].der,
					  chain->certs[i].der_len, 0, &used);

		if (!x || !sk_X509_push(certs, x)) {
			X509_free(x);
			sk_X509_pop_free(certs, X509_free);
			return NULL;
		}
	}
	return certs;
}

/*
 * Creates the client context. With equal_digests, SHA2-512 records get the
 * ordinal of SHA2-256 records, so that OpenSSL tries both.
 */
static SSL_CTX *new_dane_ctx(bool equal_digests)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	if (!ctx)
		return NULL;
	if (SSL_CTX_dane_enable(ctx) <= 0 ||
	    (equal_digests &&
	     SSL_CTX_dane_mtype_set(ctx, EVP_sha512(), MTYPE_SHA512,
				    SHA256_ORDINAL) <= 0)) {
		SSL_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

/*
 * Creates the trust store: empty, because DANE-TA and DANE-EE records carry
 * their own trust anchors. PKIX usages outside SMTP need the system's CA
 * certificates, so the result then depends on this machine's trust store.
 */
static X509_STORE *new_store(const struct tlsa_set *set, bool smtp)
{
	X509_STORE *store = X509_STORE_new();

	if (store && !smtp && has_pkix_records(set) &&
	    X509_STORE_set_default_paths(store) != 1) {
		X509_STORE_free(store);
		return NULL;
	}
	return store;
}

/* Runs X509_verify_cert on an initialised ctx with the DANE state of ssl. */
static int run_verify(X509_STORE_CTX *ctx, SSL *ssl, time_t now,
		      struct dane_result *out)
{
	X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx);
	int ret;

	/* The same steps as libssl when a client verifies a server. */
	if (X509_STORE_CTX_set_default(ctx, "ssl_server") != 1 ||
	    X509_VERIFY_PARAM_set1(param, SSL_get0_param(ssl)) != 1)
		return -1;
	X509_STORE_CTX_set0_dane(ctx, SSL_get0_dane(ssl));
	X509_VERIFY_PARAM_set_time(param, now);
	ret = X509_verify_cert(ctx);
	out->verified = ret == 1;
	/* a certificate whose public key OpenSSL cannot decode makes
	 * X509_verify_cert fail with -1 rather than 0 */
	if (!out->verified)
		snprintf(out->reason, sizeof(out->reason), "%s",
			 X509_verify_cert_error_string(
				 X509_STORE_CTX_get_error(ctx)));
	ERR_clear_error();
	return 0;
}

/* The two client contexts, made once per run: SSL_CTX_new is costly. */
static SSL_CTX *dane_contexts[2];

static SSL_CTX *dane_ctx(bool equal_digests)
{
	SSL_CTX **slot = &dane_contexts[equal_digests];

	if (!*slot)
		*slot = new_dane_ctx(equal_digests);
	return *slot;
}

void dane_cleanup(void)
{
	SSL_CTX_free(dane_contexts[0]);
	SSL_CTX_free(dane_contexts[1]);
	dane_contexts[0] = dane_contexts[1] = NULL;
}

/* DANELINT_CHECK_FAST_PATH=1 runs OpenSSL even where a DANE-EE record
 * settles the verdict, and aborts when the two disagree. */
static bool check_shortcut;

/* The reference identifiers of one verification. */
struct peer_names {
	const char *base;	/* without the trailing dot */
	const char *const *names;	/* more names, trailing dot allowed */
	size_t count;
};

/* Adds the names besides the base domain that the leaf may carry. */
static int add_names(SSL *ssl, const struct peer_names *peer, bool smtp)
{
	size_t i;

	if (smtp)
		SSL_set_hostflags(ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
	for (i = 0; i < peer->count; i++) {
		size_t len = strlen(peer->names[i]);
		char *name;
		int ok;

		if (len > 1 && peer->names[i][len - 1] == '.')
			len--;
		name = xstrndup(peer->names[i], len);
		ok = SSL_add1_host(ssl, name);
		free(name);
		if (ok != 1)
			return -1;
	}
	return 0;
}

/* Sets up the DANE state for the peer names and verifies certs once. */
static int verify_once(STACK_OF(X509) *certs, const struct peer_names *peer,
		       const struct tlsa_set *set, bool smtp, time_t now,
		       bool equal_digests, struct dane_result *out)
{
	SSL_CTX *ssl_ctx = dane_ctx(equal_digests);
	SSL *ssl = NULL;
	X509_STORE *store = NULL;
	X509_STORE_CTX *ctx = NULL;
	int rc = -1;

	if (!ssl_ctx || !(ssl = SSL_new(ssl_ctx)))
		goto out;
	rc = 0;
	if (SSL_dane_enable(ssl, peer->base) <= 0) {
		snprintf(out->reason, sizeof(out->reason),
			 "OpenSSL rejects \"%s\" as DANE base domain",
			 peer->base);
		goto out;
	}
	if (add_names(ssl, peer, smtp) < 0) {
		rc = -1;
		goto out;
	}
	if (smtp)
		SSL_dane_set_flags(ssl, DANE_FLAG_NO_DANE_EE_NAMECHECKS);
	if (add_records(ssl, set, smtp) == 0) {
		snprintf(out->reason, sizeof(out->reason), "%s",
			 smtp ? "no usable DANE-TA(2) or DANE-EE(3) TLSA record"
			      : "no usable TLSA record");
		goto out;
	}
	rc = -1;
	store = new_store(set, smtp);
	ctx = X509_STORE_CTX_new();
	if (store && ctx &&
	    X509_STORE_CTX_init(ctx, store, sk_X509_value(certs, 0), certs) == 1)
		rc = run_verify(ctx, ssl, now, out);
out:
	X509_STORE_CTX_free(ctx);
	X509_STORE_free(store);
	SSL_free(ssl);
	ERR_clear_error();
	return rc;
}

int dane_verify(const struct chain *chain, const char *base_domain,
		const struct tlsa_set *set, bool smtp, time_t now,
		struct dane_result *out)
{
	return dane_verify_names(chain, base_domain, NULL, 0, set, smtp, now,
				 out);
}

/* A host name OpenSSL takes as DANE base domain: letters, digits, '-'
 * and dots. */
static bool plain_host(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '-' &&
		    name[i] != '.')
			return false;
	return len > 0 && name[0] != '.';
}

/*
 * For SMTP, a DANE-EE(3) record that matches the leaf authenticates the
 * server without any other check (RFC 7672, section 3.1.1: no name,
 * expiry or chain checks), so OpenSSL has nothing to add. That is true
 * unless the RRset has both SHA2-256 and SHA2-512 records, where OpenSSL
 * uses only the stronger digest (RFC 7671, section 9).
 */
static bool leaf_matches_ee(const struct chain *chain, const char *base,
			    size_t len, const struct tlsa_set *set, bool smtp)
{
	size_t i;

	if (!smtp || has_both_digests(set, smtp) || !plain_host(base, len))
		return false;
	for (i = 0; i < set->count; i++) {
		const struct record *r = set->records[i];

		if (record_usable(r, smtp) && r->u.tlsa.usage == 3 &&
		    (r->u.tlsa.mtype == MTYPE_SHA256 ||
		     r->u.tlsa.mtype == MTYPE_SHA512) &&
		    tlsa_matches_cert(r, &chain->certs[0]))
			return true;
	}
	return false;
}

int dane_verify_names(const struct chain *chain, const char *base_domain,
		      const char *const *names, size_t name_count,
		      const struct tlsa_set *set, bool smtp, time_t now,
		      struct dane_result *out)
{
	size_t len = strlen(base_domain);
	STACK_OF(X509) *certs = NULL;
	struct dane_result equal;
	struct peer_names peer = { NULL, names, name_count };
	char *base;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	check_shortcut = getenv("DANELINT_CHECK_FAST_PATH") != NULL;
	if (chain->count == 0) {
		snprintf(out->reason, sizeof(out->reason),
			 "the chain holds no certificate");
		return 0;
	}
	if (len && base_domain[len - 1] == '.')
		len--;
	if (leaf_matches_ee(chain, base_domain, len, set, smtp) &&
	    !check_shortcut) {
		out->verified = true;
		return 0;
	}
	base = xstrndup(base_domain, len);
	peer.base = base;
	certs = decode_chain(chain);
	if (!certs)
		goto out;
	rc = verify_once(certs, &peer, set, smtp, now, false, out);
	/* Digest algorithm agility (RFC 7671, section 9): retry with SHA2-256
	 * and SHA2-512 records on an equal footing. */
	if (rc == 0 && !out->verified && has_both_digests(set, smtp)) {
		memset(&equal, 0, sizeof(equal));
		rc = verify_once(certs, &peer, set, smtp, now, true, &equal);
		out->agility_hidden = rc == 0 && equal.verified;
	}
out:
	if (check_shortcut && rc == 0 &&
	    leaf_matches_ee(chain, base_domain, len, set, smtp) &&
	    !out->verified) {
		fprintf(stderr, "danelint: OpenSSL does not verify the chain "
			"of '%s' that a DANE-EE record matches\n", base);
		abort();
	}
	sk_X509_pop_free(certs, X509_free);
	free(base);
	return rc;
}
