/* SPDX-License-Identifier: BSD-3-Clause */
/* Decoded certificates and public keys, kept by their DER for the run. */
#ifndef DANELINT_CERT_CACHE_H
#define DANELINT_CERT_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/x509.h>

#include "key_type.h"

/*
 * OpenSSL 3.0 spends most of a certificate's decoding on its public key,
 * and the same certificates recur: every chain file repeats its
 * intermediate, and hosts share certificates and staged keys. These
 * functions decode each distinct DER blob once per run.
 *
 * Each X509 function returns a new reference (free it as usual) to what
 * d2i_X509 (d2i_X509_AUX when aux is set) makes of der, or NULL when it
 * does not decode, and sets *used to the bytes it consumed.
 */
X509 *cert_cache_x509(const uint8_t *der, size_t len, int aux, size_t *used);

/*
 * The same, but the certificate's public key is not decoded: it can be
 * read, printed and encoded again, but X509_get0_pubkey() gives NULL, and
 * X509_check_issued(), X509_verify() and a self-signed version 1
 * certificate's X509_check_ca() need cert_cache_x509() instead. Sets
 * *broken_key when OpenSSL implements the algorithm of the certificate's key
 * but cannot decode the key. On
 * 2,000 ECDSA certificates it took a tenth of the time of d2i_X509.
 */
X509 *cert_cache_x509_nokey(const uint8_t *der, size_t len, int aux,
			    size_t *used, bool *broken_key);

/*
 * Returns the key type of a certificate from cert_cache_x509_nokey(),
 * described when it was decoded, or NULL for any other certificate.
 */
const struct key_type *cert_cache_key_type(const X509 *x);

/*
 * Reads der as a SubjectPublicKeyInfo, sets *used to the bytes it takes,
 * and returns whether it contains a public key that OpenSSL decodes. *key
 * describes that key and *spki is its DER encoding (*spki_len bytes); both
 * stay valid until cert_cache_clear().
 */
bool cert_cache_pubkey(const uint8_t *der, size_t len, size_t *used,
		       const uint8_t **spki, size_t *spki_len,
		       const struct key_type **key);

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
