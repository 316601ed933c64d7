/* SPDX-License-Identifier: BSD-3-Clause */
/* tlsa-malformed: TLSA fields out of range, wrong digest sizes, bad text. */
#include "rules.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"

static const char *const field_names[] = { "usage", "selector",
					   "matching type" };

/*
 * Checks one of the three number fields as written. ldns 1.8.3 reads
 * "256" as 0, "-1" as 255 and accepts RFC 7218 mnemonics ("DANE-EE"),
 * so the text is checked here, not the parsed value.
 */
static void check_number(struct strbuf *why, int field, const char *tok,
			 size_t n)
{
	char buf[24] = "";
	char *end = buf;
	long long v = 0;

	if (isalpha((unsigned char)tok[0]))
		return;	/* reported once for all fields by check_text */
	if (n < sizeof(buf) && isdigit((unsigned char)tok[0])) {
		memcpy(buf, tok, n);
		buf[n] = '\0';
		v = strtoll(buf, &end, 10);
		if (!*end && v <= 255)
			return;
	}
	if (n < sizeof(buf) && tok[0] == '-') {
		memcpy(buf, tok, n);
		buf[n] = '\0';
		v = strtoll(buf, &end, 10);
		if (!*end) {
			strbuf_addf(why, "%s%s '%s' is negative; ldns silently "
				    "stores it as %lld", why->len ? "; " : "",
				    field_names[field], buf,
				    ((v % 256) + 256) % 256);
			return;
		}
	}
	if (n < sizeof(buf) && isdigit((unsigned char)tok[0]) && !*end) {
		strbuf_addf(why, "%s%s '%s' is larger than 255; ldns silently "
			    "stores it as %lld", why->len ? "; " : "",
			    field_names[field], buf, v % 256);
		return;
	}
	strbuf_addf(why, "%s%s '%.*s' is not a number from 0 to 255",
		    why->len ? "; " : "", field_names[field], (int)n, tok);
}

/* Checks the association data as written: even count of hex digits. */
static void check_hex(struct strbuf *why, const char *p)
{
	size_t digits = 0;

	for (; *p; p++) {
		if (*p == ' ')
			continue;
		if (!isxdigit((unsigned char)*p))
			return;
		digits++;
	}
	if (digits == 0)
		strbuf_addf(why, "%sassociation data is empty",
			    why->len ? "; " : "");
	else if (digits % 2)
		strbuf_addf(why, "%sassociation data has an odd number of hex "
			    "digits (%zu); ldns silently adds a 0 nibble, so "
			    "the record cannot match any key",
			    why->len ? "; " : "", digits);
}

static void check_text(struct strbuf *why, const struct record *r)
{
	const char *p = r->rdata_text, *start;
	bool mnemonic = false;
	int field;

	while (*p == ' ')
		p++;
	/* RFC 3597 generic form: "\# 35 030101..." is checked by length. */
	if (p[0] == '\\' && p[1] == '#')
		return;
	start = p;
	for (field = 0; field < 3; field++) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (!n)
			return;
		mnemonic |= isalpha((unsigned char)*p) != 0;
		check_number(why, field, p, n);
		p += n;
	}
	if (mnemonic)
		strbuf_addf(why, "%sparameters written as RFC 7218 mnemonics "
			    "('%.*s'); write them as numbers ('%u %u %u'), "
			    "because most DNS software rejects mnemonics in "
			    "zone files", why->len ? "; " : "",
			    (int)(p - start), start, r->u.tlsa.usage,
			    r->u.tlsa.selector, r->u.tlsa.mtype);
	check_hex(why, p);
}

static void check_values(struct strbuf *why, const struct record *r)
{
	const char *sep = why->len ? "; " : "";
	size_t len = r->u.tlsa.len;

	if (r->u.tlsa.usage > 3)
		strbuf_addf(why, "%susage %u is not defined (0 to 3)", sep,
			    r->u.tlsa.usage), sep = "; ";
	if (r->u.tlsa.selector > 1)
		strbuf_addf(why, "%sselector %u is not defined (0 or 1)", sep,
			    r->u.tlsa.selector), sep = "; ";
	if (r->u.tlsa.mtype > 2)
		strbuf_addf(why, "%smatching type %u is not defined (0 to 2)",
			    sep, r->u.tlsa.mtype), sep = "; ";
	if (r->u.tlsa.mtype == 1 && len && len != 32)
		strbuf_addf(why, "%sSHA-256 association data is %zu bytes, "
			    "not 32", sep, len), sep = "; ";
	if (r->u.tlsa.mtype == 2 && len && len != 64)
		strbuf_addf(why, "%sSHA-512 association data is %zu bytes, "
			    "not 64", sep, len), sep = "; ";
	if (r->u.tlsa.mtype == 0 && len && r->u.tlsa.selector == 0 &&
	    !cert_der_is_certificate(r->u.tlsa.data, len))
		strbuf_addf(why, "%sfull data with selector 0 is not a DER "
			    "certificate", sep);
	else if (r->u.tlsa.mtype == 0 && len && r->u.tlsa.selector == 1 &&
		 !cert_der_is_spki(r->u.tlsa.data, len))
		strbuf_addf(why, "%sfull data with selector 1 is not a DER "
			    "SubjectPublicKeyInfo", sep);
}

static int check(struct lint_ctx *ctx, const struct rule *rule)
{
	const struct model *m = ctx->model;
	struct strbuf why;
	size_t i;

	strbuf_init(&why);
	for (i = 0; i < m->record_count; i++) {
		const struct record *r = &m->records[i];
		struct finding_loc loc;

		if (r->type != RR_TLSA)
			continue;
		strbuf_reset(&why);
		check_text(&why, r);
		if (!r->u.tlsa.len && !why.len)
			strbuf_addstr(&why, "association data is empty");
		check_values(&why, r);
		if (!why.len)
			continue;
		loc = loc_record(r);
		report_finding(ctx, rule, &loc, "malformed TLSA record at '%s': "
			       "%s; publish '3 1 1' with the SHA-256 digest of "
			       "the server's public key",
			       display_name(ctx, r->owner), strbuf_str(&why));
	}
	strbuf_release(&why);
	return 0;
}

const struct rule rule_tlsa_malformed = {
	.id = "tlsa-malformed",
	.severity = SEV_ERROR,
	.scope = SCOPE_ZONE,
	.summary = "a TLSA record with fields out of range, a digest of the "
		   "wrong size or malformed text",
	.check = check,
};
