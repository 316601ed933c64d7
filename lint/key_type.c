/* SPDX-License-Identifier: BSD-3-Clause */
/* Describes public keys, reading the common ones without OpenSSL's decoders. */
#include "key_type.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#define UNKNOWN_FAMILY "unknown"
#define UNKNOWN_DESCRIPTION "unknown key type"

static void set(struct key_type *out, const char *family, unsigned bits,
		const char *description)
{
	out->family = family;
	out->bits = bits;
	snprintf(out->description, sizeof(out->description), "%s",
		 description);
}

static void describe_ec(const EVP_PKEY *pkey, struct key_type *out)
{
	char group[80];
	const char *nist;

	if (EVP_PKEY_get_group_name(pkey, group, sizeof(group), NULL) != 1) {
		snprintf(out->description, sizeof(out->description), "ECDSA");
		return;
	}
	nist = EC_curve_nid2nist(OBJ_sn2nid(group));
	snprintf(out->description, sizeof(out->description), "ECDSA %s",
		 nist ? nist : group);
}

void key_type_of_pkey(const EVP_PKEY *pkey, struct key_type *out)
{
	set(out, UNKNOWN_FAMILY, 0, UNKNOWN_DESCRIPTION);
	if (!pkey)
		return;
	out->bits = (unsigned)EVP_PKEY_get_bits(pkey);
	if (EVP_PKEY_is_a(pkey, "RSA") || EVP_PKEY_is_a(pkey, "RSA-PSS")) {
		out->family = "RSA";
		snprintf(out->description, sizeof(out->description), "%s %u",
			 EVP_PKEY_is_a(pkey, "RSA") ? "RSA" : "RSA-PSS",
			 out->bits);
	} else if (EVP_PKEY_is_a(pkey, "EC")) {
		out->family = "ECDSA";
		describe_ec(pkey, out);
	} else if (EVP_PKEY_is_a(pkey, "ED25519")) {
		set(out, "Ed25519", out->bits, "Ed25519");
	} else if (EVP_PKEY_is_a(pkey, "ED448")) {
		set(out, "Ed448", out->bits, "Ed448");
	} else if (EVP_PKEY_is_a(pkey, "X25519")) {
		/* key agreement only: no certificate of a TLS server */
		set(out, "X25519", out->bits, "X25519");
	} else if (EVP_PKEY_is_a(pkey, "X448")) {
		set(out, "X448", out->bits, "X448");
	} else if (EVP_PKEY_is_a(pkey, "DSA")) {
		out->family = "DSA";
		snprintf(out->description, sizeof(out->description), "DSA %u",
			 out->bits);
	}
}

/* Decodes spki with OpenSSL; the reference for the reader below. */
static bool decode_with_openssl(const uint8_t *spki, size_t len,
				struct key_type *out)
{
	const unsigned char *p = spki;
	EVP_PKEY *pkey = NULL;
	bool ok;

	if (len <= (size_t)LONG_MAX)
		pkey = d2i_PUBKEY(NULL, &p, (long)len);
	ok = pkey && p == spki + len;
	key_type_of_pkey(ok ? pkey : NULL, out);
	EVP_PKEY_free(pkey);
	ERR_clear_error();
	return ok;
}

/* A DER value: its contents, or the input still to read. */
struct der {
	const uint8_t *p;
	size_t len;
};

/*
 * Reads one value with tag from the front of in into *out. Only the
 * shortest length encoding of up to 65535 bytes is taken, as DER demands.
 */
static bool der_read(struct der *in, uint8_t tag, struct der *out)
{
	size_t head = 2, len;

	if (in->len < 2 || in->p[0] != tag)
		return false;
	len = in->p[1];
	if (len == 0x81) {
		if (in->len < 3 || in->p[2] < 0x80)
			return false;
		len = in->p[2];
		head = 3;
	} else if (len == 0x82) {
		if (in->len < 4 || in->p[2] == 0)
			return false;
		len = (size_t)in->p[2] << 8 | in->p[3];
		head = 4;
	} else if (len & 0x80) {
		return false;
	}
	if (in->len - head < len)
		return false;
	out->p = in->p + head;
	out->len = len;
	in->p += head + len;
	in->len -= head + len;
	return true;
}

static bool der_is(const struct der *d, const uint8_t *bytes, size_t len)
{
	return d->len == len && memcmp(d->p, bytes, len) == 0;
}

/* Checks that d is the contents of a positive INTEGER in its shortest
 * form. */
static bool positive_integer(const struct der *d)
{
	if (d->len == 0 || (d->p[0] & 0x80))
		return false;
	return d->p[0] != 0 || (d->len > 1 && (d->p[1] & 0x80));
}

static unsigned integer_bits(const struct der *d)
{
	size_t i = d->p[0] == 0 ? 1 : 0;
	unsigned bits = (unsigned)(d->len - i) * 8;
	uint8_t top = d->p[i];

	while (!(top & 0x80)) {
		top <<= 1;
		bits--;
	}
	return bits;
}

/* Reads an RSAPublicKey of 512 to 16384 bits. */
static bool read_rsa(struct der key, struct key_type *out)
{
	struct der seq, n, e;
	unsigned bits;

	if (!der_read(&key, 0x30, &seq) || key.len != 0 ||
	    !der_read(&seq, 0x02, &n) || !der_read(&seq, 0x02, &e) ||
	    seq.len != 0 || !positive_integer(&n) || !positive_integer(&e))
		return false;
	bits = integer_bits(&n);
	if (bits < 512 || bits > 16384)
		return false;
	out->family = "RSA";
	out->bits = bits;
	snprintf(out->description, sizeof(out->description), "RSA %u", bits);
	return true;
}

static const struct curve {
	uint8_t oid[8];
	size_t oid_len;
	int nid;
	size_t field_bytes;
	unsigned bits;
	const char *description;
} curves[] = {
	{ { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 }, 8,
	  NID_X9_62_prime256v1, 32, 256, "ECDSA P-256" },
	{ { 0x2b, 0x81, 0x04, 0x00, 0x22 }, 5, NID_secp384r1, 48, 384,
	  "ECDSA P-384" },
	{ { 0x2b, 0x81, 0x04, 0x00, 0x23 }, 5, NID_secp521r1, 66, 521,
	  "ECDSA P-521" },
};

#define CURVE_COUNT (sizeof(curves) / sizeof(curves[0]))

static EC_GROUP *groups[CURVE_COUNT];
static bool check_with_openssl;	/* DANELINT_CHECK_FAST_PATH is set */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init(void)
{
	size_t i;

	for (i = 0; i < CURVE_COUNT; i++)
		groups[i] = EC_GROUP_new_by_curve_name(curves[i].nid);
	check_with_openssl = getenv("DANELINT_CHECK_FAST_PATH") != NULL;
}

/* Checks that point is an uncompressed point on the curve. */
static bool on_curve(size_t curve, const struct der *point)
{
	EC_POINT *pt;
	bool ok;

	if (!groups[curve] || !(pt = EC_POINT_new(groups[curve])))
		return false;
	ok = EC_POINT_oct2point(groups[curve], pt, point->p, point->len,
				NULL) == 1;
	EC_POINT_free(pt);
	ERR_clear_error();
	return ok;
}

/* Reads an EC key: an uncompressed point on a named NIST curve. */
static bool read_ec(struct der params, struct der key, struct key_type *out)
{
	struct der oid;
	size_t i;

	if (!der_read(&params, 0x06, &oid) || params.len != 0)
		return false;
	for (i = 0; i < CURVE_COUNT; i++) {
		const struct curve *c = &curves[i];

		if (!der_is(&oid, c->oid, c->oid_len))
			continue;
		if (key.len != 1 + 2 * c->field_bytes || key.p[0] != 0x04 ||
		    !on_curve(i, &key))
			return false;
		set(out, "ECDSA", c->bits, c->description);
		return true;
	}
	return false;
}

/*
 * Reads the shapes that make up nearly every key in use. Returns false
 * for anything else, which is not to say that OpenSSL would reject it.
 */
static bool read_common(const uint8_t *spki, size_t len, struct key_type *out)
{
	static const uint8_t rsa[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7,
				       0x0d, 0x01, 0x01, 0x01 };
	static const uint8_t ec[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
				      0x01 };
	static const uint8_t ed25519[] = { 0x2b, 0x65, 0x70 };
	static const uint8_t ed448[] = { 0x2b, 0x65, 0x71 };
	static const uint8_t null[] = { 0x05, 0x00 };
	struct der in = { spki, len }, seq, alg, oid, key;

	if (!der_read(&in, 0x30, &seq) || in.len != 0 ||
	    !der_read(&seq, 0x30, &alg) || !der_read(&seq, 0x03, &key) ||
	    seq.len != 0 || !der_read(&alg, 0x06, &oid) || key.len < 1 ||
	    key.p[0] != 0)
		return false;
	key.p++;
	key.len--;
	if (der_is(&oid, rsa, sizeof(rsa)))
		return der_is(&alg, null, sizeof(null)) && read_rsa(key, out);
	if (der_is(&oid, ec, sizeof(ec)))
		return read_ec(alg, key, out);
	if (der_is(&oid, ed25519, sizeof(ed25519)) && alg.len == 0 &&
	    key.len == 32) {
		set(out, "Ed25519", 256, "Ed25519");
		return true;
	}
	if (der_is(&oid, ed448, sizeof(ed448)) && alg.len == 0 &&
	    key.len == 57) {
		set(out, "Ed448", 456, "Ed448");
		return true;
	}
	return false;
}

static bool same(const struct key_type *a, const struct key_type *b)
{
	return strcmp(a->family, b->family) == 0 && a->bits == b->bits &&
	       strcmp(a->description, b->description) == 0;
}

bool key_type_of_spki(const uint8_t *spki, size_t len, struct key_type *out)
{
	struct key_type reference;
	bool reference_ok;

	pthread_once(&init_once, init);
	if (!read_common(spki, len, out))
		return decode_with_openssl(spki, len, out);
	if (!check_with_openssl)
		return true;
	reference_ok = decode_with_openssl(spki, len, &reference);
	if (!reference_ok || !same(out, &reference)) {
		fprintf(stderr,
			"danelint: key reader disagrees with OpenSSL: "
			"'%s' (%s, %u bits) against '%s' (%s, %u bits%s)\n",
			out->description, out->family, out->bits,
			reference.description, reference.family,
			reference.bits, reference_ok ? "" : ", rejected");
		abort();
	}
	return true;
}

bool key_type_algorithm_known(const uint8_t *spki, size_t len)
{
	struct der in = { spki, len }, seq, alg, oid;
	const unsigned char *p;
	ASN1_OBJECT *obj;
	EVP_KEYMGMT *keymgmt = NULL;
	char text[128];
	int nid;

	if (!der_read(&in, 0x30, &seq) || !der_read(&seq, 0x30, &alg))
		return false;
	p = alg.p;
	if (!der_read(&alg, 0x06, &oid))
		return false;
	obj = d2i_ASN1_OBJECT(NULL, &p, (long)(oid.p + oid.len - p));
	if (obj && (nid = OBJ_obj2nid(obj)) != NID_undef)
		keymgmt = EVP_KEYMGMT_fetch(NULL, OBJ_nid2sn(nid), NULL);
	if (obj && !keymgmt && OBJ_obj2txt(text, sizeof(text), obj, 1) > 0)
		keymgmt = EVP_KEYMGMT_fetch(NULL, text, NULL);
	ASN1_OBJECT_free(obj);
	EVP_KEYMGMT_free(keymgmt);
	ERR_clear_error();
	return keymgmt != NULL;
}
