/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint plan: each host's keys, records, their age and the next step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "history.h"
#include "input.h"
#include "msg.h"
#include "snapshot.h"

static const char plan_usage[] =
	"usage: danelint plan [OPTION...] [HOST...]\n"
	"\n"
	"For each host of the certificate directory (or each HOST): its\n"
	"current and next keys, the TLSA records that match them, since when\n"
	"each record is published (from the git history of HEAD), and the\n"
	"next step of the rollover with its earliest safe time. Reads the\n"
	"working tree.\n"
	"\n"
	"  --now TIME  reference time (default: now)\n"
	"  --config FILE, --no-config, --certs DIR as for 'danelint check'\n";

struct plan {
	struct options opts;
	struct repo *repo;
	char head_id[41];
	struct history *history;
	struct input in;
	time_t now;
};

struct host_state {
	const struct tlsa_set *set;
	long wait;
	bool unmatched_current;
	bool unpublished_next;
	bool stale;
	bool have_next;
	time_t next_since;	/* earliest publication of a next key's record */
	bool next_dated;
};

static void utc(char *buf, size_t size, time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M:%S UTC", &tm);
}

static long required_wait(const struct plan *p, const struct tlsa_set *set)
{
	const struct settings *s = &p->in.settings;
	const struct record *soa = set->records[0]->zone->soa;
	long ttl = 0;
	size_t i;

	for (i = 0; i < set->count; i++)
		if ((long)set->records[i]->ttl > ttl)
			ttl = (long)set->records[i]->ttl;
	if (ttl < s->resolver_min_ttl)
		ttl = s->resolver_min_ttl;
	return s->prepublish_ttls * ttl + (soa ? (long)soa->u.soa->refresh : 0);
}

/* Prints the records matching k with their publication time; returns the
 * earliest time, or -1 when no record matches. */
static time_t show_records(struct plan *p, const struct tlsa_set *set,
			   const struct key *k)
{
	time_t earliest = -1;
	size_t i;

	for (i = 0; set && i < set->count; i++) {
		const struct record *r = set->records[i];
		struct publication pub = { 0 };
		struct strbuf err;
		char hex[13], when[80] = "not committed yet";

		if (!tlsa_matches_key(r, k))
			continue;
		strbuf_init(&err);
		if (p->history && history_first_published(p->history,
		    p->head_id, r->zone->file, r->zone->origin, r->owner, k,
		    &pub, &err) == 0 && pub.found) {
			char t[32];

			utc(t, sizeof(t), pub.since);
			snprintf(when, sizeof(when), "since %s (%.7s)", t,
				 pub.commit);
		}
		strbuf_release(&err);
		hex_encode(hex, r->u.tlsa.data,
			   r->u.tlsa.len < 6 ? r->u.tlsa.len : 6);
		printf("      record %u %u %u %s... %s:%u, published %s\n",
		       r->u.tlsa.usage, r->u.tlsa.selector, r->u.tlsa.mtype,
		       hex, r->file, r->line, when);
		if (pub.found && (earliest < 0 || pub.since < earliest))
			earliest = pub.since;
		if (!pub.found && earliest < 0)
			earliest = p->now;
	}
	return earliest;
}

static void show_key(struct plan *p, const struct key *k,
		     struct host_state *st)
{
	time_t since;
	bool is_311 = false;
	size_t i;

	printf("  %-7s %-12s %s\n", k->role == KEY_CURRENT ? "current" : "next",
	       k->description, k->file);
	since = show_records(p, st->set, k);
	for (i = 0; st->set && i < st->set->count; i++) {
		const struct record *r = st->set->records[i];

		if (r->u.tlsa.usage == 3 && r->u.tlsa.selector == 1 &&
		    r->u.tlsa.mtype == 1 && tlsa_matches_key(r, k))
			is_311 = true;
	}
	if (since < 0)
		printf("      no TLSA record matches this key\n");
	if (k->role == KEY_CURRENT && since < 0)
		st->unmatched_current = true;
	if (k->role == KEY_NEXT) {
		st->have_next = true;
		if (!is_311)
			st->unpublished_next = true;
		else if (!st->next_dated || since > st->next_since) {
			/* the last next key to be published sets the pace */
			st->next_since = since;
			st->next_dated = true;
		}
	}
}

static void show_stale(const struct host *h, struct host_state *st)
{
	size_t i, j;

	for (i = 0; st->set && i < st->set->count; i++) {
		const struct record *r = st->set->records[i];
		bool used = false;
		char hex[13];

		for (j = 0; j < h->key_count && !used; j++)
			used = tlsa_matches_key(r, &h->keys[j]);
		for (j = 0; j < h->chain_count && !used; j++)
			used = h->chains[j].count > 1 &&
			       tlsa_matches_cert(r, &h->chains[j].certs[1]);
		if (used)
			continue;
		hex_encode(hex, r->u.tlsa.data,
			   r->u.tlsa.len < 6 ? r->u.tlsa.len : 6);
		printf("  stale   record %u %u %u %s... %s:%u matches no key\n",
		       r->u.tlsa.usage, r->u.tlsa.selector, r->u.tlsa.mtype, hex,
		       r->file, r->line);
		st->stale = true;
	}
}

static void next_step(const struct plan *p, const struct host_state *st)
{
	char t[32];

	if (!st->set)
		printf("  next step: publish '3 1 1' records at _25._tcp.HOST "
		       "for the current and next keys\n");
	else if (st->unmatched_current)
		printf("  next step: publish a record for the deployed key now; "
		       "validating senders cannot deliver until it is seen\n");
	else if (!st->have_next)
		printf("  next step: stage a next key (a file named next*.pem)\n");
	else if (st->unpublished_next)
		printf("  next step: publish a '3 1 1' record for the next key\n");
	else if (p->now < st->next_since + st->wait) {
		utc(t, sizeof(t), st->next_since + st->wait);
		printf("  next step: deploy the next key after %s\n", t);
	} else if (st->stale)
		printf("  next step: remove the stale record\n");
	else
		printf("  next step: deploy the next key (safe now), then "
		       "remove the old key's record\n");
}

static void show_host(struct plan *p, const struct host *h)
{
	struct host_state st = { 0 };
	size_t i;

	st.set = model_tlsa_for_host(&p->in.model, h->name, 25);
	if (st.set) {
		st.wait = required_wait(p, st.set);
		printf("%.*s: TLSA at %.*s, rollover wait %ld s\n",
		       (int)strlen(h->name) - 1, h->name,
		       (int)strlen(st.set->owner) - 1, st.set->owner, st.wait);
	} else {
		printf("%.*s: no TLSA record at _25._tcp.%.*s\n",
		       (int)strlen(h->name) - 1, h->name,
		       (int)strlen(h->name) - 1, h->name);
	}
	for (i = 0; i < h->key_count; i++)
		show_key(p, &h->keys[i], &st);
	show_stale(h, &st);
	next_step(p, &st);
}

static bool wanted(const struct plan *p, const struct host *h)
{
	size_t i, n = strlen(h->name) - 1;

	if (!p->opts.path_count)
		return true;
	for (i = 0; i < p->opts.path_count; i++)
		if (strncasecmp(p->opts.paths[i], h->name, n) == 0 &&
		    (p->opts.paths[i][n] == '\0' ||
		     strcmp(p->opts.paths[i] + n, ".") == 0))
			return true;
	return false;
}

static int run(struct plan *p, struct strbuf *err)
{
	struct source src;
	struct strbuf none;
	size_t i, shown = 0;

	if (repo_open(&p->repo, err) < 0)
		return -1;
	source_disk_init(&src, repo_root(p->repo));
	if (input_settings(&p->in, &src, &p->opts, repo_root(p->repo),
			   err) < 0 ||
	    input_load(&p->in, &src, NULL, false, err) < 0)
		return -1;
	strbuf_init(&none);
	if (repo_resolve(p->repo, "HEAD", p->head_id, &none) == 0)
		p->history = history_new(p->repo);
	strbuf_release(&none);
	for (i = 0; i < p->in.model.host_count; i++) {
		if (!wanted(p, &p->in.model.hosts[i]))
			continue;
		if (shown++)
			putchar('\n');
		show_host(p, &p->in.model.hosts[i]);
	}
	if (!shown)
		msg_note("no host of the certificate directory '%s' matches",
			 p->in.settings.certs);
	return 0;
}

int cmd_plan(int argc, char **argv)
{
	struct plan p;
	struct strbuf err;
	int rc, status = 2;

	memset(&p, 0, sizeof(p));
	strbuf_init(&err);
	input_init(&p.in);
	rc = options_parse(&p.opts, argc, argv, plan_usage);
	if (rc != 0) {
		status = rc > 0 ? 0 : 2;
		goto out;
	}
	msg_set_quiet(p.opts.quiet);
	p.now = p.opts.have_now ? p.opts.now : time(NULL);
	status = run(&p, &err) < 0 ? 2 : 0;
out:
	if (err.len)
		msg_error("%s", strbuf_str(&err));
	strbuf_release(&err);
	history_free(p.history);
	input_release(&p.in);
	repo_free(p.repo);
	options_release(&p.opts);
	return status;
}
