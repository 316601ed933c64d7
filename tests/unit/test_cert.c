/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the certificate loader, on files made by tests/lib/pki.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "cert.h"
#include "model.h"
#include "util.h"

#include "cert_edit.h"

#define HOST "mx1.example.net."
#define HOST_DIR "certs/mx1.example.net"
#define DAY 86400

static char tmpdir[] = "/tmp/danelint-test-cert-XXXXXX";

/*
 * One file of the host directory: name is its name there, and its content
 * is the file source of tmpdir, or len bytes of data when source is NULL.
 */
struct input {
	const char *name;
	const char *source;
	const void *data;
	size_t len;
};

/* Runs a shell command with tests/lib/pki.sh sourced, in tmpdir. */
static int pki(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int pki(const char *fmt, ...)
{
	struct strbuf cmd;
	va_list ap;
	char *body;
	int status;

	va_start(ap, fmt);
	body = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_init(&cmd);
	strbuf_addf(&cmd, ". tests/lib/pki.sh && cd %s && d=. && %s", tmpdir,
		    body);
	status = system(cmd.buf);
	strbuf_release(&cmd);
	free(body);
	return status;
}

static uint8_t *read_tmp_file(const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long size;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	assert_true(size >= 0);
	rewind(f);
	buf = xmalloc((size_t)size + 1);
	assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
	buf[size] = '\0';
	fclose(f);
	free(path);
	*len = (size_t)size;
	return buf;
}

/* Returns what "pki_tlsa_data SELECTOR MTYPE source" prints. */
static char *cli_tlsa_data(int selector, int mtype, const char *source)
{
	size_t len;
	char *hex;

	assert_int_equal(pki("pki_tlsa_data %d %d %s >hex.txt", selector,
			     mtype, source), 0);
	hex = (char *)read_tmp_file("hex.txt", &len);
	while (len > 0 && (hex[len - 1] == '\n' || hex[len - 1] == ' '))
		hex[--len] = '\0';
	assert_true(len > 0);
	return hex;
}

static void assert_digest(const uint8_t *digest, size_t len, int selector,
			  int mtype, const char *source)
{
	char *expected = cli_tlsa_data(selector, mtype, source);
	char actual[129];

	hex_encode(actual, digest, len);
	assert_string_equal(actual, expected);
	free(expected);
}

/*
 * Loads in as a host directory with cert_load_host(), or, with every_file,
 * as files named on a command line with cert_load_files().
 */
static void load_any(struct model *m, const struct input *in, size_t count,
		     bool every_file)
{
	const char **names = xcalloc(count, sizeof(*names));
	const char **paths = xcalloc(count, sizeof(*paths));
	const uint8_t **data = xcalloc(count, sizeof(*data));
	size_t *lens = xcalloc(count, sizeof(*lens));
	size_t i;

	for (i = 0; i < count; i++) {
		names[i] = in[i].name;
		paths[i] = xasprintf("%s/%s", HOST_DIR, in[i].name);
		if (in[i].source) {
			data[i] = read_tmp_file(in[i].source, &lens[i]);
		} else {
			data[i] = xmalloc(in[i].len + 1);
			memcpy((void *)data[i], in[i].data, in[i].len);
			lens[i] = in[i].len;
		}
	}
	model_init(m);
	if (every_file)
		assert_int_equal(cert_load_files(m, HOST, count, paths, data,
						 lens), 0);
	else
		assert_int_equal(cert_load_host(m, HOST, HOST_DIR, count,
						names, paths, data, lens), 0);
	for (i = 0; i < count; i++) {
		free((void *)paths[i]);
		free((void *)data[i]);
	}
	free(names);
	free(paths);
	free(data);
	free(lens);
	assert_int_equal(m->host_count, 1);
	assert_string_equal(m->hosts[0].name, HOST);
	assert_string_equal(m->hosts[0].dir, every_file ? "" : HOST_DIR);
	assert_true(m->have_certs);
}

#define LOAD(m, ...) \
	do { \
		const struct input in_[] = { __VA_ARGS__ }; \
		load_any((m), in_, ARRAY_SIZE(in_), false); \
	} while (0)

#define LOAD_FILES(m, ...) \
	do { \
		const struct input in_[] = { __VA_ARGS__ }; \
		load_any((m), in_, ARRAY_SIZE(in_), true); \
	} while (0)

/* Asserts exactly one cert problem, naming file, whose message has part. */
static void assert_one_problem(const struct model *m, const char *file,
			       const char *part)
{
	char *path = xasprintf("%s/%s", HOST_DIR, file);

	assert_int_equal(m->cert_problem_count, 1);
	assert_string_equal(m->cert_problems[0].file, path);
	assert_non_null(strstr(m->cert_problems[0].message, part));
	free(path);
}

static int make_pki(void **state)
{
	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	return pki("pki_chain $d mx1.example.net 90"
		   " && pki_key $d rsa rsa2048 && pki_key $d p256 p256"
		   " && pki_key $d p384 p384 && pki_key $d ed25519 ed25519"
		   " && pki_key $d p521 p521 && pki_key $d k1 secp256k1"
		   " && pki_key $d ed448 ed448"
		   " && for k in rsa p256 p384 p521 k1 ed25519 ed448; do"
		   "    pki_cert $d $k mx1.example.net - 30 || exit 1;"
		   "    pki_pubkey $k.key >$k.pub || exit 1; done"
		   /* version 1: one self-signed, one signed by another key */
		   " && openssl req -new -key p256.key -subj /CN=v1root"
		   "    -out v1.req"
		   " && openssl x509 -req -in v1.req -signkey p256.key -days 30"
		   "    -out v1-self.pem 2>/dev/null"
		   " && openssl req -new -x509 -key rsa.key -subj /CN=v1root"
		   "    -days 30 -out v1-ca.pem"
		   " && openssl x509 -req -in v1.req -CA v1-ca.pem -CAkey rsa.key"
		   "    -set_serial 2 -days 30 -out v1-other.pem 2>/dev/null"
		   " && pki_key $d next p384"
		   " && pki_cert $d next mx1.example.net - 30"
		   " && pki_csr $d next mx1.example.net"
		   " && pki_pubkey next.key >next.pub"
		   " && pki_pubkey leaf.pem >leaf-pub.pem"
		   " && openssl x509 -in leaf.pem -outform DER -out leaf.der"
		   " && openssl pkey -in next.key -pubout -outform DER"
		   "    -out next-pub.der"
		   " && openssl req -in next.csr -outform DER -out next-csr.der"
		   " && openssl pkey -in rsa.key -outform DER -out rsa-key.der"
		   " && openssl pkey -in rsa.key -traditional -out rsa-trad.key"
		   " && openssl rsa -in rsa.key -RSAPublicKey_out -out rsa-pkcs1.pub"
		   "    2>/dev/null"
		   " && openssl ecparam -name prime256v1 -genkey -out ec-trad.key"
		   " && openssl ecparam -name prime256v1 -out ec-params.pem"
		   " && openssl pkey -in p256.key -aes256 -passout pass:test"
		   "    -out p256-enc.key"
		   " && openssl pkey -in rsa.key -traditional -aes256"
		   "    -passout pass:test -out rsa-enc-trad.key"
		   " && openssl x509 -in leaf.pem -trustout -addtrust serverAuth"
		   "    -out leaf-trusted.pem");
}

static int remove_pki(void **state)
{
	(void)state;
	return pki("cd / && rm -rf %s", tmpdir);
}

static void fullchain_pem(void **state)
{
	struct model m;
	const struct host *h;
	const struct chain *c;
	const struct key *k;

	(void)state;
	LOAD(&m, { "fullchain.pem", "fullchain.pem", NULL, 0 });
	h = &m.hosts[0];
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.private_key_count, 0);
	assert_int_equal(h->chain_count, 1);
	c = &h->chains[0];
	assert_string_equal(c->file, HOST_DIR "/fullchain.pem");
	assert_int_equal(c->count, 2);
	assert_string_equal(c->certs[0].subject, "CN=mx1.example.net");
	assert_string_equal(c->certs[0].issuer, "CN=intermediate");
	assert_false(c->certs[0].is_ca);
	assert_string_equal(c->certs[1].subject, "CN=intermediate");
	assert_string_equal(c->certs[1].issuer, "CN=root");
	assert_true(c->certs[1].is_ca);
	assert_int_equal(c->certs[0].not_after - c->certs[0].not_before,
			 90 * DAY);
	assert_int_equal(h->key_count, 1);
	k = &h->keys[0];
	assert_int_equal(k->role, KEY_CURRENT);
	assert_ptr_equal(k->chain, c);
	assert_ptr_equal(k->cert, &c->certs[0]);
	assert_string_equal(k->file, HOST_DIR "/fullchain.pem");
	assert_string_equal(k->description, "ECDSA P-256");
	model_release(&m);
}

static void digests_match_cli(void **state)
{
	struct model m;
	const struct cert_info *leaf, *ca;
	uint8_t *der;
	size_t der_len;

	(void)state;
	LOAD(&m, { "fullchain.pem", "fullchain.pem", NULL, 0 });
	leaf = &m.hosts[0].chains[0].certs[0];
	ca = &m.hosts[0].chains[0].certs[1];
	assert_digest(leaf->spki_sha256, 32, 1, 1, "leaf.pem");
	assert_digest(leaf->spki_sha512, 64, 1, 2, "leaf.pem");
	assert_digest(leaf->cert_sha256, 32, 0, 1, "leaf.pem");
	assert_digest(leaf->cert_sha512, 64, 0, 2, "leaf.pem");
	assert_digest(ca->spki_sha256, 32, 1, 1, "intermediate.pem");
	assert_digest(ca->cert_sha256, 32, 0, 1, "intermediate.pem");
	assert_digest(m.hosts[0].keys[0].spki_sha256, 32, 1, 1, "leaf.key");
	assert_digest(m.hosts[0].keys[0].spki_sha512, 64, 1, 2, "leaf.key");
	der = read_tmp_file("leaf.der", &der_len);
	assert_int_equal(leaf->der_len, der_len);
	assert_memory_equal(leaf->der, der, der_len);
	free(der);
	assert_true(cert_der_is_spki(leaf->spki, leaf->spki_len));
	model_release(&m);
}

static void der_certificate(void **state)
{
	struct model m;
	const struct chain *c;

	(void)state;
	LOAD(&m, { "cert.der", "leaf.der", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].chain_count, 1);
	c = &m.hosts[0].chains[0];
	assert_int_equal(c->count, 1);
	assert_string_equal(c->certs[0].subject, "CN=mx1.example.net");
	assert_digest(c->certs[0].spki_sha256, 32, 1, 1, "leaf.pem");
	assert_int_equal(m.hosts[0].key_count, 1);
	model_release(&m);
}

static void der_exact_length(void **state)
{
	size_t cert_len, spki_len;
	uint8_t *cert = read_tmp_file("leaf.der", &cert_len);
	uint8_t *spki = read_tmp_file("next-pub.der", &spki_len);
	uint8_t *longer = xmalloc(cert_len + 1);

	(void)state;
	assert_true(cert_der_is_certificate(cert, cert_len));
	assert_false(cert_der_is_certificate(cert, cert_len - 1));
	memcpy(longer, cert, cert_len);
	longer[cert_len] = 0;
	assert_false(cert_der_is_certificate(longer, cert_len + 1));
	assert_false(cert_der_is_spki(cert, cert_len));
	assert_true(cert_der_is_spki(spki, spki_len));
	assert_false(cert_der_is_spki(spki, spki_len - 1));
	assert_false(cert_der_is_certificate(spki, spki_len));
	assert_false(cert_der_is_certificate((const uint8_t *)"", 0));
	free(cert);
	free(spki);
	free(longer);
}

static void cert_and_chain_files(void **state)
{
	struct model m;
	const struct host *h;

	(void)state;
	LOAD(&m, { "cert.pem", "leaf.pem", NULL, 0 },
	     { "chain.pem", "intermediate.pem", NULL, 0 });
	h = &m.hosts[0];
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(h->chain_count, 1);
	assert_string_equal(h->chains[0].file, HOST_DIR "/cert.pem");
	assert_int_equal(h->chains[0].count, 2);
	assert_string_equal(h->chains[0].certs[0].subject, "CN=mx1.example.net");
	assert_string_equal(h->chains[0].certs[1].subject, "CN=intermediate");
	assert_int_equal(h->key_count, 1);
	assert_ptr_equal(h->keys[0].chain, &h->chains[0]);
	model_release(&m);
}

/* The files certbot writes: cert.pem + chain.pem and fullchain.pem are
 * two deployments of one key, and privkey.pem adds no key. */
static void certbot_layout(void **state)
{
	struct model m;
	const struct host *h;

	(void)state;
	LOAD(&m, { "cert.pem", "leaf.pem", NULL, 0 },
	     { "chain.pem", "intermediate.pem", NULL, 0 },
	     { "fullchain.pem", "fullchain.pem", NULL, 0 },
	     { "privkey.pem", "leaf.key", NULL, 0 });
	h = &m.hosts[0];
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(h->chain_count, 2);
	assert_string_equal(h->chains[0].file, HOST_DIR "/cert.pem");
	assert_int_equal(h->chains[0].count, 2);
	assert_string_equal(h->chains[1].file, HOST_DIR "/fullchain.pem");
	assert_int_equal(h->chains[1].count, 2);
	assert_int_equal(h->key_count, 2);
	assert_int_equal(h->keys[0].role, KEY_CURRENT);
	assert_int_equal(h->keys[1].role, KEY_CURRENT);
	assert_int_equal(m.private_key_count, 1);
	assert_string_equal(m.private_keys[0].file, HOST_DIR "/privkey.pem");
	assert_string_equal(m.private_keys[0].description,
			    "ECDSA P-256 private key");
	model_release(&m);
}

/* A root next to fullchain.pem is a CA file: no deployment, no key. */
static void root_above_fullchain(void **state)
{
	struct model m;
	const struct host *h;

	(void)state;
	LOAD(&m, { "fullchain.pem", "fullchain.pem", NULL, 0 },
	     { "root.pem", "root.pem", NULL, 0 });
	h = &m.hosts[0];
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(h->chain_count, 1);
	assert_string_equal(h->chains[0].file, HOST_DIR "/fullchain.pem");
	assert_string_equal(h->chains[0].certs[1].file,
			    HOST_DIR "/fullchain.pem");
	assert_int_equal(h->key_count, 1);
	assert_int_equal(h->ca_cert_count, 1);
	assert_string_equal(h->ca_certs[0].subject, "CN=root");
	assert_string_equal(h->ca_certs[0].file, HOST_DIR "/root.pem");
	assert_true(h->ca_certs[0].is_ca);
	model_release(&m);
}

/* chain.pem completes cert.pem and is listed with the CA certificates. */
static void chain_file_in_ca_certs(void **state)
{
	struct model m;
	const struct host *h;

	(void)state;
	LOAD(&m, { "cert.pem", "leaf.pem", NULL, 0 },
	     { "chain.pem", "intermediate.pem", NULL, 0 });
	h = &m.hosts[0];
	assert_int_equal(h->chain_count, 1);
	assert_string_equal(h->chains[0].certs[1].file, HOST_DIR "/chain.pem");
	assert_int_equal(h->ca_cert_count, 1);
	assert_string_equal(h->ca_certs[0].subject, "CN=intermediate");
	model_release(&m);
}

/* A CA-only file that issued no leaf of the directory is a deployment. */
static void lone_ca_file(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "root.pem", "root.pem", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].chain_count, 1);
	assert_true(m.hosts[0].chains[0].certs[0].is_ca);
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_int_equal(m.hosts[0].ca_cert_count, 0);
	model_release(&m);
}

static void assert_next_key(const struct model *m, size_t index,
			    const char *file, const char *source)
{
	const struct key *k = &m->hosts[0].keys[index];
	char *path = xasprintf("%s/%s", HOST_DIR, file);

	assert_int_equal(k->role, KEY_NEXT);
	assert_string_equal(k->file, path);
	assert_null(k->chain);
	assert_string_equal(k->description, "ECDSA P-384");
	assert_string_equal(k->family, "ECDSA");
	assert_int_equal(k->bits, 384);
	assert_digest(k->spki_sha256, 32, 1, 1, source);
	assert_digest(k->spki_sha512, 64, 1, 2, source);
	free(path);
}

static void next_public_key(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "fullchain.pem", "fullchain.pem", NULL, 0 },
	     { "next.pub", "next.pub", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].chain_count, 1);
	assert_int_equal(m.hosts[0].key_count, 2);
	assert_int_equal(m.hosts[0].keys[0].role, KEY_CURRENT);
	assert_next_key(&m, 1, "next.pub", "next.key");
	assert_null(m.hosts[0].keys[1].cert);
	model_release(&m);
}

static void next_public_key_der(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "next.der", "next-pub.der", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_next_key(&m, 0, "next.der", "next.key");
	model_release(&m);
}

static void next_certificate(void **state)
{
	struct model m;
	const struct key *k;

	(void)state;
	LOAD(&m, { "next.pem", "next.pem", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].chain_count, 0);
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_next_key(&m, 0, "next.pem", "next.pem");
	k = &m.hosts[0].keys[0];
	assert_non_null(k->cert);
	assert_string_equal(k->cert->subject, "CN=mx1.example.net");
	assert_digest(k->cert->cert_sha256, 32, 0, 1, "next.pem");
	model_release(&m);
}

static void next_csr(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "next.csr", "next.csr", NULL, 0 },
	     { "next-req.der", "next-csr.der", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	/* Both files hold the same key, so they give one next key. */
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_next_key(&m, 0, "next.csr", "next.csr");
	assert_null(m.hosts[0].keys[0].cert);
	model_release(&m);
}

/* A next certificate and its private key give one next key. */
static void next_private_key(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "next.key", "next.key", NULL, 0 },
	     { "next.pem", "next.pem", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_next_key(&m, 0, "next.pem", "next.key");
	assert_non_null(m.hosts[0].keys[0].cert);
	assert_int_equal(m.private_key_count, 1);
	assert_string_equal(m.private_keys[0].file, HOST_DIR "/next.key");
	assert_string_equal(m.private_keys[0].description,
			    "ECDSA P-384 private key");
	model_release(&m);
}

/* A private key that no certificate uses is a current key with no chain. */
static void lone_private_key(void **state)
{
	struct model m;
	const struct key *k;

	(void)state;
	LOAD(&m, { "key.pem", "rsa.key", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].chain_count, 0);
	assert_int_equal(m.hosts[0].key_count, 1);
	k = &m.hosts[0].keys[0];
	assert_int_equal(k->role, KEY_CURRENT);
	assert_null(k->chain);
	assert_null(k->cert);
	assert_string_equal(k->description, "RSA 2048");
	assert_digest(k->spki_sha256, 32, 1, 1, "rsa.key");
	assert_int_equal(m.private_key_count, 1);
	assert_string_equal(m.private_keys[0].description,
			    "RSA 2048 private key");
	model_release(&m);
}

/* A directory that tracks only public keys: current.pub and next.pub. */
static void current_and_next_public_keys(void **state)
{
	struct model m;
	const struct key *k;

	(void)state;
	LOAD(&m, { "current.pub", "leaf-pub.pem", NULL, 0 },
	     { "next.pub", "next.pub", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].chain_count, 0);
	assert_int_equal(m.hosts[0].key_count, 2);
	assert_next_key(&m, 0, "next.pub", "next.key");
	k = &m.hosts[0].keys[1];
	assert_int_equal(k->role, KEY_CURRENT);
	assert_string_equal(k->file, HOST_DIR "/current.pub");
	assert_null(k->chain);
	assert_null(k->cert);
	assert_digest(k->spki_sha256, 32, 1, 1, "leaf.pem");
	model_release(&m);
}

/* The private key of a next key, in a file not named next*, adds no key. */
static void private_key_of_next_key(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "next.pub", "next.pub", NULL, 0 },
	     { "staged.key", "next.key", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_next_key(&m, 0, "next.pub", "next.key");
	assert_int_equal(m.private_key_count, 1);
	model_release(&m);
}

static void private_key_formats(void **state)
{
	static const struct {
		const char *source;
		const char *description;
	} cases[] = {
		{ "rsa-key.der", "RSA 2048 private key" },
		{ "rsa-trad.key", "RSA 2048 private key" },
		{ "ec-trad.key", "ECDSA P-256 private key" },
		{ "ed25519.key", "Ed25519 private key" },
		{ "p256-enc.key", "encrypted private key" },
		{ "rsa-enc-trad.key", "encrypted private key" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct model m;

		LOAD(&m, { "key", cases[i].source, NULL, 0 });
		assert_int_equal(m.cert_problem_count, 0);
		assert_int_equal(m.private_key_count, 1);
		assert_string_equal(m.private_keys[0].description,
				    cases[i].description);
		model_release(&m);
	}
}

static void openssh_private_key(void **state)
{
	static const char text[] =
		"-----BEGIN OPENSSH PRIVATE KEY-----\n"
		"b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n"
		"-----END OPENSSH PRIVATE KEY-----\n";
	struct model m;

	(void)state;
	LOAD(&m, { "id_ed25519", NULL, text, sizeof(text) - 1 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].key_count, 0);
	assert_int_equal(m.private_key_count, 1);
	assert_string_equal(m.private_keys[0].description,
			    "OpenSSH private key");
	model_release(&m);
}

static void trusted_certificate(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "cert.pem", "leaf-trusted.pem", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].chain_count, 1);
	assert_digest(m.hosts[0].chains[0].certs[0].cert_sha256, 32, 0, 1,
		      "leaf.pem");
	model_release(&m);
}

static void rsa_public_key_block(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "next-rsa.pem", "rsa-pkcs1.pub", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_int_equal(m.hosts[0].keys[0].role, KEY_NEXT);
	assert_string_equal(m.hosts[0].keys[0].description, "RSA 2048");
	assert_digest(m.hosts[0].keys[0].spki_sha256, 32, 1, 1, "rsa.key");
	model_release(&m);
}

static void key_descriptions(void **state)
{
	static const struct {
		const char *source;
		const char *family;
		const char *description;
		unsigned bits;
	} cases[] = {
		{ "rsa", "RSA", "RSA 2048", 2048 },
		{ "p256", "ECDSA", "ECDSA P-256", 256 },
		{ "p384", "ECDSA", "ECDSA P-384", 384 },
		{ "p521", "ECDSA", "ECDSA P-521", 521 },
		/* read by OpenSSL's decoders, not by the short way */
		{ "k1", "ECDSA", "ECDSA secp256k1", 256 },
		{ "ed25519", "Ed25519", "Ed25519", 256 },
		{ "ed448", "Ed448", "Ed448", 456 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases) * 2; i++) {
		bool cert = i < ARRAY_SIZE(cases);
		char *source = xasprintf("%s.%s",
					 cases[i % ARRAY_SIZE(cases)].source,
					 cert ? "pem" : "pub");
		struct model m;
		const struct key *k;

		LOAD(&m, { "cert.pem", source, NULL, 0 });
		assert_int_equal(m.cert_problem_count, 0);
		assert_int_equal(m.hosts[0].key_count, 1);
		k = &m.hosts[0].keys[0];
		assert_string_equal(k->family,
				    cases[i % ARRAY_SIZE(cases)].family);
		assert_string_equal(k->description,
				    cases[i % ARRAY_SIZE(cases)].description);
		assert_int_equal(k->bits, cases[i % ARRAY_SIZE(cases)].bits);
		assert_digest(k->spki_sha256, 32, 1, 1, source);
		if (cert)
			assert_digest(k->cert->cert_sha256, 32, 0, 1, source);
		else
			assert_null(k->cert);
		model_release(&m);
		free(source);
	}
}

static void write_tmp_file(const char *name, const uint8_t *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(path);
}

/*
 * A certificate whose key does not decode is unusable; one whose key
 * algorithm OpenSSL does not know still loads, with an unknown key type.
 */
static void cert_key_undecodable(void **state)
{
	struct model m;
	uint8_t *spki;
	size_t len;

	(void)state;
	assert_int_equal(pki("openssl pkey -in leaf.key -pubout -outform DER"
			     " -out leaf-pub.der"), 0);
	spki = read_tmp_file("leaf-pub.der", &len);
	cert_edit(tmpdir, "leaf.pem", spki, len, len - 1, 1,
		  "off-curve-leaf.pem");
	cert_edit(tmpdir, "leaf.pem", ec_key_oid, sizeof(ec_key_oid), 8,
		  0x7e, "unknown-leaf.pem");
	free(spki);
	LOAD(&m, { "fullchain.pem", "off-curve-leaf.pem", NULL, 0 });
	assert_one_problem(&m, "fullchain.pem",
			   "has a public key that does not decode");
	assert_int_equal(m.hosts[0].key_count, 0);
	model_release(&m);
	LOAD(&m, { "fullchain.pem", "unknown-leaf.pem", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_string_equal(m.hosts[0].keys[0].description,
			    "unknown key type");
	model_release(&m);
}

/* A key-agreement key has a name too, though no server certifies one. */
static void x25519_public_key(void **state)
{
	struct model m;

	(void)state;
	assert_int_equal(pki("openssl genpkey -algorithm X25519 -out x.key"
			     " && pki_pubkey x.key >x.pub"), 0);
	LOAD(&m, { "next.pem", "x.pub", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.hosts[0].key_count, 1);
	assert_string_equal(m.hosts[0].keys[0].family, "X25519");
	assert_string_equal(m.hosts[0].keys[0].description, "X25519");
	model_release(&m);
}

/* A point off the curve makes a PUBLIC KEY block invalid. */
static void ec_point_off_curve(void **state)
{
	struct model m;
	uint8_t *der;
	size_t len;

	(void)state;
	assert_int_equal(pki("openssl pkey -in p256.key -pubout -outform DER"
			     " -out p256-pub.der"), 0);
	der = read_tmp_file("p256-pub.der", &len);
	der[len - 1] ^= 1;	/* the last byte of y */
	write_tmp_file("off-curve.der", der, len);
	free(der);
	assert_int_equal(pki("{ echo '-----BEGIN PUBLIC KEY-----'"
			     " && openssl base64 -in off-curve.der"
			     " && echo '-----END PUBLIC KEY-----'; }"
			     " >off-curve.pem"), 0);
	LOAD(&m, { "next.pem", "off-curve.pem", NULL, 0 });
	assert_one_problem(&m, "next.pem", "PEM block 1 (PUBLIC KEY) is invalid");
	assert_int_equal(m.hosts[0].key_count, 0);
	model_release(&m);
}

/*
 * A version 1 certificate is a CA when it is self-signed, which takes its
 * public key to tell: both of these name themselves as issuer, but the
 * second is signed with RSA and contains an ECDSA key.
 */
static void version1_self_signed(void **state)
{
	struct model m;

	(void)state;
	LOAD_FILES(&m, { "self.pem", "v1-self.pem", NULL, 0 },
		   { "other.pem", "v1-other.pem", NULL, 0 });
	assert_int_equal(m.hosts[0].chain_count, 2);
	assert_string_equal(m.hosts[0].chains[0].certs[0].issuer,
			    "CN=v1root");
	assert_true(m.hosts[0].chains[0].certs[0].is_ca);
	assert_string_equal(m.hosts[0].chains[1].certs[0].issuer,
			    "CN=v1root");
	assert_false(m.hosts[0].chains[1].certs[0].is_ca);
	model_release(&m);
}

/* cert_load_files: chain.pem keeps its own chain and gives no key. */
static void files_chain_file(void **state)
{
	struct model m;
	const struct host *h;

	(void)state;
	LOAD_FILES(&m, { "cert.pem", "leaf.pem", NULL, 0 },
		   { "chain.pem", "intermediate.pem", NULL, 0 });
	h = &m.hosts[0];
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(h->chain_count, 2);
	assert_string_equal(h->chains[0].file, HOST_DIR "/cert.pem");
	assert_int_equal(h->chains[0].count, 1);
	assert_string_equal(h->chains[1].file, HOST_DIR "/chain.pem");
	assert_int_equal(h->chains[1].count, 1);
	assert_true(h->chains[1].certs[0].is_ca);
	assert_string_equal(h->chains[1].certs[0].key_description,
			    "ECDSA P-256");
	assert_digest(h->chains[1].certs[0].cert_sha256, 32, 0, 1,
		      "intermediate.pem");
	assert_int_equal(h->key_count, 1);
	assert_ptr_equal(h->keys[0].chain, &h->chains[0]);
	model_release(&m);
}

/* cert_load_files: a file named next* is no next file. */
static void files_next_name(void **state)
{
	struct model m;
	const struct host *h;

	(void)state;
	LOAD_FILES(&m, { "next.pem", "fullchain.pem", NULL, 0 },
		   { "next.pub", "next.pub", NULL, 0 });
	h = &m.hosts[0];
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(h->chain_count, 1);
	assert_int_equal(h->chains[0].count, 2);
	assert_int_equal(h->key_count, 2);
	assert_int_equal(h->keys[0].role, KEY_CURRENT);
	assert_ptr_equal(h->keys[0].chain, &h->chains[0]);
	assert_int_equal(h->keys[1].role, KEY_CURRENT);
	assert_null(h->keys[1].cert);
	assert_digest(h->keys[1].spki_sha256, 32, 1, 1, "next.pub");
	model_release(&m);
}

/* cert_load_files: an encrypted private key alone gives no key. */
static void files_encrypted_key(void **state)
{
	struct model m;

	(void)state;
	LOAD_FILES(&m, { "key.pem", "p256-enc.key", NULL, 0 });
	assert_one_problem(&m, "key.pem", "no public key found");
	assert_int_equal(m.hosts[0].key_count, 0);
	assert_int_equal(m.private_key_count, 1);
	model_release(&m);
}

/* cert_load_host: the same file is a private-key finding, not a problem. */
static void encrypted_key_in_directory(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "key.pem", "p256-enc.key", NULL, 0 });
	assert_int_equal(m.cert_problem_count, 0);
	assert_int_equal(m.private_key_count, 1);
	model_release(&m);
}

static void truncated_pem(void **state)
{
	struct model m;
	size_t len;
	uint8_t *data = read_tmp_file("leaf.pem", &len);

	(void)state;
	LOAD(&m, { "cert.pem", NULL, data, len / 2 });
	assert_one_problem(&m, "cert.pem", "PEM block 1 is truncated or invalid");
	assert_non_null(strstr(m.cert_problems[0].message, "bad end line"));
	assert_int_equal(m.hosts[0].key_count, 0);
	assert_int_equal(m.hosts[0].chain_count, 0);
	model_release(&m);
	free(data);
}

/* The leaf before a truncated intermediate is still used. */
static void truncated_second_block(void **state)
{
	struct model m;
	size_t len;
	uint8_t *data = read_tmp_file("fullchain.pem", &len);

	(void)state;
	LOAD(&m, { "fullchain.pem", NULL, data, len - 40 });
	assert_one_problem(&m, "fullchain.pem",
			   "PEM block 2 is truncated or invalid");
	assert_int_equal(m.hosts[0].chain_count, 1);
	assert_int_equal(m.hosts[0].chains[0].count, 1);
	model_release(&m);
	free(data);
}

static void corrupt_pem_content(void **state)
{
	static const char text[] = "-----BEGIN CERTIFICATE-----\n"
				   "MAMCAQA=\n"
				   "-----END CERTIFICATE-----\n";
	struct model m;

	(void)state;
	LOAD(&m, { "cert.pem", NULL, text, sizeof(text) - 1 });
	assert_one_problem(&m, "cert.pem", "PEM block 1 (CERTIFICATE) is invalid");
	model_release(&m);
}

static void binary_junk(void **state)
{
	static const uint8_t junk[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 };
	static const uint8_t der_junk[] = { 0x30, 0x82, 0xff, 0xff, 1, 2 };
	struct model m;

	(void)state;
	LOAD(&m, { "cert.pem", NULL, junk, sizeof(junk) });
	assert_one_problem(&m, "cert.pem", "neither PEM nor DER");
	assert_non_null(strstr(m.cert_problems[0].message, "remove the file"));
	model_release(&m);
	LOAD(&m, { "cert.der", NULL, der_junk, sizeof(der_junk) });
	assert_one_problem(&m, "cert.der", "neither PEM nor DER");
	model_release(&m);
}

static void empty_file(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "cert.pem", NULL, "", 0 },
	     { "fullchain.pem", "fullchain.pem", NULL, 0 });
	assert_one_problem(&m, "cert.pem", "empty file");
	assert_int_equal(m.hosts[0].chain_count, 1);
	model_release(&m);
}

static void parameters_only(void **state)
{
	struct model m;

	(void)state;
	LOAD(&m, { "params.pem", "ec-params.pem", NULL, 0 });
	assert_one_problem(&m, "params.pem", "\"EC PARAMETERS\"");
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fullchain_pem),
		cmocka_unit_test(digests_match_cli),
		cmocka_unit_test(der_certificate),
		cmocka_unit_test(der_exact_length),
		cmocka_unit_test(cert_and_chain_files),
		cmocka_unit_test(certbot_layout),
		cmocka_unit_test(root_above_fullchain),
		cmocka_unit_test(chain_file_in_ca_certs),
		cmocka_unit_test(lone_ca_file),
		cmocka_unit_test(next_public_key),
		cmocka_unit_test(next_public_key_der),
		cmocka_unit_test(next_certificate),
		cmocka_unit_test(next_csr),
		cmocka_unit_test(next_private_key),
		cmocka_unit_test(lone_private_key),
		cmocka_unit_test(current_and_next_public_keys),
		cmocka_unit_test(private_key_of_next_key),
		cmocka_unit_test(private_key_formats),
		cmocka_unit_test(openssh_private_key),
		cmocka_unit_test(trusted_certificate),
		cmocka_unit_test(rsa_public_key_block),
		cmocka_unit_test(key_descriptions),
		cmocka_unit_test(files_chain_file),
		cmocka_unit_test(files_next_name),
		cmocka_unit_test(files_encrypted_key),
		cmocka_unit_test(encrypted_key_in_directory),
		cmocka_unit_test(truncated_pem),
		cmocka_unit_test(truncated_second_block),
		cmocka_unit_test(corrupt_pem_content),
		cmocka_unit_test(binary_junk),
		cmocka_unit_test(empty_file),
		cmocka_unit_test(parameters_only),
		cmocka_unit_test(ec_point_off_curve),
		cmocka_unit_test(cert_key_undecodable),
		cmocka_unit_test(x25519_public_key),
		cmocka_unit_test(version1_self_signed),
	};

	return cmocka_run_group_tests(tests, make_pki, remove_pki);
}
