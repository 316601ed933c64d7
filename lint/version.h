/* SPDX-License-Identifier: BSD-3-Clause */
/* danelint's version, for --version and the reports that name the tool. */
#ifndef DANELINT_VERSION_H
#define DANELINT_VERSION_H

#ifndef DANELINT_VERSION
#define DANELINT_VERSION "0.1.0"
#endif

#endif
