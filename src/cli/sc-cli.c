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
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sc-cli.h"

#define MAX_SECRET_LENGTH 4096

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

static gboolean
is_negative_number (const char *arg)
{
  return arg[0] == '-' && (g_ascii_isdigit (arg[1]) || (arg[1] == '.' && g_ascii_isdigit (arg[2])));
}

/* Parses a command's options. Arguments such as "-500" are values, not
 * options, so they are kept out of GOption's way and put back after the
 * other arguments, in their order; a "--" separator is dropped. */
int
sc_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  int kept = 0;
  int n;

  for (int i = 0; i < *argc; i++)
    {
      if (i > 0 && is_negative_number ((*argv)[i]))
        g_ptr_array_add (numbers, (*argv)[i]);
      else
        (*argv)[kept++] = (*argv)[i];
    }
  *argc = kept;

  if (!g_option_context_parse (context, argc, argv, &error))
    return sc_cli_usage_error (context, "%s", error->message);

  n = 0;
  for (int i = 0; i < *argc; i++)
    if (g_strcmp0 ((*argv)[i], "--") != 0)
      (*argv)[n++] = (*argv)[i];
  for (guint i = 0; i < numbers->len; i++)
    (*argv)[n++] = g_ptr_array_index (numbers, i);
  (*argv)[n] = NULL;
  *argc = n;

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

/* Writes a command's output to standard output, all of it. */
gboolean
sc_cli_write_out (GString  *text,
                  GError  **error)
{
  g_autoptr(GOutputStream) out = sc_cli_stdout ();

  return g_output_stream_write_all (out, text->str, text->len, NULL, NULL, error);
}

/* The first line of standard input, without its line end, for a secret:
 * a terminal does not echo it, and it never comes from the command line. */
char *
sc_cli_read_secret (const char  *prompt,
                    GError     **error)
{
  char buffer[MAX_SECRET_LENGTH + 2];
  struct termios saved;
  gboolean tty = isatty (STDIN_FILENO);
  gboolean restore = FALSE;
  char *line;
  char *secret = NULL;
  gsize length;

  if (tty)
    {
      fputs (prompt, stderr);
      fflush (stderr);

      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          struct termios quiet = saved;

          quiet.c_lflag &= ~(tcflag_t)ECHO;
          quiet.c_lflag |= ECHONL;
          restore = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  line = fgets (buffer, sizeof buffer, stdin);

  if (restore)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  else if (tty)
    fputc ('\n', stderr);

  if (line == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No password or API key on standard input"));
      return NULL;
    }

  length = strlen (buffer);
  if (length > MAX_SECRET_LENGTH && buffer[length - 1] != '\n')
    {
      explicit_bzero (buffer, sizeof buffer);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The password or API key is longer than %d characters"), MAX_SECRET_LENGTH);
      return NULL;
    }

  while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r'))
    buffer[--length] = '\0';

  if (length == 0)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The password or API key on standard input is empty"));
  else
    secret = g_strndup (buffer, length);

  explicit_bzero (buffer, sizeof buffer);

  return secret;
}
