/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the overlay source and path_resolve. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source.h"

static char tmpdir[] = "/tmp/danelint-test-overlay-XXXXXX";

static void write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *dir = path_dirname(path);
	char *mk = xasprintf("mkdir -p '%s'", dir);
	FILE *f;

	assert_int_equal(system(mk), 0);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(mk);
	free(dir);
	free(path);
}

/* Reads path through src and checks its content. */
static void expect_read(const struct source *src, const char *path,
			const char *want)
{
	struct strbuf err;
	char *data = NULL;
	size_t len = 0;

	strbuf_init(&err);
	assert_int_equal(src->read(src, path, &data, &len, &err), 0);
	assert_int_equal(len, strlen(want));
	assert_string_equal(data, want);
	free(data);
	strbuf_release(&err);
}

/* Lists dir through src and checks the paths, given as "a b c". */
static void expect_list(const struct source *src, const char *dir,
			const char *want)
{
	struct strbuf err, got;
	char **paths = NULL;
	size_t count = 0, i;

	strbuf_init(&err);
	strbuf_init(&got);
	assert_int_equal(src->list(src, dir, &paths, &count, &err), 0);
	for (i = 0; i < count; i++)
		strbuf_addf(&got, "%s%s", i ? " " : "", paths[i]);
	assert_string_equal(strbuf_str(&got), want);
	source_free_list(paths, count);
	strbuf_release(&got);
	strbuf_release(&err);
}

static void buffer_replaces_disk_copy(void **state)
{
	struct source disk;
	struct overlay_source ov;
	static const char text[] = "buffer\n";

	(void)state;
	source_disk_init(&disk, tmpdir);
	source_overlay_init(&ov, &disk, "./zones/a.zone", text,
			    sizeof(text) - 1);
	expect_read(&ov.base, "zones/a.zone", "buffer\n");
	expect_read(&ov.base, "zones/x/../a.zone", "buffer\n");
	expect_read(&ov.base, "zones/b.zone", "disk b\n");
	expect_list(&ov.base, "zones", "zones/a.zone zones/b.zone");
	expect_list(&ov.base, "", "top.zone zones/a.zone zones/b.zone");
	source_overlay_release(&ov);
}

static void new_path_is_listed(void **state)
{
	struct source disk;
	struct overlay_source ov;
	struct strbuf err;
	char **paths = NULL, *data = NULL;
	size_t count = 0;

	(void)state;
	source_disk_init(&disk, tmpdir);
	source_overlay_init(&ov, &disk, "new/dir/n.zone", "", 0);
	expect_read(&ov.base, "new/dir/n.zone", "");
	expect_list(&ov.base, "", "new/dir/n.zone top.zone zones/a.zone "
		    "zones/b.zone");
	expect_list(&ov.base, "new", "new/dir/n.zone");
	expect_list(&ov.base, "zones", "zones/a.zone zones/b.zone");

	/* The overlay path is a file, and other missing directories stay
	 * missing. */
	strbuf_init(&err);
	assert_int_equal(ov.base.list(&ov.base, "new/dir/n.zone", &paths,
				      &count, &err), -1);
	assert_int_equal(ov.base.list(&ov.base, "missing", &paths, &count,
				      &err), -1);
	assert_int_equal(ov.base.read(&ov.base, "missing.zone", &data,
				      &count, &err), -1);
	strbuf_release(&err);
	source_overlay_release(&ov);
}

static void resolve_missing_tail(void **state)
{
	char *real = path_resolve("/", tmpdir);
	char *got;

	(void)state;
	got = path_resolve(tmpdir, "zones/../zones/a.zone");
	assert_string_equal(got + strlen(real), "/zones/a.zone");
	free(got);
	got = path_resolve(tmpdir, "no/such/dir/x.zone");
	assert_string_equal(got + strlen(real), "/no/such/dir/x.zone");
	free(got);
	got = path_resolve("/nonexistent-root", "a/b");
	assert_string_equal(got, "/nonexistent-root/a/b");
	free(got);
	free(real);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	write_file("zones/a.zone", "disk a\n");
	write_file("zones/b.zone", "disk b\n");
	write_file("top.zone", "top\n");
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buffer_replaces_disk_copy),
		cmocka_unit_test(new_path_is_listed),
		cmocka_unit_test(resolve_missing_tail),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
