/* SPDX-License-Identifier: BSD-3-Clause */
/* Public key types: the family, the size and a short description. */
#ifndef DANELINT_KEY_TYPE_H
#define DANELINT_KEY_TYPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

struct key_type {
	/* "RSA", "ECDSA", "Ed25519", "Ed448", "DSA", "X25519", "X448" or
	 * "unknown" */
	const char *family;
	/* "RSA 2048", "ECDSA P-256", "Ed25519", "unknown key type" */
	char description[96];
	unsigned bits;
};

/* Describes pkey; a NULL pkey is a key of unknown type. */
void key_type_of_pkey(const EVP_PKEY *pkey, struct key_type *out);

/*
 * Describes the key of a DER SubjectPublicKeyInfo. Returns false, with
 * *out describing a key of unknown type, when OpenSSL cannot decode spki
 * as a public key. Thread-safe.
 *
 * RSA, ECDSA on P-256, P-384 and P-521, Ed25519 and Ed448 keys in strict
 * DER are read without OpenSSL's key decoders, which cost about 0.1 ms a
 * key in OpenSSL 3.0; any other input goes to d2i_PUBKEY. With
 * DANELINT_CHECK_FAST_PATH set, every key read the short way is also
 * decoded by OpenSSL, and a difference aborts the program.
 */
bool key_type_of_spki(const uint8_t *spki, size_t len, struct key_type *out);

/*
 * Does OpenSSL implement the algorithm of the key in spki (RSA, EC,
 * Ed25519 and the like)? When it does and key_type_of_spki() fails, the
 * key itself is broken; otherwise OpenSSL does not know the algorithm.
 */
bool key_type_algorithm_known(const uint8_t *spki, size_t len);

#endif
