/* SPDX-License-Identifier: BSD-3-Clause */
/* One snapshot loaded for linting: its settings, zones and certificates. */
#ifndef DANELINT_INPUT_H
#define DANELINT_INPUT_H

#include <stdbool.h>

#include "config.h"
#include "load.h"
#include "model.h"
#include "options.h"
#include "source.h"

struct input {
	struct settings settings;
	struct model model;
	struct zone_list zones;
	struct load_cache *cache;	/* or NULL; not owned */
};

void input_init(struct input *in);
void input_release(struct input *in);

/*
 * Reads the settings for a snapshot: --config FILE from disk, else the
 * snapshot's own .danelint unless --no-config, then the command-line
 * options. root is the repository root.
 */
int input_settings(struct input *in, const struct source *src,
		   const struct options *o, const char *root,
		   struct strbuf *err);

/*
 * Loads the zones and the certificate directory of src into in->model with
 * in->settings (or, when zones is not NULL, that list of files) and indexes
 * the model. With skip_missing, zone files src lacks are left out.
 */
int input_load(struct input *in, const struct source *src,
	       const struct zone_list *zones, bool skip_missing,
	       struct strbuf *err);

/* Copies settings (zone globs, maps, rules, numbers) from one to another. */
void settings_copy(struct settings *dst, const struct settings *src);

#endif
