/* SPDX-License-Identifier: BSD-3-Clause */
/* Certificate loader: reads a certificate directory into the model. */
#ifndef DANELINT_CERT_H
#define DANELINT_CERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/*
 * Loads one host's certificate directory from the files given in memory.
 * names[i] is the file name inside the directory ("fullchain.pem"),
 * paths[i] the path reported in findings ("certs/mx1.example.net/fullchain.pem"),
 * data[i] and lens[i] its content.
 *
 * Files whose name starts with "next" hold next keys (public key,
 * certificate or certificate request); every other file that holds
 * certificates is a current deployment, its first certificate the leaf.
 * A file holding only a chain (cert.pem + chain.pem) completes the
 * deployment whose leaf its first certificate issued. Public keys,
 * certificate requests and private keys in other files give a current key
 * with key->chain and key->cert NULL, unless another key of the host has
 * the same SPKI. Private keys are also recorded in m->private_keys. Files
 * holding nothing usable are recorded in m->cert_problems with the reason;
 * none is skipped silently.
 *
 * host_name is the absolute TLSA base domain ("mx1.example.net.").
 * Returns 0, or a negative value when memory runs out.
 */
/*
 * Decodes the certificates and public keys of many files ahead of
 * cert_load_host(), on as many threads as thread_count() allows, so that
 * the loads after it find them decoded.
 */
void cert_prefetch(const uint8_t *const *data, const size_t *lens,
		   size_t count);

int cert_load_host(struct model *m, const char *host_name, const char *dir,
		   size_t count, const char *const *names,
		   const char *const *paths, const uint8_t *const *data,
		   const size_t *lens);

/*
 * Loads files named on a command line as the keys of one host, for
 * 'danelint tlsa'. Unlike cert_load_host(), no file is a next file,
 * whatever its name, and every file with certificates gets a chain of its
 * own certificates only, in file order. A chain file (CA certificates, the
 * first of which issued the leaf of another file) gets such a chain but no
 * key. A file that holds only private keys danelint cannot decode
 * (encrypted, OpenSSH format) gives no key, so it is recorded in
 * m->cert_problems. host->dir is "". Returns 0, or a negative value when
 * memory runs out.
 */
int cert_load_files(struct model *m, const char *host_name, size_t count,
		    const char *const *paths, const uint8_t *const *data,
		    const size_t *lens);

/* True when data is a DER X.509 certificate with nothing after it. */
bool cert_der_is_certificate(const uint8_t *data, size_t len);
/* True when data is a DER SubjectPublicKeyInfo with nothing after it. */
bool cert_der_is_spki(const uint8_t *data, size_t len);

#endif
