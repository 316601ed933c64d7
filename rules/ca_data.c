/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Built-in data about public CAs. Every digest below was computed with the
 * openssl CLI (OpenSSL 3.0) from the certificates Let's Encrypt publishes
 * in its website repository (github.com/letsencrypt/website, directory
 * static/certs/, served under https://letsencrypt.org/certs/):
 *
 *   spki_sha256: openssl x509 -in F -pubkey -noout |
 *                openssl pkey -pubin -outform DER | openssl dgst -sha256
 *   cert_sha256: openssl x509 -in F -outform DER | openssl dgst -sha256
 *
 * A CA is a name and a key, so a retired CA is matched by subject and SPKI
 * digest: that covers each of its certificates, cross-signed or not.
 */
#include "ca_data.h"

#include <string.h>

#include "util.h"

/*
 * Retirement times are the notAfter of the CA's last certificate to
 * expire, read with "openssl x509 -noout -enddate". The reasons come from
 * the Let's Encrypt pages named below.
 */
static const struct retired_ca retired_cas[] = {
	{
		/* letsencryptauthorityx3.pem (signed by ISRG Root X1, notAfter
		 * 2021-10-06 15:43:55 UTC) and lets-encrypt-x3-cross-signed.pem
		 * (signed by DST Root CA X3, notAfter 2021-03-17 16:40:46). */
		"Let's Encrypt Authority X3",
		"CN=Let's Encrypt Authority X3,O=Let's Encrypt,C=US",
		"60b87575447dcba2a36b7d11ac09fb24a9db406fee12d2cc90180517616e8a18",
		1633535035,
		"Let's Encrypt replaced it with R3 and lists it as retired on "
		"its chain-of-trust page, and its last certificate expired "
		"then",
	},
	{
		/* letsencryptauthorityx4.pem (signed by ISRG Root X1, notAfter
		 * 2021-10-06 15:44:34 UTC) and lets-encrypt-x4-cross-signed.pem
		 * (signed by DST Root CA X3, notAfter 2021-03-17 16:41:02). */
		"Let's Encrypt Authority X4",
		"CN=Let's Encrypt Authority X4,O=Let's Encrypt,C=US",
		"b111dd8a1c2091a89bd4fd60c57f0716cce50feeff8137cdbee0326e02cf362b",
		1633535074,
		"a backup intermediate that Let's Encrypt lists as retired on "
		"its chain-of-trust page, and its last certificate expired "
		"then",
	},
	{
		/* trustid-x3-root.pem, self-signed, notAfter 2021-09-30
		 * 14:01:15 UTC. */
		"DST Root CA X3",
		"CN=DST Root CA X3,O=Digital Signature Trust Co.",
		"563b3caf8cfef34c2335caf560a7a95906e8488462eb75ac59784830df9e5b2b",
		1633010475,
		"the IdenTrust root that cross-signed ISRG Root X1 and Let's "
		"Encrypt's early intermediates expired then, and Let's "
		"Encrypt stopped offering a chain to it on 2024-06-06",
	},
	{
		/* lets-encrypt-r3.pem (signed by ISRG Root X1, notAfter
		 * 2025-09-15 16:00:00 UTC); lets-encrypt-r3-cross-signed.pem
		 * expired on 2021-09-29. */
		"Let's Encrypt R3",
		"CN=R3,O=Let's Encrypt,C=US",
		"8d02536c887482bc34ff54e41d2ba659bf85b341a0a20afadb5813dcfbcf286d",
		1757952000,
		"Let's Encrypt moved issuance to its 2024 intermediates (R10 "
		"to R14) on 2024-06-06, and R3 expired then",
	},
	{
		/* lets-encrypt-e1.pem (signed by ISRG Root X2, notAfter
		 * 2025-09-15 16:00:00 UTC). */
		"Let's Encrypt E1",
		"CN=E1,O=Let's Encrypt,C=US",
		"276fe8a8c4ec7611565bf9fce6dcace9be320c1b5bea27596b2204071ed04f10",
		1757952000,
		"Let's Encrypt moved issuance to its 2024 intermediates (E5 "
		"to E9) on 2024-06-06, and E1 expired then",
	},
};

/*
 * Let's Encrypt's intermediates of the 2024 generation. Its announcement
 * of 2024-03-19 ("New Intermediate Certificates") names R10 to R14 (RSA,
 * signed by ISRG Root X1) and E5 to E9 (ECDSA), and states that issuance
 * rotates among several of them. Its chain-of-trust page
 * (letsencrypt.org/certificates) states that four are in active rotation and
 * that a leaf gets an intermediate of its own key type. Each E
 * intermediate has two certificates of one key: one signed by ISRG Root X2
 * (2024/e5.pem) and one by ISRG Root X1 (2024/e5-cross.pem).
 *
 * NOTE: the four members below are taken to be those in rotation, because
 * the copy of the page read for this list did not name them. A revision
 * of the page dated January 2026 speaks of eight intermediates in active
 * rotation, so this list may miss members.
 */
static const struct ca_member lets_encrypt_2024[] = {
	{ "R10", "RSA",
	  "2bbad93ab5c79279ec121507f272cbe0c6647a3aae52e22f388afab426b4adba",
	  { "9d7c3f1aa6ad2b2ec0d5cf1e246f8d9ae6cbc9fd0755ad37bb974b1f2fb603f3",
	    NULL } },
	{ "R11", "RSA",
	  "6ddac18698f7f1f7e1c69b9bce420d974ac6f94ca8b2c761701623f99c767dc7",
	  { "591e9ce6c863d3a079e9fabe1478c7339a26b21269dde795211361024ae31a44",
	    NULL } },
	{ "E5", "ECDSA",
	  "3586d4ecf070578cbd27aedce20b964e48bc149faeb9dad72f46b857869172b8",
	  { "e788d14b0436b5120bbee3f15c15badf08c1407fe72568a4f16f9151c380e1e3",
	    "5dfdb3cf31b26f23d87c09f3a0cef642f64069a9fb7cfe29270bb5dc0f1e16bb",
	    NULL } },
	{ "E6", "ECDSA",
	  "d016e1fe311948aca64f2de44ce86c9a51ca041df6103bb52a88eb3f761f57d7",
	  { "065ab7d2a050f947587121765d8d070c0e1330d5798faa42c2072749ed293762",
	    "76e9e288aafc0e37f4390cbf946aad997d5c1c901b3ce513d3d8fadbabe2ab85",
	    NULL } },
};

const struct ca_family ca_families[] = {
	{ "Let's Encrypt", "2026-12-04", lets_encrypt_2024,
	  ARRAY_SIZE(lets_encrypt_2024) },
};

const size_t ca_family_count = ARRAY_SIZE(ca_families);

const struct retired_ca *retired_ca_find(const struct cert_info *c)
{
	char hex[65];
	size_t i;

	hex_encode(hex, c->spki_sha256, sizeof(c->spki_sha256));
	hex[64] = '\0';
	for (i = 0; i < ARRAY_SIZE(retired_cas); i++)
		if (strcmp(retired_cas[i].spki_sha256, hex) == 0 &&
		    strcmp(retired_cas[i].subject, c->subject) == 0)
			return &retired_cas[i];
	return NULL;
}
