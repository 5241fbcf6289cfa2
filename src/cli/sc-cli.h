/* sc-cli.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

/* Exit codes, documented in `scorecard-cli --help` and the README. */
enum
{
  SC_CLI_EXIT_OK = 0,
  SC_CLI_EXIT_USAGE = 1,
  SC_CLI_EXIT_DATA = 2,
};

typedef struct
{
  const char *store_path;
} ScCliGlobals;

typedef int (*ScCliCommandFunc) (ScCliGlobals  *globals,
                                 int            argc,
                                 char         **argv);

typedef struct
{
  const char       *name;
  const char       *parameters;
  const char       *summary;
  ScCliCommandFunc  run;
} ScCliCommand;

int      sc_cli_usage_error      (GOptionContext *context,
                                  const char     *format,
                                  ...) G_GNUC_PRINTF (2, 3);
int      sc_cli_data_error       (const GError   *error);
int      sc_cli_parse_options    (GOptionContext *context,
                                  int            *argc,
                                  char         ***argv);
ScStore *sc_cli_open_store       (ScCliGlobals   *globals,
                                  GError        **error);
GOutputStream *sc_cli_stdout     (void);
gboolean sc_cli_write_out        (GString        *text,
                                  GError        **error);
char    *sc_cli_read_secret      (const char     *prompt,
                                  GError        **error);

int      sc_cli_cmd_init         (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_demo         (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_import       (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_export       (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_list         (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_show         (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_submit       (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_trend        (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_forecast     (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_anomalies    (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_login        (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_sync         (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_status       (ScCliGlobals *globals, int argc, char **argv);
int      sc_cli_cmd_alerts       (ScCliGlobals *globals, int argc, char **argv);
void     sc_cli_alerts_after_sync (ScStore     *store,
                                   guint       *events,
                                   guint       *delivered);

G_END_DECLS
