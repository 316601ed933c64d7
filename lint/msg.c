/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint's own messages on stderr: errors, warnings, notes, debug. */
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>

static bool quiet_mode;
static const char *command_name;
static bool verbose_mode;

void msg_set_quiet(bool quiet)
{
	quiet_mode = quiet;
}

void msg_set_command(const char *name)
{
	command_name = name;
}

void msg_set_verbose(bool verbose)
{
	verbose_mode = verbose;
}

static void emit(const char *level, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static void emit(const char *level, const char *fmt, va_list ap)
{
	fprintf(stderr, "danelint: %s: ", level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("error", fmt, ap);
	va_end(ap);
}

void msg_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("warning", fmt, ap);
	va_end(ap);
}

void msg_note(const char *fmt, ...)
{
	va_list ap;

	if (quiet_mode)
		return;
	va_start(ap, fmt);
	emit("note", fmt, ap);
	va_end(ap);
}

void msg_debug(const char *fmt, ...)
{
	va_list ap;

	if (!verbose_mode)
		return;
	va_start(ap, fmt);
	emit("debug", fmt, ap);
	va_end(ap);
}

void msg_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("error", fmt, ap);
	va_end(ap);
	if (command_name)
		fprintf(stderr, "try 'danelint %s --help'\n", command_name);
	else
		fputs("try 'danelint --help'\n", stderr);
}
