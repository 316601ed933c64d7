/* SPDX-License-Identifier: BSD-3-Clause */
/* Built-in data about public CAs: retired CAs and CA families that issue
 * from several intermediates. */
#ifndef DANELINT_CA_DATA_H
#define DANELINT_CA_DATA_H

#include <stddef.h>
#include <time.h>

#include "model.h"

/* A CA that a deployed chain should no longer list. */
struct retired_ca {
	const char *name;	/* "Let's Encrypt Authority X3" */
	const char *subject;	/* one-line RFC 2253, as cert_info has it */
	const char *spki_sha256;	/* lower-case hex */
	time_t retired_at;	/* from then on the chain should not list it */
	const char *reason;
};

/* One intermediate of a CA family. */
struct ca_member {
	const char *name;	/* "R10" */
	/* Members of one key type are chosen among at random; a leaf with an
	 * RSA key gets an RSA intermediate. */
	const char *key_type;
	const char *spki_sha256;	/* lower-case hex */
	const char *cert_sha256[3];	/* each certificate of the key, then NULL */
};

/* A CA that issues from several intermediates of one key type at random. */
struct ca_family {
	const char *name;	/* "Let's Encrypt" */
	const char *checked;	/* when the member list was last checked */
	const struct ca_member *members;
	size_t member_count;
};

extern const struct ca_family ca_families[];
extern const size_t ca_family_count;

/* Returns the retired CA whose subject and key c has, or NULL. */
const struct retired_ca *retired_ca_find(const struct cert_info *c);

#endif
