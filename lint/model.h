/* SPDX-License-Identifier: BSD-3-Clause */
/* The model the rules read: zones, records, TLSA RRsets, hosts and keys. */
#ifndef DANELINT_MODEL_H
#define DANELINT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util.h"

/* RR type codes (RFC 1035, 3596, 4034, 6698). */
enum {
	RR_A = 1,
	RR_NS = 2,
	RR_CNAME = 5,
	RR_SOA = 6,
	RR_MX = 15,
	RR_TXT = 16,
	RR_AAAA = 28,
	RR_DNAME = 39,
	RR_RRSIG = 46,
	RR_DNSKEY = 48,
	RR_TLSA = 52,
};

struct zone;

/*
 * One resource record as written in a zone file. Names are absolute, in
 * lower case and in presentation format with a trailing dot
 * ("mx1.example.net.").
 */
/* The fields of an SOA record. */
struct soa_fields {
	const char *mname;
	const char *rname;
	uint32_t serial;
	uint32_t refresh;
	uint32_t retry;
	uint32_t expire;
	uint32_t minimum;
};

/* Zones of a million records keep a million of these, so the fields are
 * ordered to leave no padding and the SOA fields live apart. */
struct record {
	const char *owner;
	struct zone *zone;
	const char *file;	/* path relative to the repository root */
	const char *rdata_text;	/* TLSA RDATA as written, comments removed;
				 * NULL for other types */
	const char **names;	/* the domain names in the RDATA, lower case */
	uint64_t hash;		/* of the record's canonical wire form */
	uint32_t ttl;
	unsigned line;		/* line of the record's first character */
	uint16_t type;
	uint16_t column;
	uint32_t name_count;
	union {
		struct {
			uint8_t usage;
			uint8_t selector;
			uint8_t mtype;
			uint32_t len;
			const uint8_t *data;
		} tlsa;
		struct {
			uint16_t preference;
			const char *exchange;
		} mx;
		struct {
			const char *target;
		} cname;
		struct {
			uint16_t covered;	/* the type the RRSIG signs */
			uint32_t expiration;	/* seconds since 1970 */
			uint32_t inception;
		} rrsig;
		const struct soa_fields *soa;	/* never NULL for an SOA */
	} u;
};

/* A zone file (with its $INCLUDEs) loaded under one origin. */
struct zone {
	const char *origin;
	const char *file;
	const struct record *soa;	/* NULL when the zone has none */
	bool has_dnskey;
	/* Order-independent hash of every record but the SOA: two loads
	 * with the same records, however written, have the same value. */
	uint64_t content_hash;
	size_t first;	/* index of its first record in model.records */
	size_t count;
};

/* A problem met while loading a zone file. */
enum load_problem {
	LOAD_SYNTAX,		/* reported by zone-syntax */
	LOAD_OUT_OF_ZONE,	/* reported by record-out-of-zone */
};

struct syntax_error {
	enum load_problem kind;
	const char *file;
	unsigned line;
	unsigned column;
	const char *message;
};

/* The extent a "; danelint: disable..." comment covers. */
enum suppression_scope {
	SUPPRESS_LINE,		/* findings on one line: a record or directive */
	SUPPRESS_FILE,		/* findings anywhere in the file */
	SUPPRESS_NOTHING,	/* a next-line form with no record after it */
};

/* One rule id of a "; danelint: disable..." comment. */
struct suppression {
	const char *file;
	enum suppression_scope scope;
	unsigned line;		/* the line covered (SUPPRESS_LINE), else 0 */
	unsigned comment_line;	/* the line of the comment */
	const char *rule;	/* as written; it may name no rule */
	bool used;		/* it suppressed a finding */
};

/* One certificate of a chain, with the digests TLSA records compare. */
struct cert_info {
	const char *file;	/* the file it was read from */
	const uint8_t *der;
	size_t der_len;
	const uint8_t *spki;
	size_t spki_len;
	uint8_t cert_sha256[32];
	uint8_t cert_sha512[64];
	uint8_t spki_sha256[32];
	uint8_t spki_sha512[64];
	const char *key_family;	/* as in struct key */
	const char *key_description;	/* "RSA 2048", as in struct key */
	unsigned key_bits;
	const char *subject;	/* one-line RFC 2253 form */
	const char *issuer;
	bool is_ca;
	const char **dns_names;	/* subjectAltName dNSNames, lower case */
	size_t dns_name_count;
	const char *common_name;	/* the last subject CN, or NULL */
	time_t not_before;
	time_t not_after;
};

/* The certificates a deployed server sends: the leaf, then its chain. */
struct chain {
	const char *file;
	struct cert_info *certs;
	size_t count;
};

enum key_role {
	KEY_CURRENT,
	KEY_NEXT,
};

/*
 * A key in the certificate directory. A current key belongs to a deployed
 * chain; a next key is staged in a file whose name starts with "next".
 */
struct key {
	const char *file;
	enum key_role role;
	const char *family;	/* "RSA", "ECDSA", "Ed25519", "Ed448", "DSA" */
	const char *description;	/* "RSA 2048", "ECDSA P-256", "Ed25519" */
	unsigned bits;
	const uint8_t *spki;
	size_t spki_len;
	uint8_t spki_sha256[32];
	uint8_t spki_sha512[64];
	const struct cert_info *cert;	/* NULL for a bare public key or CSR */
	const struct chain *chain;	/* the deployed chain of a current key */
};

/* A file of the certificate directory that danelint could not use. */
struct cert_problem {
	const char *file;
	const char *message;
};

/* A file of the certificate directory with private key material in it. */
struct private_key_file {
	const char *file;
	const char *description;	/* "RSA 2048 private key" */
};

/* A TLSA base domain with a subdirectory in the certificate directory. */
struct host {
	const char *name;	/* absolute, "mx1.example.net." */
	const char *dir;
	struct key *keys;
	size_t key_count;
	struct chain *chains;
	size_t chain_count;
	/* The certificates of files that are no deployment: chain files
	 * (chain.pem) and files of CA certificates that issued a certificate
	 * of another file (root.pem above fullchain.pem). */
	struct cert_info *ca_certs;
	size_t ca_cert_count;
};

/* A TLSA RRset: all TLSA records of one owner name. */
struct tlsa_set {
	const char *owner;
	const struct record **records;
	size_t count;
	bool owner_valid;	/* "_PORT._PROTO.host" */
	unsigned port;		/* 0 when the owner is not valid */
	const char *proto;	/* "tcp", "udp", "sctp" or NULL */
	const char *base;	/* the TLSA base domain, or NULL */
	/* Port 25 over TCP, directly or as the target of a CNAME from a
	 * "_25._tcp" name (RFC 7671, section 7). */
	bool smtp;
	const char *alias;	/* the first TLSA-form name aliased to it */
};

/* A slot of the owner table: pos is 1 + the owner's first position in
 * by_owner (0: empty). */
struct owner_slot {
	uint32_t pos;
	uint32_t count;	/* records of the owner, all types */
	uint64_t hash;
};

/* The MX RRset of one owner name: count records from records on. */
struct mx_set {
	const char *owner;
	const struct record *const *records;	/* into by_owner */
	size_t count;
	/* The first record is "MX 0 ." (RFC 7505): the domain accepts no
	 * mail. */
	bool null_mx;
};

struct model {
	struct arena arena;
	struct record *records;
	size_t record_count;
	size_t record_alloc;
	struct zone *zones;
	size_t zone_count;
	size_t zone_alloc;
	struct syntax_error *errors;
	size_t error_count;
	size_t error_alloc;
	struct suppression *suppressions;
	size_t suppression_count;
	size_t suppression_alloc;
	struct host *hosts;
	size_t host_count;
	size_t host_alloc;
	struct cert_problem *cert_problems;
	size_t cert_problem_count;
	size_t cert_problem_alloc;
	struct private_key_file *private_keys;
	size_t private_key_count;
	size_t private_key_alloc;
	bool have_certs;	/* a certificate directory was loaded */

	/* Built by model_index(). */
	const struct record **by_owner;	/* sorted by owner, then type */
	struct owner_slot *owner_slots;	/* hash table of owners */
	size_t owner_mask;
	struct owner_slot *tlsa_slots;	/* of TLSA RRsets: pos is 1 +
					 * the index in tlsa_sets */
	size_t tlsa_mask;
	struct owner_slot *host_slots;	/* of hosts, by name */
	size_t host_mask;
	struct tlsa_set *tlsa_sets;
	size_t tlsa_set_count;
	const struct record **mx_by_exchange;
	size_t mx_count;
	struct mx_set *mx_sets;	/* sorted by owner */
	size_t mx_set_count;
	const struct record **cname_by_target;
	size_t cname_count;
};

void model_init(struct model *m);
void model_release(struct model *m);

void model_add_syntax_error(struct model *m, const char *file, unsigned line,
			    unsigned column, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void model_add_cert_problem(struct model *m, const char *file,
			    const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* CNAME chains longer than this are treated as loops. */
#define MAX_CNAME_CHAIN 8

/* Sorts records by name and builds the TLSA RRsets; call once after loading. */
void model_index(struct model *m);

/*
 * Finds the records of one owner name and type (type 0: any type). Sets
 * *out to the first and returns how many there are, 0 when there are none.
 */
size_t model_find(const struct model *m, const char *owner, uint16_t type,
		  const struct record *const **out);

/* Returns the zone whose origin is the longest suffix of name, or NULL. */
const struct zone *model_zone_for(const struct model *m, const char *name);

const struct tlsa_set *model_tlsa_set(const struct model *m,
				      const char *owner);

/*
 * Parses probe->owner as "_PORT._PROTO.host" and sets probe->owner_valid,
 * port, proto and base, as model_index() does for TLSA RRsets.
 */
void model_parse_tlsa_owner(struct model *m, struct tlsa_set *probe);

/*
 * Finds the TLSA RRset that clients use for host:port over TCP, following
 * CNAMEs of the TLSA owner within the loaded zones (RFC 7671, section 7).
 * Returns NULL when there is none.
 */
const struct tlsa_set *model_tlsa_for_host(const struct model *m,
					   const char *host, unsigned port);

/* Returns the host whose TLSA base domain is name, or NULL. */
const struct host *model_host(const struct model *m, const char *name);

/*
 * Finds the suppressions of file at line (0: the file-wide ones and the
 * next-line forms that cover nothing); model_index() sorts them. Sets
 * *out to the first and returns how many there are.
 */
size_t model_suppressions_at(const struct model *m, const char *file,
			     unsigned line, struct suppression **out);

/* Finds the CNAME records whose target is name, across all zones. */
size_t model_cnames_pointing_to(const struct model *m, const char *name,
				const struct record *const **out);

/* Finds the MX records whose exchange is name, across all zones. */
size_t model_mx_pointing_to(const struct model *m, const char *name,
			    const struct record *const **out);

/* Is name equal to origin or below it? Both absolute, lower case. */
bool name_in_zone(const char *name, const char *origin);

/* Does the TLSA record's association data match this certificate? */
bool tlsa_matches_cert(const struct record *tlsa, const struct cert_info *c);
/* Does it match this key (selector 1), or its certificate (selector 0)? */
bool tlsa_matches_key(const struct record *tlsa, const struct key *k);

#endif
