/* sc-cli.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "sc-cli.h"

/* What every command shares: option parsing, error reporting with the
 * documented exit codes, and opening the store. */

int
sc_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "scorecard-cli: %s\n", message);
  if (context != NULL)
    {
      help = g_option_context_get_help (context, TRUE, NULL);
      fprintf (stderr, "\n%s", help);
    }

  return SC_CLI_EXIT_USAGE;
}

int
sc_cli_data_error (const GError *error)
{
  fprintf (stderr, "scorecard-cli: %s\n", error->message);

  return SC_CLI_EXIT_DATA;
}

int
sc_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return sc_cli_usage_error (context, "%s", error->message);

  return SC_CLI_EXIT_OK;
}

ScStore *
sc_cli_open_store (ScCliGlobals  *globals,
                   GError       **error)
{
  return sc_store_open (globals->store_path, error);
}

/**
 * sc_cli_stdout:
 *
 * Returns: (transfer full): standard output as a stream, left open
 */
GOutputStream *
sc_cli_stdout (void)
{
  fflush (stdout);

  return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
}
