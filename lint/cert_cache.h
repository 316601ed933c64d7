/* SPDX-License-Identifier: BSD-3-Clause */
/* Decoded certificates and public keys, kept by their DER for the run. */
#ifndef DANELINT_CERT_CACHE_H
#define DANELINT_CERT_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

/*
 * OpenSSL 3 spends most of a certificate's decoding on its public key,
 * and the same certificates recur: every chain file repeats its
 * intermediate, and hosts share certificates and staged keys. These
 * functions decode each distinct DER blob once per run.
 *
 * Each returns a new reference (free it as usual) to what d2i_X509
 * (d2i_X509_AUX when aux is set) or d2i_PUBKEY makes of der, or NULL
 * when it does not decode, and sets *used to the bytes it consumed.
 */
X509 *cert_cache_x509(const uint8_t *der, size_t len, int aux, size_t *used);

/*
 * The same for d2i_PUBKEY; also sets *spki to what i2d_PUBKEY makes of
 * the key (or NULL), encoded once per key and valid until
 * cert_cache_clear().
 */
EVP_PKEY *cert_cache_pubkey(const uint8_t *der, size_t len, size_t *used,
			    const uint8_t **spki, size_t *spki_len);

/*
 * Decodes, ahead of their use and on up to threads threads, the
 * certificates and public keys of the PEM files data[i] (lens[i] bytes).
 * Decoding is most of the cost of a large certificate directory.
 */
void cert_cache_prefetch(const uint8_t *const *data, const size_t *lens,
			 size_t count, unsigned threads);

/* Frees every cached object. */
void cert_cache_clear(void);

#endif
