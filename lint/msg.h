/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint's own messages on stderr: errors, warnings, notes, debug. */
#ifndef DANELINT_MSG_H
#define DANELINT_MSG_H

#include <stdbool.h>

/* Hides notes (-q). */
void msg_set_quiet(bool quiet);
/* Names the subcommand that usage errors point to for help. */
void msg_set_command(const char *name);
/* Shows debug lines (-v). */
void msg_set_verbose(bool verbose);

void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An error in the command line, followed by "try 'danelint --help'". */
void msg_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
