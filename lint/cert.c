/* SPDX-License-Identifier: BSD-3-Clause */
/* Certificate loader: decodes one host's certificate files with OpenSSL. */
#include "cert.h"
#include "cert_cache.h"
#include "key_type.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#define FIX_REPLACE "remove the file or replace it with a PEM or DER certificate"
#define FIX_COPY "replace the file with a complete copy"

/*
 * How the files of a host directory become keys and chains:
 *
 * - A file whose name starts with "next" gives next keys: the key of its
 *   first certificate (with cert set), then every public key, certificate
 *   request and private key in it whose SPKI no next key has yet.
 * - Every other file holding certificates is a deployment: its first
 *   certificate is the leaf, the rest the chain. It gives a chain and a
 *   current key.
 * - A file that holds only CA certificates, the first of which issued the
 *   leaf of a deployment file, is a chain file (chain.pem next to
 *   cert.pem). It completes the deployments that hold a leaf and nothing
 *   else, and is no deployment of its own. Deployments that already carry a
 *   chain (fullchain.pem) keep the chain they have, because that is what
 *   the server sends.
 * - Any other file that holds only CA certificates, one of which issued a
 *   certificate of another file, is a CA file (root.pem above the
 *   intermediate in fullchain.pem) and no deployment either. Only
 *   cert_load_files() still gives such a file a chain. A file of CA
 *   certificates related to no other file stays a deployment, because a
 *   self-signed server certificate can carry CA:TRUE.
 * - The certificates of chain files and CA files are also kept in
 *   host->ca_certs, for rules that look for a CA the server does not send.
 * - Public keys, certificate requests and private keys in other files give
 *   a current key with no chain and no certificate, unless a key with the
 *   same SPKI already exists. So privkey.pem next to fullchain.pem adds no
 *   key, but a directory that tracks only current.pub and next.pub has one
 *   current and one next key. Rules must expect key->chain == NULL there.
 * - Private keys are also recorded in m->private_keys.
 *
 * host->keys lists the current keys of deployments first, then the keys of
 * next certificates, then the other keys of next files, then the other keys.
 */

/* A public key found in a file: from a PUBLIC KEY block, a CSR or the
 * public half of a private key. */
struct found_key {
	struct key_type type;
	const uint8_t *spki;	/* DER, in the model arena */
	size_t spki_len;
};

enum file_role {
	ROLE_NONE,
	ROLE_DEPLOYMENT,
	ROLE_CHAIN,
	ROLE_CA,
};

/* Contents of one file while the host is being built. */
struct cert_file {
	const char *path;	/* arena copy */
	bool next;
	STACK_OF(X509) *certs;
	struct found_key *keys;
	size_t key_count;
	size_t key_alloc;
	bool usable;	/* held a certificate, key or certificate request */
	bool reported;	/* a cert problem names this file */
	const char *ignored;	/* type of the first PEM block not used */
	bool all_ca;
	enum file_role role;
	const struct cert_file *chain_file;	/* completes a leaf-only file */
};

enum block_kind {
	BLOCK_CERT,
	BLOCK_TRUSTED_CERT,
	BLOCK_PUBKEY,
	BLOCK_RSA_PUBKEY,
	BLOCK_CSR,
	BLOCK_PRIVATE,	/* PKCS#8 or any traditional format */
	BLOCK_RSA_PRIVATE,
	BLOCK_EC_PRIVATE,
	BLOCK_DSA_PRIVATE,
	BLOCK_ENCRYPTED,	/* PKCS#8 EncryptedPrivateKeyInfo */
	BLOCK_OPENSSH,
	BLOCK_OTHER,
};

static const struct {
	const char *name;
	enum block_kind kind;
} block_names[] = {
	{ "CERTIFICATE", BLOCK_CERT },
	{ "X509 CERTIFICATE", BLOCK_CERT },
	{ "TRUSTED CERTIFICATE", BLOCK_TRUSTED_CERT },
	{ "PUBLIC KEY", BLOCK_PUBKEY },
	{ "RSA PUBLIC KEY", BLOCK_RSA_PUBKEY },
	{ "CERTIFICATE REQUEST", BLOCK_CSR },
	{ "NEW CERTIFICATE REQUEST", BLOCK_CSR },
	{ "PRIVATE KEY", BLOCK_PRIVATE },
	{ "RSA PRIVATE KEY", BLOCK_RSA_PRIVATE },
	{ "EC PRIVATE KEY", BLOCK_EC_PRIVATE },
	{ "DSA PRIVATE KEY", BLOCK_DSA_PRIVATE },
	{ "ENCRYPTED PRIVATE KEY", BLOCK_ENCRYPTED },
	{ "OPENSSH PRIVATE KEY", BLOCK_OPENSSH },
};

/* The object one DER blob decoded to. */
struct decoded {
	X509 *cert;	/* its public key not decoded: cert_cache_x509_nokey */
	EVP_PKEY *pkey;	/* the key of a private key, CSR or RSA PUBLIC KEY */
	bool private_key;
	bool encrypted;	/* encrypted private key, not decrypted */
	const struct key_type *type;	/* of a PUBLIC KEY block */
	const uint8_t *spki;	/* of a PUBLIC KEY block */
	size_t spki_len;
	bool broken_key;	/* a certificate whose key does not decode */
};

static enum block_kind block_kind(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(block_names); i++)
		if (strcmp(name, block_names[i].name) == 0)
			return block_names[i].kind;
	return BLOCK_OTHER;
}

static bool is_private_kind(enum block_kind kind)
{
	return kind >= BLOCK_PRIVATE && kind <= BLOCK_OPENSSH;
}

/* Returns the reason of the oldest entry in OpenSSL's error queue. */
static const char *openssl_reason(void)
{
	const char *reason = ERR_reason_error_string(ERR_peek_error());

	return reason ? reason : "unknown error";
}

static int digest(const EVP_MD *md, const uint8_t *data, size_t len,
		  uint8_t *out)
{
	return EVP_Digest(data, len, out, NULL, md, NULL) == 1 ? 0 : -1;
}

/* Decodes a private key. The traditional formats need the key type. */
static EVP_PKEY *decode_private_key(enum block_kind kind,
				    const unsigned char **p, long len)
{
	switch (kind) {
	case BLOCK_RSA_PRIVATE:
		return d2i_PrivateKey(EVP_PKEY_RSA, NULL, p, len);
	case BLOCK_EC_PRIVATE:
		return d2i_PrivateKey(EVP_PKEY_EC, NULL, p, len);
	case BLOCK_DSA_PRIVATE:
		return d2i_PrivateKey(EVP_PKEY_DSA, NULL, p, len);
	default:
		return d2i_AutoPrivateKey(NULL, p, len);
	}
}

static EVP_PKEY *decode_csr_key(const unsigned char **p, long len)
{
	X509_REQ *req = d2i_X509_REQ(NULL, p, len);
	EVP_PKEY *pkey;

	if (!req)
		return NULL;
	pkey = X509_REQ_get_pubkey(req);
	X509_REQ_free(req);
	return pkey;
}

static bool decode_encrypted(const unsigned char **p, long len)
{
	X509_SIG *sig = d2i_X509_SIG(NULL, p, len);

	X509_SIG_free(sig);
	return sig != NULL;
}

/*
 * Decodes der as kind. Trailing bytes make the decoding fail. Returns true
 * with *out filled, or false with the reason in OpenSSL's error queue.
 */
static bool decode_der(enum block_kind kind, const unsigned char *der,
		       long len, struct decoded *out)
{
	const unsigned char *p = der;
	size_t used = 0;
	bool ok, broken_key = false;

	memset(out, 0, sizeof(*out));
	if (len < 0)
		return false;
	if (kind == BLOCK_CERT || kind == BLOCK_TRUSTED_CERT) {
		out->cert = cert_cache_x509_nokey(der, (size_t)len,
						  kind == BLOCK_TRUSTED_CERT,
						  &used, &broken_key);
		p = der + used;
		if (broken_key) {
			X509_free(out->cert);
			out->cert = NULL;
		}
	} else if (kind == BLOCK_PUBKEY) {
		if (!cert_cache_pubkey(der, (size_t)len, &used, &out->spki,
				       &out->spki_len, &out->type))
			out->type = NULL;
		p = der + used;
	} else if (kind == BLOCK_RSA_PUBKEY)
		out->pkey = d2i_PublicKey(EVP_PKEY_RSA, NULL, &p, len);
	else if (kind == BLOCK_CSR)
		out->pkey = decode_csr_key(&p, len);
	else if (kind == BLOCK_ENCRYPTED)
		out->encrypted = decode_encrypted(&p, len);
	else if (is_private_kind(kind)) {
		out->pkey = decode_private_key(kind, &p, len);
		out->private_key = true;
	}
	ok = (out->cert || out->pkey || out->type || out->encrypted) &&
	     p == der + len;
	if (!ok) {
		X509_free(out->cert);
		EVP_PKEY_free(out->pkey);
		memset(out, 0, sizeof(*out));
		out->broken_key = broken_key;
	}
	return ok;
}

/* Sets family, description and bits of k from t. */
static void describe_key(struct model *m, const struct key_type *t,
			 struct key *k)
{
	k->family = t->family;
	k->bits = t->bits;
	k->description = arena_strdup(&m->arena, t->description);
}

/*
 * Moves DER that an i2d function allocated (len bytes, or len <= 0 on
 * failure) into the arena.
 */
static int keep_der(struct model *m, unsigned char *der, int len,
		    const uint8_t **out, size_t *out_len)
{
	if (len <= 0 || !der) {
		OPENSSL_free(der);
		return -1;
	}
	*out = arena_memdup(&m->arena, der, (size_t)len);
	*out_len = (size_t)len;
	OPENSSL_free(der);
	return 0;
}

/* Sets the SPKI of k and its digests. */
static int set_key_spki(struct key *k, const uint8_t *spki, size_t len)
{
	k->spki = spki;
	k->spki_len = len;
	if (digest(EVP_sha256(), spki, len, k->spki_sha256) < 0 ||
	    digest(EVP_sha512(), spki, len, k->spki_sha512) < 0)
		return -1;
	return 0;
}

static void add_private_key(struct model *m, struct cert_file *f,
			    const char *description)
{
	struct private_key_file *pk = ARRAY_PUSH(
		m->private_keys, m->private_key_count, m->private_key_alloc);

	pk->file = f->path;
	pk->description = arena_strdup(&m->arena, description);
	f->usable = true;
}

/* Records the private key pkey. */
static void add_decoded_private_key(struct model *m, struct cert_file *f,
				    const EVP_PKEY *pkey)
{
	struct key_type t;
	char text[128];

	key_type_of_pkey(pkey, &t);
	snprintf(text, sizeof(text), "%s private key", t.description);
	add_private_key(m, f, text);
}

/* Adds the key of type t and SPKI DER spki to f. */
static void add_found_key(struct model *m, struct cert_file *f,
			  const struct key_type *t, const uint8_t *spki,
			  size_t spki_len)
{
	struct found_key *fk = ARRAY_PUSH(f->keys, f->key_count, f->key_alloc);

	fk->type = *t;
	fk->spki = arena_memdup(&m->arena, spki, spki_len);
	fk->spki_len = spki_len;
	f->usable = true;
}

/* Adds the public half of pkey to f, and frees pkey. */
static int add_decoded_key(struct model *m, struct cert_file *f,
			   EVP_PKEY *pkey)
{
	unsigned char *der = NULL;
	int len = i2d_PUBKEY(pkey, &der);
	struct key_type t;

	key_type_of_pkey(pkey, &t);
	EVP_PKEY_free(pkey);
	if (len <= 0 || !der) {
		OPENSSL_free(der);
		return -1;
	}
	add_found_key(m, f, &t, der, (size_t)len);
	OPENSSL_free(der);
	return 0;
}

/* Moves the object that d decoded to into f, which takes ownership. */
static int store_decoded(struct model *m, struct cert_file *f,
			 struct decoded *d)
{
	if (d->encrypted) {
		add_private_key(m, f, "encrypted private key");
		return 0;
	}
	if (d->cert) {
		if (!sk_X509_push(f->certs, d->cert)) {
			X509_free(d->cert);
			return -1;
		}
		f->usable = true;
		return 0;
	}
	if (d->type) {
		add_found_key(m, f, d->type, d->spki, d->spki_len);
		return 0;
	}
	if (d->private_key)
		add_decoded_private_key(m, f, d->pkey);
	return add_decoded_key(m, f, d->pkey);
}

/* Decodes one PEM block into f. Returns 0, or -1 on an internal failure. */
static int read_pem_block(struct model *m, struct cert_file *f, size_t index,
			  const char *name, const char *header,
			  const unsigned char *der, long len)
{
	enum block_kind kind = block_kind(name);
	struct decoded d;

	if (kind == BLOCK_OTHER) {
		if (!f->ignored)
			f->ignored = arena_strdup(&m->arena, name);
		return 0;
	}
	if (kind == BLOCK_OPENSSH) {
		add_private_key(m, f, "OpenSSH private key");
		return 0;
	}
	/* Traditional PEM encryption ("Proc-Type: 4,ENCRYPTED" header). */
	if (is_private_kind(kind) && strstr(header, "ENCRYPTED")) {
		add_private_key(m, f, "encrypted private key");
		return 0;
	}
	ERR_clear_error();
	if (!decode_der(kind, der, len, &d)) {
		if (is_private_kind(kind))
			add_private_key(m, f, "private key");
		if (d.broken_key)
			model_add_cert_problem(m, f->path, "PEM block %zu (%s) "
					       "has a public key that does not "
					       "decode (such as a point off its "
					       "curve), so no TLS client can use "
					       "it; " FIX_COPY, index, name);
		else
			model_add_cert_problem(m, f->path,
					       "PEM block %zu (%s) is invalid (OpenSSL: %s); "
					       FIX_COPY, index, name, openssl_reason());
		f->reported = true;
		return 0;
	}
	return store_decoded(m, f, &d);
}

/*
 * Reads every PEM block of data. A block that PEM_read_bio cannot read
 * (truncated, bad base64) is reported and ends the file, but what came
 * before it is still used.
 */
static int read_pem(struct model *m, struct cert_file *f, const uint8_t *data,
		    size_t len)
{
	BIO *bio = BIO_new_mem_buf(data, (int)len);
	size_t index;
	int rc = 0;

	if (!bio)
		return -1;
	for (index = 1; rc == 0; index++) {
		char *name = NULL, *header = NULL;
		unsigned char *der = NULL;
		long der_len = 0;
		unsigned long err;

		ERR_clear_error();
		if (PEM_read_bio(bio, &name, &header, &der, &der_len) != 1) {
			err = ERR_peek_error();
			if (ERR_GET_LIB(err) == ERR_LIB_PEM &&
			    ERR_GET_REASON(err) == PEM_R_NO_START_LINE)
				break;
			model_add_cert_problem(m, f->path,
					       "PEM block %zu is truncated or invalid (OpenSSL: %s); "
					       FIX_COPY, index, openssl_reason());
			f->reported = true;
			break;
		}
		rc = read_pem_block(m, f, index, name, header, der, der_len);
		OPENSSL_free(name);
		OPENSSL_free(header);
		OPENSSL_free(der);
	}
	BIO_free(bio);
	ERR_clear_error();
	return rc;
}

/* Tries the DER types in turn: certificate, SPKI, CSR, private keys. */
static int read_der(struct model *m, struct cert_file *f, const uint8_t *data,
		    size_t len)
{
	static const enum block_kind kinds[] = {
		BLOCK_CERT, BLOCK_PUBKEY, BLOCK_CSR, BLOCK_PRIVATE,
		BLOCK_ENCRYPTED,
	};
	struct decoded d;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		ERR_clear_error();
		if (decode_der(kinds[i], data, (long)len, &d)) {
			ERR_clear_error();
			return store_decoded(m, f, &d);
		}
	}
	ERR_clear_error();
	return 0;
}

static bool has_pem_start(const uint8_t *data, size_t len)
{
	static const char start[] = "-----BEGIN ";
	size_t n = sizeof(start) - 1;
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (data[i] == '-' && memcmp(data + i, start, n) == 0)
			return true;
	return false;
}

/* Reports f when it held nothing usable and no problem was reported yet. */
static void report_unusable(struct model *m, struct cert_file *f, bool pem)
{
	if (f->usable || f->reported)
		return;
	if (f->ignored)
		model_add_cert_problem(m, f->path,
				       "no certificate, public key or certificate request found, only a PEM block of type \"%s\"; "
				       FIX_REPLACE, f->ignored);
	else if (pem)
		model_add_cert_problem(m, f->path,
				       "no certificate, public key or certificate request found: no complete PEM block; "
				       FIX_REPLACE);
	else
		model_add_cert_problem(m, f->path,
				       "no certificate, public key or certificate request found: the file is neither PEM nor DER of a known type; "
				       FIX_REPLACE);
	f->reported = true;
}

/*
 * Returns x with its public key decoded, or NULL. x came from
 * cert_cache_x509_nokey().
 */
static X509 *with_key(X509 *x)
{
	unsigned char *der = NULL;
	int len = i2d_X509(x, &der);
	X509 *full = NULL;
	size_t used;

	if (len > 0 && der)
		full = cert_cache_x509(der, (size_t)len, 0, &used);
	OPENSSL_free(der);
	return full;
}

/*
 * X509_check_ca(). A version 1 certificate counts as a CA when it is
 * self-signed, which takes its public key to find out.
 */
static int check_ca(X509 *x)
{
	uint32_t flags = X509_get_extension_flags(x);
	X509 *full;
	int ca;

	if (!(flags & EXFLAG_V1) || !(flags & EXFLAG_SI) ||
	    !(full = with_key(x)))
		return X509_check_ca(x);
	ca = X509_check_ca(full);
	X509_free(full);
	return ca;
}

static bool all_certs_ca(STACK_OF(X509) *certs)
{
	int i;

	for (i = 0; i < sk_X509_num(certs); i++)
		if (check_ca(sk_X509_value(certs, i)) == 0)
			return false;
	return true;
}

static int load_file(struct model *m, struct cert_file *f, bool next,
		     const char *path, const uint8_t *data, size_t len)
{
	bool pem;
	int rc = 0;

	f->path = arena_strdup(&m->arena, path);
	f->next = next;
	f->certs = sk_X509_new_null();
	if (!f->certs)
		return -1;
	if (len == 0) {
		model_add_cert_problem(m, f->path, "empty file; " FIX_REPLACE);
		f->reported = true;
		return 0;
	}
	if (len > INT_MAX) {
		model_add_cert_problem(m, f->path,
				       "file larger than %d bytes; " FIX_REPLACE,
				       INT_MAX);
		f->reported = true;
		return 0;
	}
	pem = has_pem_start(data, len);
	if (pem)
		rc = read_pem(m, f, data, len);
	else if (data[0] == 0x30)	/* DER SEQUENCE */
		rc = read_der(m, f, data, len);
	if (rc == 0)
		report_unusable(m, f, pem);
	f->all_ca = sk_X509_num(f->certs) > 0 && all_certs_ca(f->certs);
	return rc;
}

/* Did issuer (a different certificate) issue subject? */
static bool cert_issued(X509 *issuer, X509 *subject)
{
	X509 *full_issuer, *full_subject;
	bool issued;

	if (X509_cmp(issuer, subject) == 0 ||
	    X509_NAME_cmp(X509_get_subject_name(issuer),
			  X509_get_issuer_name(subject)) != 0)
		return false;
	full_issuer = with_key(issuer);
	full_subject = with_key(subject);
	issued = full_issuer && full_subject &&
		 X509_check_issued(full_issuer, full_subject) == X509_V_OK;
	X509_free(full_issuer);
	X509_free(full_subject);
	return issued;
}

static X509 *first_cert(const struct cert_file *f)
{
	return sk_X509_value(f->certs, 0);
}

/* Did a certificate of f issue a certificate of g? */
static bool file_issued(const struct cert_file *f, const struct cert_file *g)
{
	int i, j;

	for (i = 0; i < sk_X509_num(f->certs); i++)
		for (j = 0; j < sk_X509_num(g->certs); j++)
			if (cert_issued(sk_X509_value(f->certs, i),
					sk_X509_value(g->certs, j)))
				return true;
	return false;
}

/* Marks the CA-only deployments that issued a certificate of another file. */
static void find_ca_files(struct cert_file *files, size_t count)
{
	size_t i, j;

	for (i = 0; i < count; i++) {
		struct cert_file *f = &files[i];

		if (f->role != ROLE_DEPLOYMENT || !f->all_ca)
			continue;
		for (j = 0; j < count && f->role == ROLE_DEPLOYMENT; j++)
			if (j != i && !files[j].next &&
			    file_issued(f, &files[j]))
				f->role = ROLE_CA;
	}
}

/*
 * Sets the role of every file and, when pair is set, marks the CA files and
 * pairs leaf-only files with chain files.
 */
static void classify_files(struct cert_file *files, size_t count, bool pair)
{
	size_t i, j;

	for (i = 0; i < count; i++) {
		struct cert_file *f = &files[i];

		if (f->next || sk_X509_num(f->certs) == 0)
			continue;
		f->role = ROLE_DEPLOYMENT;
		for (j = 0; j < count && f->all_ca; j++) {
			const struct cert_file *g = &files[j];

			if (g != f && !g->next && sk_X509_num(g->certs) > 0 &&
			    !g->all_ca && cert_issued(first_cert(f), first_cert(g))) {
				f->role = ROLE_CHAIN;
				break;
			}
		}
	}
	if (pair)
		find_ca_files(files, count);
	for (i = 0; i < count && pair; i++) {
		struct cert_file *f = &files[i];

		if (f->role != ROLE_DEPLOYMENT || f->all_ca ||
		    sk_X509_num(f->certs) != 1)
			continue;
		for (j = 0; j < count && !f->chain_file; j++)
			if (files[j].role == ROLE_CHAIN &&
			    cert_issued(first_cert(&files[j]), first_cert(f)))
				f->chain_file = &files[j];
	}
}

/* Returns name in one-line RFC 2253 form, in the arena. */
static const char *name_to_string(struct model *m, const X509_NAME *name)
{
	BIO *bio = BIO_new(BIO_s_mem());
	const char *text = NULL;
	char *mem;
	long len;

	if (!bio)
		return NULL;
	if (X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253) >= 0) {
		len = BIO_get_mem_data(bio, &mem);
		if (len >= 0)
			text = arena_strndup(&m->arena, mem, (size_t)len);
	}
	BIO_free(bio);
	return text;
}

static int asn1_time_to_time_t(const ASN1_TIME *t, time_t *out)
{
	struct tm tm;

	if (ASN1_TIME_to_tm(t, &tm) != 1)
		return -1;
	*out = timegm(&tm);
	return 0;
}

/* Copies an ASN1 string as lower-case text; NULL when it holds a NUL. */
static const char *dns_text(struct model *m, const ASN1_STRING *str)
{
	const unsigned char *data = ASN1_STRING_get0_data(str);
	int len = ASN1_STRING_length(str), i;
	char *out;

	if (!data || len <= 0 || memchr(data, '\0', (size_t)len))
		return NULL;
	out = arena_strndup(&m->arena, (const char *)data, (size_t)len);
	for (i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)out[i]);
	return out;
}

/* Collects the subjectAltName dNSNames and the last subject CN. */
static void fill_names(struct model *m, struct cert_info *ci, X509 *x)
{
	GENERAL_NAMES *sans = X509_get_ext_d2i(x, NID_subject_alt_name, NULL,
					      NULL);
	const X509_NAME *subject = X509_get_subject_name(x);
	int i, n = sans ? sk_GENERAL_NAME_num(sans) : 0, last = -1, at;
	const char **names;

	names = arena_alloc(&m->arena, (size_t)(n + 1) * sizeof(*names));
	for (i = 0; i < n; i++) {
		const GENERAL_NAME *g = sk_GENERAL_NAME_value(sans, i);
		const char *text;

		if (g->type == GEN_DNS && (text = dns_text(m, g->d.dNSName)))
			names[ci->dns_name_count++] = text;
	}
	ci->dns_names = names;
	GENERAL_NAMES_free(sans);
	while ((at = X509_NAME_get_index_by_NID(subject, NID_commonName,
						last)) >= 0)
		last = at;
	if (last >= 0)
		ci->common_name = dns_text(m, X509_NAME_ENTRY_get_data(
			X509_NAME_get_entry(subject, last)));
}

/*
 * Fills ci from x. The SPKI is the cert's own encoding (i2d_X509_PUBKEY),
 * which is what a TLSA "x 1 y" record of this certificate covers.
 */
static int fill_cert_info(struct model *m, struct cert_info *ci, X509 *x,
			  const char *file)
{
	unsigned char *der = NULL;
	const struct key_type *type;
	struct key_type key;
	int len;

	memset(ci, 0, sizeof(*ci));
	ci->file = file;
	len = i2d_X509(x, &der);
	if (keep_der(m, der, len, &ci->der, &ci->der_len) < 0)
		return -1;
	der = NULL;
	len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), &der);
	if (keep_der(m, der, len, &ci->spki, &ci->spki_len) < 0)
		return -1;
	if (digest(EVP_sha256(), ci->der, ci->der_len, ci->cert_sha256) < 0 ||
	    digest(EVP_sha512(), ci->der, ci->der_len, ci->cert_sha512) < 0 ||
	    digest(EVP_sha256(), ci->spki, ci->spki_len, ci->spki_sha256) < 0 ||
	    digest(EVP_sha512(), ci->spki, ci->spki_len, ci->spki_sha512) < 0)
		return -1;
	ci->subject = name_to_string(m, X509_get_subject_name(x));
	ci->issuer = name_to_string(m, X509_get_issuer_name(x));
	if (!ci->subject || !ci->issuer)
		return -1;
	ci->is_ca = check_ca(x) != 0;
	/* the cache described the key when it decoded the certificate */
	if (!(type = cert_cache_key_type(x))) {
		key_type_of_spki(ci->spki, ci->spki_len, &key);
		type = &key;
	}
	ci->key_family = type->family;
	ci->key_bits = type->bits;
	ci->key_description = arena_strdup(&m->arena, type->description);
	fill_names(m, ci, x);
	if (asn1_time_to_time_t(X509_get0_notBefore(x), &ci->not_before) < 0 ||
	    asn1_time_to_time_t(X509_get0_notAfter(x), &ci->not_after) < 0)
		return -1;
	return 0;
}

/* Keys of a host while it is being built, copied into the arena at the end. */
struct key_list {
	struct key *keys;
	size_t count;
	size_t alloc;
};

static struct key *push_key(struct key_list *list, const char *file,
			    enum key_role role)
{
	struct key *k = ARRAY_PUSH(list->keys, list->count, list->alloc);

	memset(k, 0, sizeof(*k));
	k->file = file;
	k->role = role;
	return k;
}

/* Adds the key of the certificate ci to list. */
static struct key *add_cert_key(struct key_list *list, const char *file,
				enum key_role role, const struct cert_info *ci)
{
	struct key *k = push_key(list, file, role);

	k->family = ci->key_family;
	k->bits = ci->key_bits;
	k->description = ci->key_description;
	k->cert = ci;
	k->spki = ci->spki;
	k->spki_len = ci->spki_len;
	memcpy(k->spki_sha256, ci->spki_sha256, sizeof(k->spki_sha256));
	memcpy(k->spki_sha512, ci->spki_sha512, sizeof(k->spki_sha512));
	return k;
}

/* Fills chain from a deployment file and, when set, its chain file. */
static int build_chain(struct model *m, struct chain *chain,
		       const struct cert_file *f)
{
	const struct cert_file *parts[2] = { f, f->chain_file };
	size_t total = (size_t)sk_X509_num(f->certs);
	size_t i, n = 0;
	int j;

	if (f->chain_file)
		total += (size_t)sk_X509_num(f->chain_file->certs);
	chain->file = f->path;
	chain->certs = arena_alloc(&m->arena, total * sizeof(*chain->certs));
	for (i = 0; i < ARRAY_SIZE(parts) && parts[i]; i++)
		for (j = 0; j < sk_X509_num(parts[i]->certs); j++)
			if (fill_cert_info(m, &chain->certs[n++],
					   sk_X509_value(parts[i]->certs, j),
					   parts[i]->path) < 0)
				return -1;
	chain->count = n;
	return 0;
}

/*
 * Returns the index of the first end-entity certificate after a CA
 * certificate at the start of f, or 0: a chain file in the wrong order,
 * whose first certificate is not the server's.
 */
static int misordered(const struct cert_file *f)
{
	int i;

	if (f->all_ca || check_ca(first_cert(f)) == 0)
		return 0;
	for (i = 1; i < sk_X509_num(f->certs); i++)
		if (check_ca(sk_X509_value(f->certs, i)) == 0)
			return i;
	return 0;
}

/* Reports misordered deployment files and takes them out of use. */
static void drop_misordered(struct model *m, struct cert_file *files,
			    size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		int leaf;
		const char *subject;

		if (files[i].role != ROLE_DEPLOYMENT ||
		    !(leaf = misordered(&files[i])))
			continue;
		subject = name_to_string(m, X509_get_subject_name(
			sk_X509_value(files[i].certs, leaf)));
		model_add_cert_problem(m, files[i].path, "the file starts with "
				       "a CA certificate, and the server's "
				       "certificate ('%s') comes at position "
				       "%d; put the server's certificate first, "
				       "then the chain, as servers send it",
				       subject ? subject : "?", leaf + 1);
		files[i].role = ROLE_NONE;
	}
}

/* Does f get a chain of its own? With chain_files, chain files get one too. */
static bool gets_chain(const struct cert_file *f, bool chain_files)
{
	return f->role == ROLE_DEPLOYMENT ||
	       (chain_files && f->role == ROLE_CHAIN);
}

/*
 * Builds h->chains and one current key per deployment. With chain_files,
 * chain files get a chain as well, but no key.
 */
static int add_deployments(struct model *m, struct host *h,
			   struct key_list *list, struct cert_file *files,
			   size_t count, bool chain_files)
{
	size_t i, n = 0;

	drop_misordered(m, files, count);
	for (i = 0; i < count; i++)
		if (gets_chain(&files[i], chain_files))
			n++;
	h->chains = n ? arena_alloc(&m->arena, n * sizeof(*h->chains)) : NULL;
	h->chain_count = 0;
	for (i = 0; i < count; i++) {
		struct chain *chain;
		struct key *k;

		if (!gets_chain(&files[i], chain_files))
			continue;
		chain = &h->chains[h->chain_count++];
		if (build_chain(m, chain, &files[i]) < 0)
			return -1;
		if (files[i].role != ROLE_DEPLOYMENT)
			continue;
		k = add_cert_key(list, chain->file, KEY_CURRENT,
				 &chain->certs[0]);
		k->chain = chain;
	}
	return 0;
}

/* Adds the key of the first certificate of every next file. */
static int add_next_certs(struct model *m, struct key_list *list,
			  struct cert_file *files, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		struct cert_info *ci;

		if (!files[i].next || sk_X509_num(files[i].certs) == 0)
			continue;
		ci = arena_alloc(&m->arena, sizeof(*ci));
		if (fill_cert_info(m, ci, first_cert(&files[i]),
				   files[i].path) < 0)
			return -1;
		add_cert_key(list, files[i].path, KEY_NEXT, ci);
	}
	return 0;
}

/* Is there a key with this SPKI, of role (any role when any_role)? */
static bool have_spki(const struct key_list *list, const struct found_key *fk,
		      enum key_role role, bool any_role)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		const struct key *k = &list->keys[i];

		if ((any_role || k->role == role) &&
		    k->spki_len == fk->spki_len &&
		    memcmp(k->spki, fk->spki, fk->spki_len) == 0)
			return true;
	}
	return false;
}

/*
 * Adds a key for each public key, CSR and private key of the next files
 * (next true) or of the other files. A next file adds no SPKI that a next
 * key already has, and another file adds no SPKI that any key has.
 */
static int add_found_keys(struct model *m, struct key_list *list,
			  struct cert_file *files, size_t count, bool next)
{
	enum key_role role = next ? KEY_NEXT : KEY_CURRENT;
	size_t i, j;

	for (i = 0; i < count; i++) {
		if (files[i].next != next)
			continue;
		for (j = 0; j < files[i].key_count; j++) {
			const struct found_key *fk = &files[i].keys[j];
			struct key *k;

			if (have_spki(list, fk, role, !next))
				continue;
			k = push_key(list, files[i].path, role);
			describe_key(m, &fk->type, k);
			if (set_key_spki(k, fk->spki, fk->spki_len) < 0)
				return -1;
		}
	}
	return 0;
}

/* Fills h->ca_certs from the chain files and CA files. */
static int add_ca_certs(struct model *m, struct host *h,
			const struct cert_file *files, size_t count)
{
	size_t i, n = 0;
	int j;

	for (i = 0; i < count; i++)
		if (files[i].role == ROLE_CHAIN || files[i].role == ROLE_CA)
			n += (size_t)sk_X509_num(files[i].certs);
	if (n == 0)
		return 0;
	h->ca_certs = arena_alloc(&m->arena, n * sizeof(*h->ca_certs));
	for (i = 0; i < count; i++) {
		if (files[i].role != ROLE_CHAIN && files[i].role != ROLE_CA)
			continue;
		for (j = 0; j < sk_X509_num(files[i].certs); j++)
			if (fill_cert_info(m, &h->ca_certs[h->ca_cert_count++],
					   sk_X509_value(files[i].certs, j),
					   files[i].path) < 0)
				return -1;
	}
	return 0;
}

/*
 * Builds the keys and chains of h. With every_file, as cert_load_files()
 * describes, chain files complete no deployment but get a chain of their own.
 */
static int build_host(struct model *m, struct host *h,
		      struct cert_file *files, size_t count, bool every_file)
{
	struct key_list list = { NULL, 0, 0 };
	int rc;

	classify_files(files, count, !every_file);
	rc = add_deployments(m, h, &list, files, count, every_file);
	if (rc == 0)
		rc = add_ca_certs(m, h, files, count);
	if (rc == 0)
		rc = add_next_certs(m, &list, files, count);
	if (rc == 0)
		rc = add_found_keys(m, &list, files, count, true);
	if (rc == 0)
		rc = add_found_keys(m, &list, files, count, false);
	if (rc == 0 && list.count) {
		h->keys = arena_memdup(&m->arena, list.keys,
				       list.count * sizeof(*list.keys));
		h->key_count = list.count;
	}
	free(list.keys);
	return rc;
}

static void release_files(struct cert_file *files, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		sk_X509_pop_free(files[i].certs, X509_free);
		free(files[i].keys);
	}
	free(files);
}

/*
 * Reports a file that held nothing but private keys danelint cannot decode
 * (encrypted, OpenSSH format), so it gives no key.
 */
static void report_keyless(struct model *m, const struct cert_file *f)
{
	if (f->reported || sk_X509_num(f->certs) > 0 || f->key_count > 0)
		return;
	model_add_cert_problem(m, f->path,
			       "no public key found: the file contains only a private key that danelint cannot decode (encrypted or OpenSSH format); "
			       "name the certificate or the public key instead");
}

/*
 * Loads a host from files. names is NULL for cert_load_files(), where no
 * file is a next file; otherwise a name starting with "next" makes one.
 */
static int load_host(struct model *m, const char *host_name, const char *dir,
		     size_t count, const char *const *names,
		     const char *const *paths, const uint8_t *const *data,
		     const size_t *lens)
{
	struct cert_file *files = xcalloc(count, sizeof(*files));
	struct host h;
	size_t i;
	int rc = 0;

	memset(&h, 0, sizeof(h));
	h.name = arena_strdup(&m->arena, host_name);
	h.dir = arena_strdup(&m->arena, dir);
	m->have_certs = true;
	for (i = 0; i < count && rc == 0; i++)
		rc = load_file(m, &files[i],
			       names && str_starts_with(names[i], "next"),
			       paths[i], data[i], lens[i]);
	for (i = 0; i < count && rc == 0 && !names; i++)
		report_keyless(m, &files[i]);
	if (rc == 0)
		rc = build_host(m, &h, files, count, !names);
	if (rc == 0)
		*ARRAY_PUSH(m->hosts, m->host_count, m->host_alloc) = h;
	release_files(files, count);
	ERR_clear_error();
	return rc;
}

void cert_prefetch(const uint8_t *const *data, const size_t *lens,
		   size_t count)
{
	cert_cache_prefetch(data, lens, count, thread_count());
}

int cert_load_host(struct model *m, const char *host_name, const char *dir,
		   size_t count, const char *const *names,
		   const char *const *paths, const uint8_t *const *data,
		   const size_t *lens)
{
	return load_host(m, host_name, dir, count, names, paths, data, lens);
}

int cert_load_files(struct model *m, const char *host_name, size_t count,
		    const char *const *paths, const uint8_t *const *data,
		    const size_t *lens)
{
	return load_host(m, host_name, "", count, NULL, paths, data, lens);
}

bool cert_der_is_certificate(const uint8_t *data, size_t len)
{
	const unsigned char *p = data;
	X509 *x;
	bool ok;

	if (len > LONG_MAX)
		return false;
	x = d2i_X509(NULL, &p, (long)len);
	ok = x && p == data + len;
	X509_free(x);
	ERR_clear_error();
	return ok;
}

bool cert_der_is_spki(const uint8_t *data, size_t len)
{
	const unsigned char *p = data;
	EVP_PKEY *pkey;
	bool ok;

	if (len > LONG_MAX)
		return false;
	pkey = d2i_PUBKEY(NULL, &p, (long)len);
	ok = pkey && p == data + len;
	EVP_PKEY_free(pkey);
	ERR_clear_error();
	return ok;
}
