/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint rules [RULE]: lists the rules or explains one. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "msg.h"
#include "rule.h"

static const char *const scope_names[] = { "zones", "certificates",
					   "changes (git)" };

/* docs/rules/ID.md, built in: pairs of id and text, ending in NULL. */
extern const char *const rule_docs[][2];

const char *rule_doc(const struct rule *r)
{
	size_t i;

	for (i = 0; rule_docs[i][0]; i++)
		if (strcmp(rule_docs[i][0], r->id) == 0)
			return rule_docs[i][1];
	return NULL;
}

static void explain(const struct rule *r)
{
	const char *doc = rule_doc(r);

	if (doc) {
		fputs(doc, stdout);
		return;
	}
	printf("%s [%s]\n%s\n\nneeds: %s\ndocs: docs/rules/%s.md\n", r->id,
	       severity_name(r->severity), r->summary, scope_names[r->scope],
	       r->id);
}

int cmd_rules(int argc, char **argv)
{
	size_t i;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
			 strcmp(argv[1], "-h") == 0)) {
		puts("usage: danelint rules [RULE]\n\n"
		     "Lists every rule with its default severity and summary,\n"
		     "or explains RULE.");
		return 0;
	}
	if (argc > 2) {
		msg_usage("'rules' takes at most one rule id");
		return 2;
	}
	if (argc == 2) {
		const struct rule *r = rule_find(argv[1]);

		if (!r) {
			msg_usage("unknown rule '%s'; 'danelint rules' lists "
				  "the rules", argv[1]);
			return 2;
		}
		explain(r);
		return 0;
	}
	for (i = 0; i < rule_registry_count; i++)
		printf("%-28s %-8s %s\n", rule_registry[i]->id,
		       severity_name(rule_registry[i]->severity),
		       rule_registry[i]->summary);
	return 0;
}
