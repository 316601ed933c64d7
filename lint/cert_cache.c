/* SPDX-License-Identifier: BSD-3-Clause */
/* Decoded certificates and public keys, kept by their DER for the run. */
#include "cert_cache.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/provider.h>

#include "util.h"

enum entry_kind {
	ENTRY_X509,
	ENTRY_X509_AUX,
	ENTRY_X509_NOKEY,
	ENTRY_X509_AUX_NOKEY,
	ENTRY_PUBKEY,
};

struct entry {
	struct entry *next;
	enum entry_kind kind;
	uint64_t hash;
	uint8_t *der;
	size_t len;
	size_t used;
	X509 *cert;	/* NULL when it did not decode */
	bool key_ok;	/* a public key that OpenSSL decodes */
	bool key_broken;	/* of a certificate: see check_cert_key() */
	struct key_type key;
	unsigned char *spki;	/* the SubjectPublicKeyInfo, re-encoded */
	int spki_len;
};

#define BUCKETS 4096
/* Fewer blobs than this are decoded when they are needed. */
#define PREFETCH_MIN 64
#define MAX_THREADS 64

static struct entry *buckets[BUCKETS];

/*
 * A library context with no provider but "null", so that it has no key
 * decoders: a certificate decoded in it keeps its SubjectPublicKeyInfo as
 * DER, and no EVP_PKEY is made. NULL until first used, or when it could not
 * be made; then the default context decodes everything.
 */
static OSSL_LIB_CTX *nokey_ctx;
static OSSL_PROVIDER *null_provider;
static bool nokey_tried;
/* The X509 ex_data slot that points to the key type of a cached
 * certificate, or -1. */
static int key_type_index = -1;

/* Makes nokey_ctx. Called before any thread decodes. */
static void make_nokey_ctx(void)
{
	if (key_type_index < 0)
		key_type_index = X509_get_ex_new_index(0, NULL, NULL, NULL,
						       NULL);
	if (nokey_tried)
		return;
	nokey_tried = true;
	nokey_ctx = OSSL_LIB_CTX_new();
	if (nokey_ctx && !(null_provider = OSSL_PROVIDER_load(nokey_ctx,
							       "null"))) {
		OSSL_LIB_CTX_free(nokey_ctx);
		nokey_ctx = NULL;
	}
	ERR_clear_error();
}

static uint64_t hash_der(enum entry_kind kind, const uint8_t *p, size_t len)
{
	uint64_t h = 14695981039346656037ULL ^ (uint64_t)kind;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct entry *find(enum entry_kind kind, uint64_t h, const uint8_t *der,
			  size_t len)
{
	struct entry *e;

	for (e = buckets[h % BUCKETS]; e; e = e->next)
		if (e->hash == h && e->kind == kind && e->len == len &&
		    memcmp(e->der, der, len) == 0)
			return e;
	return NULL;
}

static struct entry *new_entry(enum entry_kind kind, uint64_t h,
			       const uint8_t *der, size_t len)
{
	struct entry *e = xcalloc(1, sizeof(*e));

	e->kind = kind;
	e->hash = h;
	e->der = xmalloc(len ? len : 1);
	memcpy(e->der, der, len);
	e->len = len;
	return e;
}

/*
 * Decodes a certificate with d2i_X509, or d2i_X509_AUX when aux is set,
 * in ctx. d2i_X509 frees the object it was given when it fails, but
 * d2i_X509_AUX keeps it when only the trailing auxiliary data is bad.
 */
static X509 *decode_x509(OSSL_LIB_CTX *ctx, bool aux, const unsigned char **p,
			 long len)
{
	X509 *x = X509_new_ex(ctx, NULL);

	if (!x)
		return NULL;
	if (!(aux ? d2i_X509_AUX(&x, p, len) : d2i_X509(&x, p, len))) {
		X509_free(x);
		return NULL;
	}
	return x;
}

/*
 * Decodes a SubjectPublicKeyInfo as an X509_PUBKEY in nokey_ctx, which
 * checks its structure only, and describes its key from the re-encoded
 * DER, which is what a TLSA "x 1 y" record covers.
 */
static void decode_pubkey(struct entry *e, const unsigned char **p)
{
	X509_PUBKEY *xp = X509_PUBKEY_new_ex(nokey_ctx, NULL);

	if (!xp)
		return;
	if (!d2i_X509_PUBKEY(&xp, p, (long)e->len)) {
		X509_PUBKEY_free(xp);
		return;
	}
	e->spki_len = i2d_X509_PUBKEY(xp, &e->spki);
	if (e->spki_len > 0)
		e->key_ok = key_type_of_spki(e->spki, (size_t)e->spki_len,
					     &e->key);
	X509_PUBKEY_free(xp);
}

/*
 * Sets e->key_broken when OpenSSL implements the algorithm of the key of the
 * certificate e->cert but cannot decode the key: a point off the curve,
 * a key of the wrong size. No TLS client can use such a certificate.
 */
static void check_cert_key(struct entry *e)
{
	unsigned char *spki = NULL;
	int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(e->cert), &spki);

	if (len <= 0) {
		OPENSSL_free(spki);
		return;
	}
	e->key_ok = key_type_of_spki(spki, (size_t)len, &e->key);
	e->key_broken = !e->key_ok &&
			key_type_algorithm_known(spki, (size_t)len);
	if (key_type_index >= 0)
		X509_set_ex_data(e->cert, key_type_index, &e->key);
	OPENSSL_free(spki);
}

static void decode(struct entry *e)
{
	const unsigned char *p = e->der;

	switch (e->kind) {
	case ENTRY_X509:
	case ENTRY_X509_AUX:
		e->cert = decode_x509(NULL, e->kind == ENTRY_X509_AUX, &p,
				      (long)e->len);
		break;
	case ENTRY_X509_NOKEY:
	case ENTRY_X509_AUX_NOKEY:
		e->cert = decode_x509(nokey_ctx,
				      e->kind == ENTRY_X509_AUX_NOKEY, &p,
				      (long)e->len);
		if (e->cert)
			check_cert_key(e);
		break;
	case ENTRY_PUBKEY:
		decode_pubkey(e, &p);
		break;
	}
	e->used = (size_t)(p - e->der);
	ERR_clear_error();
}

static void insert(struct entry *e)
{
	struct entry **head = &buckets[e->hash % BUCKETS];

	e->next = *head;
	*head = e;
}

/* Finds the entry for der, decoding it on the first call. */
static struct entry *lookup(enum entry_kind kind, const uint8_t *der,
			    size_t len)
{
	uint64_t h = hash_der(kind, der, len);
	struct entry *e = find(kind, h, der, len);

	if (e)
		return e;
	make_nokey_ctx();
	e = new_entry(kind, h, der, len);
	decode(e);
	insert(e);
	return e;
}

X509 *cert_cache_x509(const uint8_t *der, size_t len, int aux, size_t *used)
{
	struct entry *e = lookup(aux ? ENTRY_X509_AUX : ENTRY_X509, der, len);

	*used = e->used;
	if (!e->cert || X509_up_ref(e->cert) != 1)
		return NULL;
	return e->cert;
}

X509 *cert_cache_x509_nokey(const uint8_t *der, size_t len, int aux,
			    size_t *used, bool *broken_key)
{
	struct entry *e = lookup(aux ? ENTRY_X509_AUX_NOKEY : ENTRY_X509_NOKEY,
				 der, len);

	*used = e->used;
	*broken_key = e->key_broken;
	if (!e->cert || X509_up_ref(e->cert) != 1)
		return NULL;
	return e->cert;
}

const struct key_type *cert_cache_key_type(const X509 *x)
{
	return key_type_index >= 0 ? X509_get_ex_data(x, key_type_index)
				   : NULL;
}

bool cert_cache_pubkey(const uint8_t *der, size_t len, size_t *used,
		       const uint8_t **spki, size_t *spki_len,
		       const struct key_type **key)
{
	struct entry *e = lookup(ENTRY_PUBKEY, der, len);

	*used = e->used;
	*spki = e->spki;
	*spki_len = e->key_ok ? (size_t)e->spki_len : 0;
	*key = &e->key;
	return e->key_ok;
}

/* Entries decoded by one prefetch thread: every step-th from first. */
struct prefetch_run {
	struct entry **entries;
	size_t count;
	size_t first;
	size_t step;
};

static void *prefetch_run(void *arg)
{
	struct prefetch_run *r = arg;
	size_t i;

	for (i = r->first; i < r->count; i += r->step)
		decode(r->entries[i]);
	return NULL;
}

/* Blobs collected for a prefetch, chained by hash as the cache is. */
struct pending {
	struct entry **list;
	size_t count;
	size_t alloc;
	struct entry *buckets[BUCKETS];
};

static bool pending_has(const struct pending *p, enum entry_kind kind,
			uint64_t h, const uint8_t *der, size_t len)
{
	const struct entry *e;

	for (e = p->buckets[h % BUCKETS]; e; e = e->next)
		if (e->hash == h && e->kind == kind && e->len == len &&
		    memcmp(e->der, der, len) == 0)
			return true;
	return false;
}

/* Adds the certificate and public key blocks of one PEM file that the
 * cache does not hold yet to p. */
static void collect(const uint8_t *data, size_t len, struct pending *p)
{
	BIO *bio;

	if (len > (size_t)INT32_MAX ||
	    !(bio = BIO_new_mem_buf(data, (int)len)))
		return;
	for (;;) {
		char *name = NULL, *header = NULL;
		unsigned char *der = NULL;
		long der_len = 0;
		enum entry_kind kind;
		uint64_t h;

		if (PEM_read_bio(bio, &name, &header, &der, &der_len) != 1)
			break;
		kind = strcmp(name, "CERTIFICATE") == 0 ? ENTRY_X509_NOKEY
		       : strcmp(name, "PUBLIC KEY") == 0 ? ENTRY_PUBKEY
							 : (enum entry_kind)-1;
		if (kind != (enum entry_kind)-1 && der_len > 0) {
			h = hash_der(kind, der, (size_t)der_len);
			if (!pending_has(p, kind, h, der, (size_t)der_len) &&
			    !find(kind, h, der, (size_t)der_len)) {
				struct entry *e = new_entry(kind, h, der,
							    (size_t)der_len);

				e->next = p->buckets[h % BUCKETS];
				p->buckets[h % BUCKETS] = e;
				*ARRAY_PUSH(p->list, p->count, p->alloc) = e;
			}
		}
		OPENSSL_free(name);
		OPENSSL_free(header);
		OPENSSL_free(der);
	}
	BIO_free(bio);
	ERR_clear_error();
}

void cert_cache_prefetch(const uint8_t *const *data, const size_t *lens,
			 size_t count, unsigned threads)
{
	struct pending *p = xcalloc(1, sizeof(*p));
	struct prefetch_run runs[MAX_THREADS];
	pthread_t ids[MAX_THREADS];
	bool started[MAX_THREADS];
	struct entry **list;
	size_t n, i;

	make_nokey_ctx();
	for (i = 0; i < count; i++)
		collect(data[i], lens[i], p);
	list = p->list;
	n = p->count;
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	if (n < PREFETCH_MIN || threads < 2)
		threads = 1;
	for (i = 0; i < threads; i++) {
		runs[i].entries = list;
		runs[i].count = n;
		runs[i].first = i;
		runs[i].step = threads;
		started[i] = i > 0 &&
			     pthread_create(&ids[i], NULL, prefetch_run,
					    &runs[i]) == 0;
	}
	prefetch_run(&runs[0]);
	for (i = 1; i < threads; i++)
		if (started[i])
			pthread_join(ids[i], NULL);
		else
			prefetch_run(&runs[i]);
	for (i = 0; i < n; i++)
		insert(list[i]);
	free(list);
	free(p);
}

void cert_cache_clear(void)
{
	size_t i;

	for (i = 0; i < BUCKETS; i++) {
		struct entry *e = buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			X509_free(e->cert);
			OPENSSL_free(e->spki);
			free(e->der);
			free(e);
		}
		buckets[i] = NULL;
	}
	OSSL_PROVIDER_unload(null_provider);
	OSSL_LIB_CTX_free(nokey_ctx);
	null_provider = NULL;
	nokey_ctx = NULL;
	nokey_tried = false;
}
