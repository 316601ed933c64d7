/* SPDX-License-Identifier: BSD-3-Clause */
/* Decoded certificates and public keys, kept by their DER for the run. */
#include "cert_cache.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum entry_kind {
	ENTRY_X509,
	ENTRY_X509_AUX,
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
	EVP_PKEY *pkey;
	unsigned char *spki;	/* i2d_PUBKEY of pkey, made on demand */
	int spki_len;
};

#define BUCKETS 4096

static struct entry *buckets[BUCKETS];

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

/* Finds the entry for der, decoding it on the first call. */
static struct entry *lookup(enum entry_kind kind, const uint8_t *der,
			    size_t len)
{
	uint64_t h = hash_der(kind, der, len);
	struct entry **head = &buckets[h % BUCKETS], *e;
	const unsigned char *p = der;

	for (e = *head; e; e = e->next)
		if (e->hash == h && e->kind == kind && e->len == len &&
		    memcmp(e->der, der, len) == 0)
			return e;
	e = xcalloc(1, sizeof(*e));
	e->kind = kind;
	e->hash = h;
	e->der = xmalloc(len ? len : 1);
	memcpy(e->der, der, len);
	e->len = len;
	if (kind == ENTRY_X509)
		e->cert = d2i_X509(NULL, &p, (long)len);
	else if (kind == ENTRY_X509_AUX)
		e->cert = d2i_X509_AUX(NULL, &p, (long)len);
	else
		e->pkey = d2i_PUBKEY(NULL, &p, (long)len);
	e->used = (size_t)(p - der);
	e->next = *head;
	*head = e;
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

EVP_PKEY *cert_cache_pubkey(const uint8_t *der, size_t len, size_t *used,
			    const uint8_t **spki, size_t *spki_len)
{
	struct entry *e = lookup(ENTRY_PUBKEY, der, len);

	*used = e->used;
	*spki = NULL;
	*spki_len = 0;
	if (!e->pkey || EVP_PKEY_up_ref(e->pkey) != 1)
		return NULL;
	if (!e->spki)
		e->spki_len = i2d_PUBKEY(e->pkey, &e->spki);
	if (e->spki_len > 0) {
		*spki = e->spki;
		*spki_len = (size_t)e->spki_len;
	}
	return e->pkey;
}

void cert_cache_clear(void)
{
	size_t i;

	for (i = 0; i < BUCKETS; i++) {
		struct entry *e = buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			X509_free(e->cert);
			EVP_PKEY_free(e->pkey);
			OPENSSL_free(e->spki);
			free(e->der);
			free(e);
		}
		buckets[i] = NULL;
	}
}
