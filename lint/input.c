/* SPDX-License-Identifier: BSD-3-Clause */
/* One snapshot loaded for linting: its settings, zones and certificates. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

void input_init(struct input *in)
{
	memset(in, 0, sizeof(*in));
	settings_init(&in->settings);
	model_init(&in->model);
}

void input_release(struct input *in)
{
	zone_list_release(&in->zones);
	model_release(&in->model);
	settings_release(&in->settings);
}

int input_settings(struct input *in, const struct source *src,
		   const struct options *o, const char *root,
		   struct strbuf *err)
{
	struct settings *s = &in->settings;
	char *data = NULL;
	size_t len = 0;
	struct strbuf why;

	free(s->root);
	s->root = xstrdup(root);
	if (o->config) {
		if (config_read(s, o->config, err) < 0)
			return -1;
	} else if (!o->no_config) {
		strbuf_init(&why);
		if (src->read(src, ".danelint", &data, &len, &why) == 0 &&
		    config_read_buffer(s, ".danelint", data, len, err) < 0) {
			free(data);
			strbuf_release(&why);
			return -1;
		}
		free(data);
		strbuf_release(&why);
	}
	return options_apply(o, s);
}

int input_load(struct input *in, const struct source *src,
	       const struct zone_list *zones, bool skip_missing,
	       struct strbuf *err)
{
	if (!zones) {
		if (load_collect_zones(src, &in->settings, NULL, 0, NULL,
				       &in->zones, err) < 0)
			return -1;
		zones = &in->zones;
	}
	if (load_zones_cached(&in->model, src, zones, skip_missing, in->cache,
			      err) < 0 ||
	    load_certs_cached(&in->model, src, &in->settings, in->cache,
			      err) < 0)
		return -1;
	model_index(&in->model);
	return 0;
}

static char **copy_strings(char *const *list, size_t count)
{
	char **out = xcalloc(count + 1, sizeof(*out));
	size_t i;

	for (i = 0; i < count; i++)
		out[i] = xstrdup(list[i]);
	return out;
}

void settings_copy(struct settings *dst, const struct settings *src)
{
	size_t i;

	settings_release(dst);
	*dst = *src;
	dst->root = src->root ? xstrdup(src->root) : NULL;
	dst->config_file = src->config_file ? xstrdup(src->config_file) : NULL;
	dst->certs = xstrdup(src->certs);
	dst->docs_url = src->docs_url ? xstrdup(src->docs_url) : NULL;
	dst->zones = copy_strings(src->zones, src->zone_count);
	dst->zone_map = xcalloc(src->zone_map_count + 1, sizeof(*dst->zone_map));
	for (i = 0; i < src->zone_map_count; i++) {
		dst->zone_map[i].origin = xstrdup(src->zone_map[i].origin);
		dst->zone_map[i].file = xstrdup(src->zone_map[i].file);
	}
	dst->host_map = xcalloc(src->host_map_count + 1, sizeof(*dst->host_map));
	for (i = 0; i < src->host_map_count; i++) {
		dst->host_map[i].host = xstrdup(src->host_map[i].host);
		dst->host_map[i].certs = xstrdup(src->host_map[i].certs);
	}
	dst->rules = xcalloc(src->rule_count + 1, sizeof(*dst->rules));
	for (i = 0; i < src->rule_count; i++) {
		dst->rules[i].rule = xstrdup(src->rule_count ? src->rules[i].rule : "");
		dst->rules[i].severity = src->rules[i].severity;
		dst->rules[i].restore_default = src->rules[i].restore_default;
	}
}
