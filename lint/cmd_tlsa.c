/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint tlsa: prints TLSA records for the keys in certificate files. */
#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"
#include "commands.h"
#include "model.h"
#include "msg.h"
#include "source.h"
#include "util.h"

static const char tlsa_usage[] =
	"usage: danelint tlsa [OPTION...] HOST FILE...\n"
	"\n"
	"Prints a TLSA record in zone-file syntax for every key or certificate\n"
	"in the FILEs, each after a comment that names the key type and size,\n"
	"the file and, for a certificate, its subject. A FILE is a PEM or DER\n"
	"certificate, chain, public key, certificate request or private key.\n"
	"The owner name is _PORT._PROTO.HOST., with HOST in lower case. A\n"
	"record that several FILEs give is printed once, after a comment per\n"
	"file. U, S and M are numbers or the names in brackets.\n"
	"\n"
	"  --port N      port of the service, 1 to 65535 (default: 25)\n"
	"  --proto P     transport protocol: tcp, udp or sctp (default: tcp)\n"
	"  --usage U     certificate usage: 0 [PKIX-TA], 1 [PKIX-EE],\n"
	"                2 [DANE-TA] or 3 [DANE-EE] (default: 3)\n"
	"  --selector S  0 [Cert]: the whole certificate, 1 [SPKI]: its public\n"
	"                key (default: 1)\n"
	"  --mtype M     matching type: 0 [Full]: the selected data in hex,\n"
	"                1 [SHA2-256] or 2 [SHA2-512] (default: 1)\n"
	"\n"
	"Usages 1 and 3 name the server's own key: the first certificate of a\n"
	"FILE (the leaf), and every public key, certificate request or private\n"
	"key that no certificate in the FILEs carries. A FILE of CA\n"
	"certificates that issued the leaf of another FILE (chain.pem next to\n"
	"cert.pem) gives no record.\n"
	"\n"
	"Usages 0 and 2 name a CA: every CA certificate in the FILEs gets a\n"
	"record, and leaves get none. A key without a certificate is an error\n"
	"with these usages, because danelint cannot tell whether it is a CA\n"
	"key, and so are FILEs without any CA certificate.\n"
	"\n"
	"Selector 0 covers the whole certificate, so with --selector 0 a key\n"
	"whose certificate is in none of the FILEs (a public key, certificate\n"
	"request or private key alone) is an error. After an error danelint\n"
	"prints no record at all, because a partial set of records in a zone\n"
	"is worse than none.\n"
	"\n"
	"A private key gives the record of its public half and a warning:\n"
	"private keys do not belong in the repository.\n"
	"\n"
	"exit status: 0 records printed, 2 usage error or a FILE that is\n"
	"unreadable or unusable\n";

/* The command line, validated. */
struct tlsa_args {
	unsigned long port;
	const char *proto;
	unsigned long usage;
	unsigned long selector;
	unsigned long mtype;
	char *base;	/* absolute and in lower case: "mx1.example.net." */
	char **files;
	size_t file_count;
};

/* One record to print and the certificate or key it was made from. */
struct tlsa_entry {
	size_t file_index;	/* position of its FILE on the command line */
	size_t sequence;	/* order in which it was found */
	const char *file;
	const char *description;	/* "ECDSA P-256" */
	const char *subject;	/* NULL for a key without certificate */
	const uint8_t *data;	/* the certificate association data */
	size_t len;
};

struct entry_list {
	struct tlsa_entry *entries;
	size_t count;
	size_t alloc;
};

/* A mnemonic of a TLSA field (RFC 7218) and its number. */
struct field_name {
	const char *name;
	unsigned long value;
};

static const struct field_name usage_names[] = {
	{ "PKIX-TA", 0 }, { "PKIX-EE", 1 }, { "DANE-TA", 2 }, { "DANE-EE", 3 },
};
static const struct field_name selector_names[] = {
	{ "Cert", 0 }, { "SPKI", 1 },
};
static const struct field_name mtype_names[] = {
	{ "Full", 0 }, { "SHA2-256", 1 }, { "SHA2-512", 2 },
};

static const char *const protocols[] = { "tcp", "udp", "sctp" };

enum {
	OPT_PORT = 256,
	OPT_PROTO,
	OPT_USAGE,
	OPT_SELECTOR,
	OPT_MTYPE,
};

static const struct option tlsa_options[] = {
	{ "port", required_argument, NULL, OPT_PORT },
	{ "proto", required_argument, NULL, OPT_PROTO },
	{ "usage", required_argument, NULL, OPT_USAGE },
	{ "selector", required_argument, NULL, OPT_SELECTOR },
	{ "mtype", required_argument, NULL, OPT_MTYPE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Prints a command-line error and where to read about the options. */
static void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static void usage_error(const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	msg_error("%s", text);
	fputs("try 'danelint tlsa --help'\n", stderr);
	free(text);
}

/* Parses a TLSA field given as a number up to max or as its mnemonic. */
static int parse_field(const char *option, const char *text,
		       unsigned long max, const struct field_name *names,
		       size_t name_count, unsigned long *out)
{
	struct strbuf choices;
	size_t i;

	if (parse_ulong(text, max, out) == 0)
		return 0;
	for (i = 0; i < name_count; i++)
		if (str_casecmp(text, names[i].name) == 0) {
			*out = names[i].value;
			return 0;
		}
	strbuf_init(&choices);
	for (i = 0; i < name_count; i++)
		strbuf_addf(&choices, "%s%lu (%s)", i ? ", " : "",
			    names[i].value, names[i].name);
	usage_error("invalid --%s '%s': expected one of %s", option, text,
		    strbuf_str(&choices));
	strbuf_release(&choices);
	return -1;
}

static int parse_port(const char *text, unsigned long *out)
{
	if (parse_ulong(text, 65535, out) == 0 && *out > 0)
		return 0;
	usage_error("invalid --port '%s': expected a number from 1 to 65535",
		    text);
	return -1;
}

static int parse_proto(const char *text, const char **out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(protocols); i++)
		if (str_casecmp(text, protocols[i]) == 0) {
			*out = protocols[i];
			return 0;
		}
	usage_error("invalid --proto '%s': expected tcp, udp or sctp", text);
	return -1;
}

/* Applies one option; returns 0, 1 after --help or -1 after an error. */
static int apply_option(struct tlsa_args *a, int opt, const char *value)
{
	switch (opt) {
	case OPT_PORT:
		return parse_port(value, &a->port);
	case OPT_PROTO:
		return parse_proto(value, &a->proto);
	case OPT_USAGE:
		return parse_field("usage", value, 3, usage_names,
				   ARRAY_SIZE(usage_names), &a->usage);
	case OPT_SELECTOR:
		return parse_field("selector", value, 1, selector_names,
				   ARRAY_SIZE(selector_names), &a->selector);
	case OPT_MTYPE:
		return parse_field("mtype", value, 2, mtype_names,
				   ARRAY_SIZE(mtype_names), &a->mtype);
	default:
		fputs(tlsa_usage, stdout);
		return 1;
	}
}

/* Checks one label of a host name; returns NULL or what is wrong. */
static const char *label_problem(const char *label, size_t len)
{
	size_t i;

	if (len == 0)
		return "empty label (a leading dot or two dots in a row)";
	if (len > 63)
		return "label longer than 63 characters";
	if (label[0] == '_')
		return "labels starting with '_' belong in the TLSA owner name, "
		       "not in HOST: give the server's name alone, and --port "
		       "and --proto for the _PORT._PROTO prefix";
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)label[i]) && label[i] != '-')
			return "invalid character: a host name has letters, "
			       "digits and '-' only (an internationalized "
			       "name in its xn-- form)";
	if (label[0] == '-' || label[len - 1] == '-')
		return "label starting or ending with '-'";
	return NULL;
}

/*
 * Checks that host (with or without the trailing dot) is a fully
 * qualified host name (RFC 1123). Returns NULL or what is wrong.
 */
static const char *host_problem(const char *host)
{
	size_t len = strlen(host), labels = 0, n;
	const char *label = host, *last = host, *problem;

	if (len > 0 && host[len - 1] == '.')
		len--;
	if (len == 0)
		return "empty name or the root; give the server's name, "
		       "such as mx1.example.net";
	if (len > 253)
		return "longer than 253 characters";
	while (label <= host + len) {
		n = strcspn(label, ".");
		if (label + n > host + len)
			n = (size_t)(host + len - label);
		problem = label_problem(label, n);
		if (problem)
			return problem;
		labels++;
		last = label;
		label += n + 1;
	}
	if (labels < 2)
		return "not a fully qualified name; give the server's full "
		       "name, such as mx1.example.net";
	if (strspn(last, "0123456789.") == strlen(last))
		return "the last label is all digits, as in an IP address; "
		       "TLSA records are published under the server's DNS "
		       "name";
	return NULL;
}

/* Returns host as an absolute name in lower case, or NULL after an error. */
static char *tlsa_base(const char *host)
{
	const char *problem = host_problem(host);
	size_t len = strlen(host), i;
	char *base;

	if (problem) {
		usage_error("invalid HOST '%s': %s", host, problem);
		return NULL;
	}
	if (host[len - 1] == '.')
		len--;
	base = xmalloc(len + 2);
	for (i = 0; i < len; i++)
		base[i] = (char)tolower((unsigned char)host[i]);
	base[len] = '.';
	base[len + 1] = '\0';
	return base;
}

/* Parses argv into a; returns 0, 1 after --help or -1 after an error. */
static int parse_args(struct tlsa_args *a, int argc, char **argv)
{
	int c, rc;

	a->port = 25;
	a->proto = "tcp";
	a->usage = 3;
	a->selector = 1;
	a->mtype = 1;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", tlsa_options, NULL)) != -1) {
		if (c == ':') {
			usage_error("option '%s' needs a value", argv[optind - 1]);
			return -1;
		}
		if (c == '?') {
			if (optopt)
				usage_error("unknown option '-%c'", optopt);
			else
				usage_error("unknown option '%s'",
					    argv[optind - 1]);
			return -1;
		}
		rc = apply_option(a, c, optarg);
		if (rc != 0)
			return rc;
	}
	if (optind >= argc) {
		usage_error("missing HOST and FILE");
		return -1;
	}
	a->base = tlsa_base(argv[optind]);
	if (!a->base)
		return -1;
	a->files = argv + optind + 1;
	a->file_count = (size_t)(argc - optind - 1);
	if (a->file_count == 0) {
		usage_error("missing FILE: name a certificate, key or "
			    "certificate request file");
		return -1;
	}
	return 0;
}

/* The FILEs in memory, in command-line order. */
struct file_set {
	char **data;
	size_t *lens;
	size_t count;
};

static void file_set_release(struct file_set *fs)
{
	size_t i;

	for (i = 0; i < fs->count; i++)
		free(fs->data[i]);
	free(fs->data);
	free(fs->lens);
}

/* Reads every FILE; returns -1 after an error for each that fails. */
static int read_files(const struct tlsa_args *a, struct file_set *fs)
{
	struct source src;
	struct strbuf err;
	size_t i;
	int rc = 0;

	source_disk_init(&src, "");
	fs->data = xcalloc(a->file_count, sizeof(*fs->data));
	fs->lens = xcalloc(a->file_count, sizeof(*fs->lens));
	fs->count = a->file_count;
	strbuf_init(&err);
	for (i = 0; i < a->file_count; i++) {
		strbuf_reset(&err);
		if (src.read(&src, a->files[i], &fs->data[i], &fs->lens[i],
			     &err) < 0) {
			msg_error("cannot read '%s': %s", a->files[i],
				  strbuf_str(&err));
			fs->data[i] = NULL;
			rc = -1;
		}
	}
	strbuf_release(&err);
	return rc;
}

/*
 * Reports the files the loader could not use, and warns about private
 * keys. Returns -1 when a file could not be used.
 */
static int report_loaded(const struct model *m)
{
	size_t i;

	for (i = 0; i < m->private_key_count; i++)
		msg_warning("'%s' contains a private key (%s); private keys do "
			    "not belong in the repository: keep the key on the "
			    "server and commit the certificate or public key",
			    m->private_keys[i].file,
			    m->private_keys[i].description);
	for (i = 0; i < m->cert_problem_count; i++)
		msg_error("'%s': %s", m->cert_problems[i].file,
			  m->cert_problems[i].message);
	return m->cert_problem_count ? -1 : 0;
}

static size_t file_index(const struct tlsa_args *a, const char *file)
{
	size_t i;

	for (i = 0; i < a->file_count; i++)
		if (strcmp(a->files[i], file) == 0)
			return i;
	return a->file_count;
}

/* Points e at the full data (mtype 0), its SHA-256 (1) or SHA-512 (2). */
static void select_data(struct tlsa_entry *e, unsigned long mtype,
			const uint8_t *full, size_t full_len,
			const uint8_t *sha256, const uint8_t *sha512)
{
	if (mtype == 0) {
		e->data = full;
		e->len = full_len;
	} else if (mtype == 1) {
		e->data = sha256;
		e->len = 32;
	} else {
		e->data = sha512;
		e->len = 64;
	}
}

static struct tlsa_entry *push_entry(struct entry_list *list,
				     const struct tlsa_args *a,
				     const char *file, const char *description)
{
	struct tlsa_entry *e = ARRAY_PUSH(list->entries, list->count,
					  list->alloc);

	memset(e, 0, sizeof(*e));
	e->file_index = file_index(a, file);
	e->sequence = list->count - 1;
	e->file = file;
	e->description = description;
	return e;
}

/* Adds the record of certificate c of file, with the selector of a. */
static void add_cert(struct entry_list *list, const struct tlsa_args *a,
		     const char *file, const struct cert_info *c)
{
	struct tlsa_entry *e = push_entry(list, a, file, c->key_description);

	e->subject = c->subject;
	if (a->selector == 0)
		select_data(e, a->mtype, c->der, c->der_len, c->cert_sha256,
			    c->cert_sha512);
	else
		select_data(e, a->mtype, c->spki, c->spki_len, c->spki_sha256,
			    c->spki_sha512);
}

static void add_bare_key(struct entry_list *list, const struct tlsa_args *a,
			 const struct key *k)
{
	struct tlsa_entry *e = push_entry(list, a, k->file, k->description);

	select_data(e, a->mtype, k->spki, k->spki_len, k->spki_sha256,
		    k->spki_sha512);
}

/* Reports a key without a certificate where the record needs one. */
static void report_bare_key(const struct tlsa_args *a, const struct key *k)
{
	if (a->selector == 0)
		msg_error("'%s' contains a key (%s) without its certificate, but "
			  "selector 0 covers the whole certificate; name the "
			  "certificate file, or use --selector 1 for a record "
			  "of the public key", k->file, k->description);
	else
		msg_error("'%s' contains a key (%s) without a certificate, so "
			  "danelint cannot tell whether it is a CA key; usage "
			  "%lu names a CA: name the CA certificate file, or use "
			  "--usage 3 for the server's own key", k->file,
			  k->description, a->usage);
}

/* Warns when the leaf of a file is an intermediate CA certificate. */
static void warn_ca_leaf(const struct tlsa_args *a, const struct key *k)
{
	const struct cert_info *c = k->cert;

	if (!c->is_ca || strcmp(c->subject, c->issuer) == 0)
		return;
	msg_warning("the first certificate in '%s' (%s) is a CA certificate "
		    "that another CA issued, not a server certificate; usage "
		    "%lu names the server's own key: name the file that starts "
		    "with the server's certificate, or use --usage 2 for a CA",
		    k->file, c->subject, a->usage);
}

/* Does a key of h come from chain c? Chain files give no key. */
static bool chain_has_key(const struct host *h, const struct chain *c)
{
	size_t i;

	for (i = 0; i < h->key_count; i++)
		if (h->keys[i].chain == c)
			return true;
	return false;
}

/* Usages 1 and 3: a record for every key of the server. */
static int collect_server_keys(const struct host *h,
			       const struct tlsa_args *a,
			       struct entry_list *list)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < h->key_count; i++) {
		const struct key *k = &h->keys[i];

		if (k->cert) {
			warn_ca_leaf(a, k);
			add_cert(list, a, k->file, k->cert);
		} else if (a->selector == 0) {
			report_bare_key(a, k);
			rc = -1;
		} else {
			add_bare_key(list, a, k);
		}
	}
	for (i = 0; i < h->chain_count; i++)
		if (!chain_has_key(h, &h->chains[i]))
			msg_note("'%s' contains only the CA certificates that "
				 "issued the leaf of another FILE, so it gives "
				 "no usage %lu record (--usage 2 prints records "
				 "for CA certificates)", h->chains[i].file,
				 a->usage);
	return rc;
}

/*
 * Usages 0 and 2: a record for every CA certificate. A file with a leaf
 * and no CA certificate gives none, like cert.pem next to chain.pem.
 */
static int collect_ca_certs(const struct host *h, const struct tlsa_args *a,
			    struct entry_list *list)
{
	size_t i, j, found;
	int rc = 0;

	for (i = 0; i < h->chain_count; i++) {
		const struct chain *c = &h->chains[i];

		for (j = 0, found = 0; j < c->count; j++)
			if (c->certs[j].is_ca) {
				add_cert(list, a, c->file, &c->certs[j]);
				found++;
			}
		if (!found)
			msg_note("'%s' contains no CA certificate (%s is a server "
				 "certificate), so it gives no usage %lu record",
				 c->file, c->certs[0].subject, a->usage);
	}
	for (i = 0; i < h->key_count; i++)
		if (!h->keys[i].cert) {
			report_bare_key(a, &h->keys[i]);
			rc = -1;
		}
	if (rc == 0 && list->count == 0) {
		msg_error("no CA certificate in the FILEs; usage %lu names a "
			  "CA: name the CA certificate or a chain file, or use "
			  "--usage 3 for the server's own key", a->usage);
		rc = -1;
	}
	return rc;
}

static int compare_entries(const void *x, const void *y)
{
	const struct tlsa_entry *a = x, *b = y;

	if (a->file_index != b->file_index)
		return a->file_index < b->file_index ? -1 : 1;
	return a->sequence < b->sequence ? -1 : a->sequence > b->sequence;
}

/* Fills list in command-line order of the FILEs; -1 after an error. */
static int collect(const struct host *h, const struct tlsa_args *a,
		   struct entry_list *list)
{
	int rc;

	if (a->usage == 0 || a->usage == 2)
		rc = collect_ca_certs(h, a, list);
	else
		rc = collect_server_keys(h, a, list);
	if (rc == 0 && list->count == 0) {
		msg_error("no key or certificate found in the FILEs");
		rc = -1;
	}
	if (rc == 0)
		qsort(list->entries, list->count, sizeof(*list->entries),
		      compare_entries);
	return rc;
}

/* Prints s for a zone-file comment: a control character could end it. */
static void print_text(const char *s)
{
	for (; *s; s++)
		putchar(iscntrl((unsigned char)*s) ? '?' : *s);
}

static void print_comment(const struct tlsa_entry *e)
{
	fputs("; ", stdout);
	print_text(e->description);
	fputs(", ", stdout);
	print_text(e->file);
	if (e->subject) {
		fputs(" (", stdout);
		print_text(e->subject);
		putchar(')');
	}
	putchar('\n');
}

static void print_record(const struct tlsa_args *a, const struct tlsa_entry *e)
{
	char hex[2 * 32 + 1];
	size_t done, n;

	printf("_%lu._%s.%s IN TLSA %lu %lu %lu ", a->port, a->proto, a->base,
	       a->usage, a->selector, a->mtype);
	for (done = 0; done < e->len; done += n) {
		n = e->len - done < 32 ? e->len - done : 32;
		hex_encode(hex, e->data + done, n);
		fputs(hex, stdout);
	}
	putchar('\n');
}

static bool same_data(const struct tlsa_entry *x, const struct tlsa_entry *y)
{
	return x->len == y->len && memcmp(x->data, y->data, x->len) == 0;
}

static bool same_source(const struct tlsa_entry *x, const struct tlsa_entry *y)
{
	if (strcmp(x->file, y->file) != 0 ||
	    strcmp(x->description, y->description) != 0)
		return false;
	if (!x->subject || !y->subject)
		return x->subject == y->subject;
	return strcmp(x->subject, y->subject) == 0;
}

/*
 * Prints each distinct record once, after a comment for every certificate
 * or key it matches. Returns the exit status.
 */
static int print_records(const struct tlsa_args *a,
			 const struct entry_list *list)
{
	const struct tlsa_entry *e = list->entries;
	bool *printed = xcalloc(list->count, sizeof(*printed));
	size_t i, j, k;

	for (i = 0; i < list->count; i++) {
		if (printed[i])
			continue;
		for (j = i; j < list->count; j++) {
			if (printed[j] || !same_data(&e[i], &e[j]))
				continue;
			printed[j] = true;
			for (k = i; k < j; k++)
				if (same_data(&e[i], &e[k]) &&
				    same_source(&e[k], &e[j]))
					break;
			if (k == j)
				print_comment(&e[j]);
		}
		print_record(a, &e[i]);
	}
	free(printed);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg_error("cannot write the records to standard output");
		return 2;
	}
	return 0;
}

/* Loads the FILEs into m and reports what is wrong with them. */
static int load(const struct tlsa_args *a, const struct file_set *fs,
		struct model *m)
{
	if (cert_load_files(m, a->base, fs->count,
			    (const char *const *)a->files,
			    (const uint8_t *const *)fs->data, fs->lens) < 0) {
		msg_error("loading the FILEs failed: out of memory or an "
			  "OpenSSL error");
		return -1;
	}
	return report_loaded(m);
}

int cmd_tlsa(int argc, char **argv)
{
	struct tlsa_args a;
	struct file_set fs = { NULL, NULL, 0 };
	struct entry_list list = { NULL, 0, 0 };
	struct model m;
	int rc, status = 2;

	memset(&a, 0, sizeof(a));
	rc = parse_args(&a, argc, argv);
	if (rc != 0) {
		free(a.base);
		return rc > 0 ? 0 : 2;
	}
	if (a.usage <= 1 && a.port == 25 && strcmp(a.proto, "tcp") == 0)
		msg_warning("SMTP clients ignore usages 0 and 1 (RFC 7672, "
			    "section 3.1.3), so these records do not secure "
			    "port 25; use usage 3, or 2 for a CA");
	model_init(&m);
	if (read_files(&a, &fs) == 0 && load(&a, &fs, &m) == 0 &&
	    collect(&m.hosts[0], &a, &list) == 0)
		status = print_records(&a, &list);
	free(list.entries);
	model_release(&m);
	file_set_release(&fs);
	free(a.base);
	return status;
}
