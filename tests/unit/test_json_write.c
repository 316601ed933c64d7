/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the JSON writer and the UTF-8 decoder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

/* An in-memory FILE whose text the test reads after fclose(). */
struct capture {
	FILE *f;
	char *text;
	size_t len;
};

static void capture_open(struct capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
}

static const char *capture_close(struct capture *c)
{
	assert_int_equal(fclose(c->f), 0);
	return c->text;
}

static void string_escapes(const char *in, const char *want)
{
	struct capture c;

	capture_open(&c);
	json_string(c.f, in);
	assert_string_equal(capture_close(&c), want);
	free(c.text);
}

static void strings_escape_json_syntax(void **state)
{
	(void)state;
	string_escapes("plain", "\"plain\"");
	string_escapes("", "\"\"");
	string_escapes("a\"b\\c/d", "\"a\\\"b\\\\c/d\"");
	string_escapes("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
	string_escapes("\001\037\177", "\"\\u0001\\u001f\\u007f\"");
	string_escapes("50% off", "\"50% off\"");
}

static void strings_keep_valid_utf8(void **state)
{
	(void)state;
	string_escapes("caf\xc3\xa9", "\"caf\xc3\xa9\"");
	string_escapes("\xe2\x82\xac", "\"\xe2\x82\xac\"");
	string_escapes("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");
	/* U+2028 is valid JSON text as it is. */
	string_escapes("\xe2\x80\xa8", "\"\xe2\x80\xa8\"");
}

static void strings_replace_invalid_utf8(void **state)
{
	(void)state;
	string_escapes("a\xff" "b", "\"a\\ufffdb\"");
	/* A lone continuation byte, and an overlong '/'. */
	string_escapes("\x80", "\"\\ufffd\"");
	string_escapes("\xc0\xaf", "\"\\ufffd\\ufffd\"");
	/* A UTF-16 surrogate, U+D800, encoded in UTF-8. */
	string_escapes("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
	/* A truncated sequence: each byte is replaced, then 'x' follows. */
	string_escapes("\xe2\x82x", "\"\\ufffd\\ufffdx\"");
	/* Above U+10FFFF. */
	string_escapes("\xf4\x90\x80\x80",
		       "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
}

static void utf8_decode_values(void **state)
{
	unsigned long cp = 0;

	(void)state;
	assert_int_equal(utf8_decode("A", &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(utf8_decode("\xc3\xa9", &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(utf8_decode("\xef\xbf\xbd", &cp), 3);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(utf8_decode("\xf4\x8f\xbf\xbf", &cp), 4);
	assert_int_equal(cp, 0x10ffff);
	assert_int_equal(utf8_decode("\xe0\x9f\xbf", NULL), 0);
	assert_int_equal(utf8_decode("\xc2", NULL), 0);
	assert_int_equal(utf8_decode("\xf5\x80\x80\x80", NULL), 0);
}

static void writer_lays_out_blocks_and_lines(void **state)
{
	struct json_writer w;
	struct capture c;

	(void)state;
	capture_open(&c);
	json_init(&w, c.f);
	json_object_begin(&w, JSON_BLOCK);
	json_member_string(&w, "name", "x");
	json_member_string(&w, "absent", NULL);
	json_key(&w, "items");
	json_array_begin(&w, JSON_BLOCK);
	json_object_begin(&w, JSON_LINE);
	json_member_uint(&w, "n", 1);
	json_key(&w, "inner");
	json_array_begin(&w, JSON_BLOCK);
	json_uint_value(&w, 2);
	json_uint_value(&w, 3);
	json_array_end(&w);
	json_object_end(&w);
	json_array_end(&w);
	json_key(&w, "empty");
	json_array_begin(&w, JSON_BLOCK);
	json_array_end(&w);
	json_object_end(&w);
	assert_int_equal(json_finish(&w), 0);
	assert_string_equal(capture_close(&c),
			    "{\n"
			    "  \"name\": \"x\",\n"
			    "  \"items\": [\n"
			    "    {\"n\": 1, \"inner\": [2, 3]}\n"
			    "  ],\n"
			    "  \"empty\": []\n"
			    "}\n");
	free(c.text);
}

static void writer_top_level_array(void **state)
{
	struct json_writer w;
	struct capture c;

	(void)state;
	capture_open(&c);
	json_init(&w, c.f);
	json_array_begin(&w, JSON_BLOCK);
	json_string_value(&w, "a");
	json_string_value(&w, "b\n");
	json_array_end(&w);
	assert_int_equal(json_finish(&w), 0);
	assert_string_equal(capture_close(&c), "[\n  \"a\",\n  \"b\\n\"\n]\n");
	free(c.text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strings_escape_json_syntax),
		cmocka_unit_test(strings_keep_valid_utf8),
		cmocka_unit_test(strings_replace_invalid_utf8),
		cmocka_unit_test(utf8_decode_values),
		cmocka_unit_test(writer_lays_out_blocks_and_lines),
		cmocka_unit_test(writer_top_level_array),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
