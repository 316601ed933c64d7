/* SPDX-License-Identifier: BSD-3-Clause */
/* Test helper: copies of certificates with one byte of their DER changed. */
#ifndef DANELINT_TEST_CERT_EDIT_H
#define DANELINT_TEST_CERT_EDIT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "util.h"

/* The DER of id-ecPublicKey (1.2.840.10045.2.1). Its last byte (offset 8)
 * changed to 0x7f names an algorithm that OpenSSL does not implement. */
static const uint8_t ec_key_oid[] = { 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce,
				      0x3d, 0x02, 0x01 };

/*
 * Writes dir/name, a copy of the PEM certificate dir/source whose DER has
 * the byte at offset off of the first occurrence of find changed by xor.
 * The tests make certificates with keys that do not decode this way.
 */
static void cert_edit(const char *dir, const char *source,
		      const uint8_t *find, size_t find_len, size_t off,
		      uint8_t xor, const char *name)
{
	char *in_path = xasprintf("%s/%s", dir, source);
	char *out_path = xasprintf("%s/%s", dir, name);
	FILE *in = fopen(in_path, "r"), *out;
	X509 *x = in ? PEM_read_X509(in, NULL, NULL, NULL) : NULL;
	unsigned char *der = NULL;
	int len = x ? i2d_X509(x, &der) : -1;
	size_t i;

	assert_true(len > 0);
	for (i = 0; i + find_len <= (size_t)len &&
		    memcmp(der + i, find, find_len) != 0; i++)
		;
	assert_true(i + find_len <= (size_t)len);
	der[i + off] ^= xor;
	out = fopen(out_path, "w");
	assert_non_null(out);
	assert_true(PEM_write(out, "CERTIFICATE", "", der, len) > 0);
	assert_int_equal(fclose(out), 0);
	fclose(in);
	X509_free(x);
	OPENSSL_free(der);
	free(in_path);
	free(out_path);
}

#endif
