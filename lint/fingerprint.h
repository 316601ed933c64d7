/* SPDX-License-Identifier: BSD-3-Clause */
/* Finding fingerprints that stay the same when lines move. */
#ifndef DANELINT_FINGERPRINT_H
#define DANELINT_FINGERPRINT_H

#include "rule.h"

/* 64 hex digits of SHA-256 and a NUL. */
struct fingerprint {
	char hex[65];
};

/*
 * Computes one fingerprint per finding of ctx, in the same order; free()
 * the array. A fingerprint is the SHA-256 of the rule id, the file, the
 * host, owner, domain and digest the finding is about, and its message.
 * In the message, every run of decimal digits becomes '#', so that line
 * numbers, TTLs, times, serials and counts do not change it. Hex data in the message (8
 * or more hex digits with a letter among them, such as a digest) is kept
 * as it is. Findings that share all of these get
 * their position among themselves (in report order) mixed in, so every
 * fingerprint of a report is distinct. docs/formats.md describes it for
 * users; changing the input changes every fingerprint users have stored.
 */
struct fingerprint *fingerprints_compute(const struct lint_ctx *ctx);

#endif
