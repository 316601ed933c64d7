/* SPDX-License-Identifier: BSD-3-Clause */
/* The subcommands; each lives in its own cmd_*.c file. */
#ifndef DANELINT_COMMANDS_H
#define DANELINT_COMMANDS_H

#include "version.h"

/* Each returns the process exit status: 0, 1 (findings) or 2 (failure). */
int cmd_check(int argc, char **argv);
int cmd_ci(int argc, char **argv);
int cmd_hook(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_precommit(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_tlsa(int argc, char **argv);
/* Runs the language server; 0 after shutdown and exit, else 1. */
int cmd_lsp(int argc, char **argv);

#endif
