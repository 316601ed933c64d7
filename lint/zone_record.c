/* SPDX-License-Identifier: BSD-3-Clause */
/* One record of a zone file: from scanner text to a model record. */
#include "zone_record.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "zone.h"
#include "zone_fast.h"

/* RFC 2181, section 8: a TTL is at most 2^31 - 1 seconds. */
#define MAX_TTL 2147483647UL

/*
 * Writes a wire-form name in presentation form, in lower case, as
 * ldns_rdf2str writes it: "mx1.example.net.", special characters escaped
 * ("a\\.b", "\\032").
 */
char *zone_name_text(struct arena *a, const uint8_t *wire, size_t len)
{
	char stack[1024], *buf = stack, *out;
	size_t pos = 0, i = 0;

	if (len * 4 + 2 > sizeof(stack))
		buf = xmalloc(len * 4 + 2);
	while (i < len && wire[i]) {
		size_t end = i + 1 + wire[i];

		for (i++; i < end && i < len; i++) {
			unsigned char c = wire[i];

			if (c == '.' || c == ';' || c == '(' || c == ')' ||
			    c == '\\') {
				buf[pos++] = '\\';
				buf[pos++] = (char)c;
			} else if (c <= 0x20 || c >= 0x7f) {
				buf[pos++] = '\\';
				buf[pos++] = (char)('0' + c / 100);
				buf[pos++] = (char)('0' + c / 10 % 10);
				buf[pos++] = (char)('0' + c % 10);
			} else {
				buf[pos++] = (char)(c >= 'A' && c <= 'Z' ?
						    c + 'a' - 'A' : c);
			}
		}
		buf[pos++] = '.';
	}
	if (!pos)
		buf[pos++] = '.';
	out = arena_alloc_bytes(a, pos + 1);
	memcpy(out, buf, pos);
	out[pos] = '\0';
	if (buf != stack)
		free(buf);
	return out;
}

/* The name as ldns writes it, case kept, for messages. */
static const char *name_text_as_written(struct arena *a, const ldns_rdf *rdf)
{
	char *s = rdf ? ldns_rdf2str(rdf) : NULL;
	const char *out = arena_strdup(a, s ? s : "?");

	free(s);
	return out;
}

size_t zone_next_token(const char **p)
{
	const char *s = *p;

	bool quoted = false;

	while (*s == ' ')
		s++;
	*p = s;
	/* a blank ends the token unless escaped ("a\\ b") or quoted */
	for (; *s && (quoted || *s != ' '); s++) {
		if (*s == '\\' && s[1])
			s++;
		else if (*s == '"')
			quoted = !quoted;
	}
	return (size_t)(s - *p);
}

/* Returns the seconds of a TTL unit letter (lower case), or 0. */
static unsigned long ttl_unit(int c)
{
	switch (c) {
	case 's':
		return 1;
	case 'm':
		return 60;
	case 'h':
		return 3600;
	case 'd':
		return 86400;
	case 'w':
		return 604800;
	default:
		return 0;
	}
}

int zone_parse_ttl(const char *s, size_t len, uint32_t *out)
{
	unsigned long total = 0, value = 0;
	bool digits = false;
	size_t i;

	for (i = 0; i < len; i++) {
		int c = tolower((unsigned char)s[i]);
		unsigned long unit = 0;

		if (isdigit(c)) {
			value = value * 10 + (unsigned long)(c - '0');
			digits = true;
			if (value > MAX_TTL)
				return -1;
			continue;
		}
		unit = ttl_unit(c);
		if (!unit || !digits)
			return -1;
		total += value * unit;
		if (total > MAX_TTL)
			return -1;
		value = 0;
		digits = false;
	}
	if (!len)
		return -1;
	total += value;
	if (total > MAX_TTL)
		return -1;
	*out = (uint32_t)total;
	return 0;
}

static bool is_class_token(const char *s, size_t n)
{
	static const char *const classes[] = { "IN", "CH", "CS", "HS" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(classes); i++)
		if (n == 2 && strncasecmp(s, classes[i], 2) == 0)
			return true;
	return n > 5 && strncasecmp(s, "CLASS", 5) == 0 &&
	       isdigit((unsigned char)s[5]);
}

const char *zone_rdata_start(const char *text, bool inherits_owner)
{
	const char *p = text;
	size_t n;
	uint32_t ttl;

	if (!inherits_owner) {
		n = zone_next_token(&p);
		p += n;
	}
	for (;;) {
		n = zone_next_token(&p);
		if (!n)
			return p;
		if (!is_class_token(p, n) && zone_parse_ttl(p, n, &ttl) < 0)
			break;
		p += n;
	}
	p += n;
	while (*p == ' ')
		p++;
	return p;
}

/*
 * A record in wire form, from ldns or from the fast path: what the model
 * record is filled from, so that both fill it the same way.
 */
struct wire_record {
	const uint8_t *owner;
	size_t owner_len;
	uint16_t type;
	uint16_t rr_class;
	uint32_t ttl;
	const struct fast_field *fields;
	size_t field_count;
};

/* Fields of an ldns_rr that fit on the stack; more are allocated. */
#define STACK_FIELDS 16

/* Sets w to a view of rr, with fields in buf (STACK_FIELDS entries) or in
 * a new array; returns that array, for free(), or NULL. */
static struct fast_field *view_rr(const ldns_rr *rr, struct wire_record *w,
				  struct fast_field *buf)
{
	size_t i, n = ldns_rr_rd_count(rr);
	struct fast_field *fields = n > STACK_FIELDS
		? xmalloc(n * sizeof(*fields)) : buf;
	const ldns_rdf *owner = ldns_rr_owner(rr);

	for (i = 0; i < n; i++) {
		const ldns_rdf *f = ldns_rr_rdf(rr, i);

		fields[i].rdf_type = ldns_rdf_get_type(f);
		fields[i].data = ldns_rdf_data(f);
		fields[i].len = ldns_rdf_size(f);
	}
	w->owner = owner ? ldns_rdf_data(owner) : NULL;
	w->owner_len = owner ? ldns_rdf_size(owner) : 0;
	w->type = (uint16_t)ldns_rr_get_type(rr);
	w->rr_class = (uint16_t)ldns_rr_get_class(rr);
	w->ttl = ldns_rr_ttl(rr);
	w->fields = fields;
	w->field_count = n;
	return fields == buf ? NULL : fields;
}

/* Concatenates the wire form of all RDATA fields. */
static uint8_t *rdata_wire(struct arena *a, const struct wire_record *w,
			   size_t *len)
{
	size_t i, total = 0;
	uint8_t *out;

	for (i = 0; i < w->field_count; i++)
		total += w->fields[i].len;
	out = arena_alloc_bytes(a, total ? total : 1);
	*len = 0;
	for (i = 0; i < w->field_count; i++) {
		memcpy(out + *len, w->fields[i].data, w->fields[i].len);
		*len += w->fields[i].len;
	}
	return out;
}

static uint32_t field_u32(const struct wire_record *w, size_t i)
{
	const uint8_t *p = w->fields[i].data;

	if (w->fields[i].len != 4)
		return 0;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint16_t field_u16(const struct wire_record *w, size_t i)
{
	const uint8_t *p = w->fields[i].data;

	if (w->fields[i].len != 2)
		return 0;
	return (uint16_t)(p[0] << 8 | p[1]);
}

static bool is_name(const struct wire_record *w, size_t i)
{
	return w->fields[i].rdf_type == LDNS_RDF_TYPE_DNAME;
}

/* Collects the domain names of the RDATA (MX exchange, NS, CNAME, ...). */
static void fill_names(struct arena *a, struct record *r,
		       const struct wire_record *w)
{
	size_t i, n = 0;

	for (i = 0; i < w->field_count; i++)
		n += is_name(w, i);
	if (!n)
		return;
	r->names = arena_alloc(a, n * sizeof(*r->names));
	for (i = 0; i < w->field_count; i++)
		if (is_name(w, i))
			r->names[r->name_count++] = zone_name_text(
				a, w->fields[i].data, w->fields[i].len);
}

/* Returns RDATA field i, a domain name, as text: the copy that
 * fill_names() made, or a new one when the field is of another type. */
static const char *name_of(struct arena *a, const struct record *r,
			   const struct wire_record *w, size_t i)
{
	size_t k, n = 0;

	if (!is_name(w, i))
		return zone_name_text(a, w->fields[i].data, w->fields[i].len);
	for (k = 0; k < i; k++)
		n += is_name(w, k);
	return r->names[n];
}

static void fill_typed(struct arena *a, struct record *r,
		       const struct wire_record *w)
{
	struct soa_fields *soa;
	size_t len, count = w->field_count;
	uint8_t *wire;

	switch (r->type) {
	case RR_TLSA:
		wire = rdata_wire(a, w, &len);
		r->u.tlsa.usage = len > 0 ? wire[0] : 0;
		r->u.tlsa.selector = len > 1 ? wire[1] : 0;
		r->u.tlsa.mtype = len > 2 ? wire[2] : 0;
		r->u.tlsa.data = len > 3 ? wire + 3 : wire;
		r->u.tlsa.len = len > 3 ? len - 3 : 0;
		break;
	case RR_MX:
		if (count == 2) {
			r->u.mx.preference = field_u16(w, 0);
			r->u.mx.exchange = name_of(a, r, w, 1);
		}
		break;
	case RR_CNAME:
		if (count == 1)
			r->u.cname.target = name_of(a, r, w, 0);
		break;
	case RR_RRSIG:
		if (count >= 6) {
			r->u.rrsig.covered = field_u16(w, 0);
			r->u.rrsig.expiration = field_u32(w, 4);
			r->u.rrsig.inception = field_u32(w, 5);
		}
		break;
	case RR_SOA:
		soa = arena_alloc(a, sizeof(*soa));
		memset(soa, 0, sizeof(*soa));
		if (count == 7) {
			soa->mname = name_of(a, r, w, 0);
			soa->rname = name_of(a, r, w, 1);
			soa->serial = field_u32(w, 2);
			soa->refresh = field_u32(w, 3);
			soa->retry = field_u32(w, 4);
			soa->expire = field_u32(w, 5);
			soa->minimum = field_u32(w, 6);
		}
		r->u.soa = soa;
		break;
	default:
		break;
	}
}

/* Turns the bytes A to Z of the eight in w into a to z, leaving the
 * others as they are. */
static uint64_t lower_word(uint64_t w)
{
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t low7 = w & ~high;
	/* the high bit of each byte: at least 'A', above 'Z', ASCII */
	uint64_t at_least_a = low7 + 0x3f3f3f3f3f3f3f3fULL;
	uint64_t above_z = low7 + 0x2525252525252525ULL;
	uint64_t upper = (at_least_a ^ above_z) & ~w & high;

	return w | upper >> 2;
}

/* Mixes len bytes into h, eight at a time, in lower case when fold is
 * set. The hashes only compare records within one run. */
static uint64_t mix(uint64_t h, const uint8_t *p, size_t len, bool fold)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t w;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ (fold ? lower_word(w) : w)) * k;
		h ^= h >> 29;
	}
	w = (uint64_t)len << 56;
	if (len) {
		uint64_t tail = 0;

		memcpy(&tail, p, len);
		w ^= fold ? lower_word(tail) : tail;
	}
	h = (h ^ w) * k;
	return h ^ h >> 29;
}

/*
 * Hashes a record in wire form with every domain name in lower case (as
 * in the canonical form of RFC 4034, section 6.2, for all types): type,
 * class, TTL and each RDATA field with its length, after the owner, whose
 * hash is h.
 */
static uint64_t record_hash(const struct wire_record *w, uint64_t h)
{
	uint8_t fixed[8];
	size_t i;

	ldns_write_uint16(fixed, w->type);
	ldns_write_uint16(fixed + 2, w->rr_class);
	ldns_write_uint32(fixed + 4, w->ttl);
	h = mix(h, fixed, sizeof(fixed), false);
	for (i = 0; i < w->field_count; i++) {
		ldns_write_uint16(fixed, (uint16_t)w->fields[i].len);
		h = mix(h, fixed, 2, false);
		h = mix(h, w->fields[i].data, w->fields[i].len, is_name(w, i));
	}
	return h;
}

/* Sets the owner of r and returns the hash of the owner name, taking both
 * from memo when the owner is the one before. */
static uint64_t fill_owner(struct arena *a, struct record *r,
			   const struct wire_record *w, struct owner_memo *memo)
{
	uint64_t h = 14695981039346656037ULL;

	if (memo && memo->len && memo->len == w->owner_len &&
	    memcmp(memo->wire, w->owner, w->owner_len) == 0) {
		r->owner = memo->text;
		return memo->hash;
	}
	r->owner = w->owner ? zone_name_text(a, w->owner, w->owner_len)
			    : arena_strdup(a, ".");
	if (w->owner)
		h = mix(h, w->owner, w->owner_len, true);
	if (memo && w->owner_len > 0 && w->owner_len <= sizeof(memo->wire)) {
		memcpy(memo->wire, w->owner, w->owner_len);
		memo->len = w->owner_len;
		memo->text = r->owner;
		memo->hash = h;
	}
	return h;
}

static void fill_record(struct arena *a, struct record *r,
			const struct wire_record *w, const char *text,
			bool inherits_owner, unsigned line,
			struct owner_memo *memo)
{
	memset(r, 0, sizeof(*r));
	r->hash = record_hash(w, fill_owner(a, r, w, memo));
	r->type = w->type;
	r->ttl = w->ttl;
	r->line = line;
	r->column = 1;
	fill_names(a, r, w);
	/* only the TLSA rules read the text */
	if (r->type == RR_TLSA)
		r->rdata_text = arena_strdup(a, zone_rdata_start(text,
							       inherits_owner));
	fill_typed(a, r, w);
}

/* True when a quoted string of text is longer than 255 bytes (RFC 1035,
 * section 3.3: a character-string has a one-byte length). */
static bool long_string(const char *text)
{
	const char *p = text;

	while ((p = strchr(p, '"'))) {
		size_t n = 0;

		for (p++; *p && *p != '"'; p++, n++)
			if (*p == '\\' && p[1])
				p++;
		if (n > 255)
			return true;
		if (*p)
			p++;
	}
	return false;
}

/* Copies the type as written (the word before the RDATA) into name,
 * cut to size - 1 bytes; returns the start of the RDATA. */
static const char *written_type(const char *text, bool inherits_owner,
				char *name, size_t size)
{
	const char *rdata = zone_rdata_start(text, inherits_owner), *type = rdata;
	size_t n;

	while (type > text && type[-1] == ' ')
		type--;
	for (n = 0; type > text && type[-1] != ' ' && n < size - 1; n++)
		type--;
	memcpy(name, type, n);
	name[n] = '\0';
	return rdata;
}

/* Returns a hint on how to write the record's type, or "". */
static const char *type_hint(const char *text, bool inherits_owner,
			     struct strbuf *out)
{
	char name[16];
	const char *rdata = written_type(text, inherits_owner, name,
					 sizeof(name));
	size_t n = strlen(name);

	if (!n || (ldns_get_rr_type_by_name(name) == 0 &&
		   strncasecmp(name, "TYPE", 4) != 0)) {
		strbuf_addf(out, "; '%s' is not a record type that danelint "
			    "knows, so check the type, or the TTL and class "
			    "before it", name);
		return strbuf_str(out);
	}
	if (strcasecmp(name, "TXT") == 0 && long_string(rdata))
		return "; a quoted string holds at most 255 bytes, so split it "
		       "into several quoted strings";
	if (strcasecmp(name, "A") == 0)
		return "; write an IPv4 address such as 192.0.2.1";
	if (strcasecmp(name, "AAAA") == 0)
		return "; write an IPv6 address such as 2001:db8::1";
	if (strcasecmp(name, "MX") == 0)
		return "; write a preference and a host, as in 'MX 10 mx1'";
	if (strcasecmp(name, "TLSA") == 0)
		return "; write usage, selector, matching type and hex data, "
		       "as in 'TLSA 3 1 1 <64 hex digits>'";
	return "";
}

/* Checks whether the owner or a domain name of the RDATA is over 255
 * bytes long. */
static bool long_name(const struct wire_record *w)
{
	size_t i;

	if (w->owner_len > LDNS_MAX_DOMAINLEN)
		return true;
	for (i = 0; i < w->field_count; i++)
		if (is_name(w, i) && w->fields[i].len > LDNS_MAX_DOMAINLEN)
			return true;
	return false;
}

static size_t rdata_size(const struct wire_record *w)
{
	size_t i, total = 0;

	for (i = 0; i < w->field_count; i++)
		total += w->fields[i].len;
	return total;
}

/* Is the record's owner at or below the zone's origin (RFC 1035, 5.2)?
 * Compares wire forms: the apex must be a suffix on a label boundary. */
static bool in_zone(const struct record_env *env, const struct wire_record *w)
{
	const uint8_t *name, *apex;
	size_t nlen, alen, i = 0, k;

	if (!env->apex)
		return true;
	if (!w->owner)
		return false;
	name = w->owner;
	nlen = w->owner_len;
	apex = ldns_rdf_data(env->apex);
	alen = ldns_rdf_size(env->apex);
	while (i < nlen && nlen - i > alen && name[i])
		i += 1u + name[i];
	if (i > nlen || nlen - i != alen)
		return false;
	for (k = 0; k < alen; k++) {
		uint8_t a = name[i + k], b = apex[k];

		if (a >= 'A' && a <= 'Z')
			a = (uint8_t)(a + 'a' - 'A');
		if (b >= 'A' && b <= 'Z')
			b = (uint8_t)(b + 'a' - 'A');
		if (a != b)
			return false;
	}
	return true;
}

/* Is the MX preference as written a number from 0 to 65535? ldns 1.8.3
 * reads "65536" as 0 and "-1" as 65535 without a word. */
static bool mx_preference_ok(const char *text, bool inherits_owner)
{
	const char *p = zone_rdata_start(text, inherits_owner);
	unsigned long v = 0;
	size_t n = zone_next_token(&p), i;

	/* the RFC 3597 form ("\\# 4 000a...") is read as it is */
	if (n == 2 && p[0] == '\\' && p[1] == '#')
		return true;
	if (!n || n > 5)
		return false;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		v = v * 10 + (unsigned long)(p[i] - '0');
	}
	return v <= 65535;
}

/* Returns a hint when the owner name of the record is what ldns cannot
 * read ("bad..owner", a label over 63 bytes), or NULL. */
static const char *owner_hint(const char *text, bool inherits_owner)
{
	char name[1024];
	const char *p = text;
	ldns_rdf *rdf = NULL;
	size_t n;

	if (inherits_owner)
		return NULL;
	n = zone_next_token(&p);
	if (!n || n >= sizeof(name) || (n == 1 && *p == '@'))
		return NULL;
	memcpy(name, p, n);
	name[n] = '\0';
	if (ldns_str2rdf_dname(&rdf, name) == LDNS_STATUS_OK) {
		ldns_rdf_deep_free(rdf);
		return NULL;
	}
	return "; the owner name is not a valid domain name: a label has 1 "
	       "to 63 bytes, and a name at most 255";
}

/*
 * Finds the TTL of a record as written: the token before the type that
 * starts with a digit. Returns false when there is none, so that the
 * default TTL applies.
 */
static bool ttl_token(const char *text, bool inherits_owner,
		      const char **token, size_t *len)
{
	const char *p = text;
	size_t n;

	if (!inherits_owner) {
		n = zone_next_token(&p);
		p += n;
	}
	while ((n = zone_next_token(&p)) > 0) {
		if (!is_class_token(p, n)) {
			if (*p < '0' || *p > '9')
				return false;
			*token = p;
			*len = n;
			return true;
		}
		p += n;
	}
	return false;
}

/*
 * Copies into bad (size bytes) a TTL as written that is no TTL from 0 to
 * 2147483647 (RFC 2181, section 8), and returns true. ldns 1.8.3 reads
 * "4294967296" as 0, "2147483648" as is and "1y" as a TTL of 1, all
 * silently.
 */
static bool bad_ttl(const char *text, bool inherits_owner, char *bad,
		    size_t size)
{
	const char *token;
	uint32_t ttl;
	size_t n;

	if (!ttl_token(text, inherits_owner, &token, &n) ||
	    zone_parse_ttl(token, n, &ttl) == 0)
		return false;
	snprintf(bad, size, "%.*s", (int)n, token);
	return true;
}

/*
 * ldns_rr_new_frm_str reads a default TTL of 0 as "none" and gives 3600,
 * but "$TTL 0" means 0. danelint starts files with 3600 of its own, so
 * a default of 0 here comes from "$TTL 0": records without a TTL of their
 * own get 0.
 */
static void apply_zero_ttl(const struct record_env *env, const char *text,
			   bool inherits_owner, struct wire_record *w)
{
	const char *token;
	size_t n;

	if (env->default_ttl == 0 &&
	    !ttl_token(text, inherits_owner, &token, &n))
		w->ttl = 0;
}

/* Is the type written in the RFC 3597 form, "TYPE0"? */
static bool explicit_type(const char *text, bool inherits_owner)
{
	char name[16];

	written_type(text, inherits_owner, name, sizeof(name));
	return strncasecmp(name, "TYPE", 4) == 0 && name[4] >= '0' &&
	       name[4] <= '9';
}

/*
 * Reads text with the fast path and, when it takes the record and the
 * record lies in the zone, fills out and updates *prev. Returns false,
 * with nothing changed, otherwise.
 */
static bool parse_fast(const struct record_env *env, ldns_rdf **prev,
		       const char *text, bool inherits_owner, unsigned line,
		       struct arena *a, struct record_outcome *out)
{
	struct fast_record fast;
	struct wire_record w;

	if (!zone_fast_read(text, inherits_owner, env->default_ttl,
			    env->origin, *prev, &fast))
		return false;
	w.owner = fast.owner;
	w.owner_len = fast.owner_len;
	w.type = fast.type;
	w.rr_class = LDNS_RR_CLASS_IN;
	w.ttl = fast.ttl;
	w.fields = fast.fields;
	w.field_count = fast.field_count;
	/* out-of-zone records take the slow path, which words the error */
	if (!in_zone(env, &w))
		return false;
	apply_zero_ttl(env, text, inherits_owner, &w);
	if (env->check_fast_path)
		zone_fast_check(&fast, text, env->default_ttl, env->origin,
				*prev);
	if (!inherits_owner && (!*prev || ldns_rdf_size(*prev) !=
						  fast.owner_len ||
				memcmp(ldns_rdf_data(*prev), fast.owner,
				       fast.owner_len) != 0)) {
		ldns_rdf_deep_free(*prev);
		*prev = ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME,
					      fast.owner_len, fast.owner);
	}
	out->verdict = RECORD_OK;
	fill_record(a, &out->rec, &w, text, inherits_owner, line, env->owner);
	return true;
}

void zone_record_parse(const struct record_env *env, ldns_rdf **prev,
		       const char *text, bool inherits_owner, unsigned line,
		       struct arena *a, struct record_outcome *out)
{
	ldns_rdf *origin = (ldns_rdf *)env->origin;
	struct fast_field buf[STACK_FIELDS], *fields;
	struct wire_record w;
	ldns_rr *rr = NULL;
	ldns_status status;
	char bad[32];

	memset(out, 0, sizeof(*out));
	out->verdict = RECORD_SYNTAX;
	if (inherits_owner && !*prev) {
		out->message = "record has no owner name; start the first "
			       "record of a file with a name in the first "
			       "column";
		return;
	}
	if (parse_fast(env, prev, text, inherits_owner, line, a, out))
		return;
	status = ldns_rr_new_frm_str(&rr, text, env->default_ttl, origin,
				     prev);
	if (status != LDNS_STATUS_OK) {
		struct strbuf hint;

		strbuf_init(&hint);
		out->message = arena_printf(a, "invalid record '%.60s%s' (%s)%s",
					    text + (text[0] == ' '),
					    strlen(text) > 61 ? "..." : "",
					    ldns_get_errorstr_by_id(status),
					    owner_hint(text, inherits_owner) ?
					    owner_hint(text, inherits_owner) :
					    status == LDNS_STATUS_SYNTAX_TTL_ERR ?
					    "; write the TTL as seconds (3600) or "
					    "units (1h), at most 2147483647" :
					    type_hint(text, inherits_owner,
						      &hint));
		strbuf_release(&hint);
		return;
	}
	/* ldns 1.8.3 takes an unknown word as type 0 ("www FOOBAR"); the
	 * RFC 3597 form "TYPE0" is taken as written */
	if (ldns_rr_get_type(rr) == 0 && !explicit_type(text, inherits_owner)) {
		struct strbuf hint;

		strbuf_init(&hint);
		out->message = arena_printf(a, "invalid record '%.60s%s' "
					    "(unknown record type)%s",
					    text + (text[0] == ' '),
					    strlen(text) > 61 ? "..." : "",
					    type_hint(text, inherits_owner,
						      &hint));
		strbuf_release(&hint);
		ldns_rr_free(rr);
		return;
	}
	if (bad_ttl(text, inherits_owner, bad, sizeof(bad))) {
		out->message = arena_printf(a, "invalid TTL '%s' in record "
			"'%.60s%s'; write seconds (3600) or units (1h), at "
			"most 2147483647", bad, text + (text[0] == ' '),
			strlen(text) > 61 ? "..." : "");
		ldns_rr_free(rr);
		return;
	}
	if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_MX &&
	    !mx_preference_ok(text, inherits_owner)) {
		out->message = arena_printf(a, "invalid record '%.60s%s': an "
			"MX preference is a number from 0 to 65535, and ldns "
			"would keep only its low 16 bits; write it in range",
			text + (text[0] == ' '), strlen(text) > 61 ? "..." : "");
		ldns_rr_free(rr);
		return;
	}
	fields = view_rr(rr, &w, buf);
	apply_zero_ttl(env, text, inherits_owner, &w);
	/* ldns 1.8.3 silently drops what does not fit in about 64 KiB, so
	 * RDATA near that size was most likely cut short. */
	if (rdata_size(&w) >= 64000 || strlen(text) > 2 * 65535 + 1024) {
		out->message = "RDATA of the record is too long: a record "
			       "holds at most 65535 bytes (RFC 1035, section "
			       "3.2.1), and no DNS message carries one this "
			       "size; shorten it";
	} else if (long_name(&w)) {
		/* ldns 1.8.3 appends the origin to a relative name without
		 * checking the length of the result */
		out->message = arena_printf(a, "invalid record '%.60s%s': a "
			"domain name in it is longer than 255 bytes once the "
			"origin is appended (RFC 1035, section 2.3.4); shorten "
			"the name", text + (text[0] == ' '),
			strlen(text) > 61 ? "..." : "");
	} else if (!in_zone(env, &w)) {
		out->verdict = RECORD_OUT_OF_ZONE;
		out->message = arena_printf(a, "'%s' lies outside the zone "
			"'%s', so name servers ignore the record; move it to "
			"the zone file of its own domain",
			name_text_as_written(a, ldns_rr_owner(rr)),
			name_text_as_written(a, env->apex));
	} else {
		out->verdict = RECORD_OK;
		fill_record(a, &out->rec, &w, text, inherits_owner, line,
			    env->owner);
	}
	free(fields);
	ldns_rr_free(rr);
}
