/* SPDX-License-Identifier: BSD-3-Clause */
/* Unit tests of the JSON parser: values, escapes, errors, hostile input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "json.h"

/* Parses text and returns json_parse's status; doc must be released. */
static int parse(struct json_doc *doc, const char *text, size_t len)
{
	struct strbuf err;
	int rc;

	strbuf_init(&err);
	rc = json_parse(doc, text, len, &err);
	if (rc < 0)
		assert_true(err.len > 0);
	strbuf_release(&err);
	return rc;
}

static void parses_lsp_message(void **state)
{
	static const char text[] =
		" {\"jsonrpc\": \"2.0\", \"id\": 17, \"method\": "
		"\"textDocument/didOpen\", \"params\": {\"textDocument\": "
		"{\"uri\": \"file:///z/a.zone\", \"version\": -1.5e+3, "
		"\"text\": \"a\\tb\\n\"}, \"list\": [true, false, null, [], {}]}"
		"}\r\n";
	struct json_doc doc;
	const struct json_value *td, *list;

	(void)state;
	assert_int_equal(parse(&doc, text, sizeof(text) - 1), 0);
	assert_int_equal(doc.root.type, JSON_OBJECT);
	assert_string_equal(json_string_of(json_get(&doc.root, "jsonrpc")),
			    "2.0");
	assert_string_equal(json_get(&doc.root, "id")->text, "17");
	td = json_get(json_get(&doc.root, "params"), "textDocument");
	assert_non_null(td);
	assert_string_equal(json_string_of(json_get(td, "text")), "a\tb\n");
	assert_string_equal(json_get(td, "version")->text, "-1.5e+3");
	assert_true(json_get(td, "version")->number == -1500.0);
	list = json_get(json_get(&doc.root, "params"), "list");
	assert_int_equal(list->count, 5);
	assert_int_equal(list->items[0].type, JSON_TRUE);
	assert_int_equal(list->items[1].type, JSON_FALSE);
	assert_int_equal(list->items[2].type, JSON_NULL);
	assert_int_equal(list->items[3].type, JSON_ARRAY);
	assert_int_equal(list->items[4].type, JSON_OBJECT);
	assert_null(json_get(&doc.root, "missing"));
	assert_null(json_get(NULL, "id"));
	assert_null(json_get(list, "id"));
	json_doc_release(&doc);
}

static void decodes_escapes(void **state)
{
	static const char text[] =
		"[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u00e9\\u20AC\", "
		"\"\\ud83d\\ude00\", \"\\ud800x\", \"\\udc00\", \"a\\u0000b\", "
		"\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"]";
	struct json_doc doc;
	const struct json_value *v;

	(void)state;
	assert_int_equal(parse(&doc, text, sizeof(text) - 1), 0);
	v = doc.root.items;
	assert_int_equal(doc.root.count, 7);
	assert_string_equal(v[0].text, "\"\\/\b\f\n\r\t");
	assert_string_equal(v[1].text, "\xc3\xa9\xe2\x82\xac");
	assert_string_equal(v[2].text, "\xf0\x9f\x98\x80");
	/* Lone surrogates have no UTF-8 form: U+FFFD takes their place. */
	assert_string_equal(v[3].text, "\xef\xbf\xbdx");
	assert_string_equal(v[4].text, "\xef\xbf\xbd");
	assert_int_equal(v[5].len, 3);
	assert_null(json_string_of(&v[5]));
	assert_string_equal(v[6].text, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	json_doc_release(&doc);
}

static void duplicate_key_takes_last(void **state)
{
	static const char text[] = "{\"a\": 1, \"a\": 2}";
	struct json_doc doc;

	(void)state;
	assert_int_equal(parse(&doc, text, sizeof(text) - 1), 0);
	assert_string_equal(json_get(&doc.root, "a")->text, "2");
	json_doc_release(&doc);
}

static void rejects_malformed(void **state)
{
	static const char *const bad[] = {
		"", " ", "{", "}", "[", "]", "[1,]", "[,1]", "{\"a\"}",
		"{\"a\":}", "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "{'a':1}",
		"01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN",
		"Infinity", "tru", "nul", "falsey", "\"abc", "\"\\x\"",
		"\"\\u12\"", "\"\\u12g4\"", "\"a\nb\"", "\"\\", "\"\\u",
		"\"\xff\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xe2\x82\"",
		"\"\xf4\x90\x80\x80\"", "1 2", "{} {}", "[1]]", "\xef\xbb\xbf{}",
		"{\"a\":1}x", "[\"\\ud800\\u\"]",
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct json_doc doc;

		if (parse(&doc, bad[i], strlen(bad[i])) != -1)
			fail_msg("accepted malformed input %zu: '%s'", i,
				 bad[i]);
		json_doc_release(&doc);
	}
}

static void embedded_nul_is_an_error(void **state)
{
	static const char text[] = "{\"a\":\0 1}";
	struct json_doc doc;

	(void)state;
	assert_int_equal(parse(&doc, text, sizeof(text) - 1), -1);
	json_doc_release(&doc);
	/* The length bounds the input: bytes after it are never read. */
	assert_int_equal(parse(&doc, "[1]xyz", 3), 0);
	json_doc_release(&doc);
}

/* Parses depth nested arrays: "[[...]]". */
static int parse_nested(size_t depth)
{
	char *text = xmalloc(2 * depth);
	struct json_doc doc;
	int rc;

	memset(text, '[', depth);
	memset(text + depth, ']', depth);
	rc = parse(&doc, text, 2 * depth);
	json_doc_release(&doc);
	free(text);
	return rc;
}

static void depth_is_limited(void **state)
{
	(void)state;
	assert_int_equal(parse_nested(JSON_MAX_DEPTH), 0);
	assert_int_equal(parse_nested(JSON_MAX_DEPTH + 1), -1);
	/* Deep input fails at the limit instead of exhausting the stack. */
	assert_int_equal(parse_nested(1000000), -1);
}

/* Every prefix of a valid message is invalid, and parsing it is safe. */
static void truncations_fail_safely(void **state)
{
	static const char text[] =
		"{\"id\":[1,-2.5e3,\"\\ud83d\\ude00\\n\"],\"m\":{\"k\":null,"
		"\"t\":true,\"f\":false,\"s\":\"\xc3\xa9\"}}";
	size_t n;

	(void)state;
	for (n = 0; n < sizeof(text) - 1; n++) {
		struct json_doc doc;
		char *copy = xmalloc(n ? n : 1);

		/* A copy of exactly n bytes lets AddressSanitizer catch any
		 * read past the end. */
		memcpy(copy, text, n);
		assert_int_equal(parse(&doc, copy, n), -1);
		json_doc_release(&doc);
		free(copy);
	}
}

/* Random byte changes to a valid message: no crash, leak or overread. */
static void mutations_are_survived(void **state)
{
	static const char text[] =
		"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":"
		"{\"a\":[1,2,{\"b\":\"\\u00e9\\\"\"}],\"c\":-0.5e-2}}";
	static const char alphabet[] = "{}[],:\"\\u0123456789abcdefnrt-+.eE "
				       "\x80\xbf\xc3\xed\xf0\xff";
	size_t len = sizeof(text) - 1, round, accepted = 0;
	unsigned long seed = 12345;

	(void)state;
	for (round = 0; round < 20000; round++) {
		char *copy = xmalloc(len);
		struct json_doc doc;
		int changes = 1 + (int)(round % 4), i;

		memcpy(copy, text, len);
		for (i = 0; i < changes; i++) {
			seed = seed * 1103515245UL + 12345UL;
			copy[(seed >> 8) % len] =
				alphabet[(seed >> 20) % (sizeof(alphabet) - 1)];
		}
		accepted += parse(&doc, copy, len) == 0;
		json_doc_release(&doc);
		free(copy);
	}
	/* Some mutations (a digit for a digit) stay valid JSON. */
	assert_true(accepted > 0);
	assert_true(accepted < 20000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_lsp_message),
		cmocka_unit_test(decodes_escapes),
		cmocka_unit_test(duplicate_key_takes_last),
		cmocka_unit_test(rejects_malformed),
		cmocka_unit_test(embedded_nul_is_an_error),
		cmocka_unit_test(depth_is_limited),
		cmocka_unit_test(truncations_fail_safely),
		cmocka_unit_test(mutations_are_survived),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
