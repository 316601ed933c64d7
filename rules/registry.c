/* SPDX-License-Identifier: BSD-3-Clause */
/* The rule registry: every rule, sorted by id. */
#include "rules.h"

const struct rule *const rule_registry[] = {
	&rule_cert_expiry,
	&rule_cert_unusable,
	&rule_dane_ta_ca_missing,
	&rule_dane_ta_incomplete_set,
	&rule_dane_ta_name,
	&rule_dane_ta_retired_ca,
	&rule_domain_all_mx_unmatched,
	&rule_dual_algorithm_coverage,
	&rule_host_tlsa_missing,
	&rule_name_origin_doubled,
	&rule_next_key_missing,
	&rule_next_key_unpublished,
	&rule_private_key_committed,
	&rule_record_out_of_zone,
	&rule_rollover_all_mx_at_once,
	&rule_rollover_live_tlsa_removed,
	&rule_rollover_too_early,
	&rule_shared_key_all_mx,
	&rule_soa_rname_invalid,
	&rule_soa_rname_undeliverable,
	&rule_soa_serial_not_incremented,
	&rule_tlsa_alias_target_missing,
	&rule_tlsa_current_key_unmatched,
	&rule_tlsa_digest_of_empty_input,
	&rule_tlsa_duplicate,
	&rule_tlsa_malformed,
	&rule_tlsa_not_311,
	&rule_tlsa_orphan,
	&rule_tlsa_owner_name,
	&rule_tlsa_pkix_usage,
	&rule_tlsa_rrset_large,
	&rule_tlsa_single_record,
	&rule_tlsa_stale,
	&rule_tlsa_ttl_long,
	&rule_unused_suppression,
	&rule_zone_syntax,
};

const size_t rule_registry_count = ARRAY_SIZE(rule_registry);
