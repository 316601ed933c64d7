# SPDX-License-Identifier: BSD-3-Clause
# Turns text files into C string literals, for files built into danelint.
#   awk -v name=hook_script -f lint/cstring.awk hooks/pre-commit
#       const char hook_script[] = "...";
#   awk -v name=rule_docs -v table=1 -f lint/cstring.awk docs/rules/*.md
#       const char *const rule_docs[][2] = { { "ID", "..." }, ..., { NULL, NULL } };
#       where ID is each file's name without directory and ".md"
# Escapes character by character: gsub replacement strings treat
# backslashes differently in mawk and gawk.
function literal(line,    out, i, c) {
	out = ""
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (c == "\\" || c == "\"")
			out = out "\\" c
		else if (c == "\t")
			out = out "\\t"
		else
			out = out c
	}
	return "\t  \"" out "\\n\""
}
BEGIN {
	if (table) {
		print "#include <stddef.h>"
		print "const char *const " name "[][2] = {"
	} else {
		print "const char " name "[] ="
	}
}
table && FNR == 1 {
	if (NR > 1)
		print "\t},"
	id = FILENAME
	sub(/.*\//, "", id)
	sub(/\.md$/, "", id)
	print "\t{ \"" id "\","
}
{ print literal($0) }
END {
	if (table) {
		if (NR > 0)
			print "\t},"
		print "\t{ NULL, NULL }"
		print "};"
	} else {
		print ";"
	}
}
