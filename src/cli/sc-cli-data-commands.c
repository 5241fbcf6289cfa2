/* sc-cli-data-commands.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-demo.h"
#include "sc-export.h"
#include "sc-import.h"
#include "sc-period.h"

/* init, demo, import and export: the commands that move data in and out. */

int
sc_cli_cmd_init (ScCliGlobals  *globals,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context,
                                _("Create an empty store, or upgrade an older one to this version."));
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc > 1)
    return sc_cli_usage_error (context, _("init takes no arguments"));

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !sc_store_check_integrity (store, &error))
    return sc_cli_data_error (error);

  printf (_("Store ready: %s (schema %d)\n"), sc_store_get_path (store),
          sc_store_get_schema_version (store));

  return SC_CLI_EXIT_OK;
}

int
sc_cli_cmd_demo (ScCliGlobals  *globals,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;
  ScDemoOptions options;
  ScDemoReport report;
  int n_kpis = 40;
  int n_days = 730;
  int seed = 42;
  int status;
  const GOptionEntry entries[] = {
    { "kpis", 0, 0, G_OPTION_ARG_INT, &n_kpis, N_("How many KPIs (default 40)"), N_("N") },
    { "days", 0, 0, G_OPTION_ARG_INT, &n_days, N_("Days of history (default 730)"), N_("D") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (default 42)"), N_("S") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until,
      N_("Last day of history, YYYY-MM-DD (default today)"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Fill an empty store with demo users, report groups and KPIs with "
                                  "their history. The same seed and end date give the same data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc > 1)
    return sc_cli_usage_error (context, _("demo takes no arguments"));
  if (n_kpis < 1 || n_kpis > 1000000)
    return sc_cli_usage_error (context, _("--kpis must be between 1 and 1000000"));
  if (n_days < 1 || n_days > 36500)
    return sc_cli_usage_error (context, _("--days must be between 1 and 36500"));

  sc_demo_options_init (&options);
  options.n_kpis = (guint)n_kpis;
  options.n_days = (guint)n_days;
  options.seed = (guint32)seed;
  if (until != NULL && !sc_time_parse_user (until, NULL, &options.end, &error))
    return sc_cli_usage_error (context, "%s", error->message);

  if (!(store = sc_cli_open_store (globals, &error)))
    return sc_cli_data_error (error);

  if (sc_store_count_kpis (store) > 0)
    {
      fprintf (stderr,
               _("scorecard-cli: the store “%s” already has KPIs; demo data goes into an empty "
                 "store (use --store NEW-PATH)\n"),
               sc_store_get_path (store));
      return SC_CLI_EXIT_DATA;
    }

  if (!sc_demo_generate (store, &options, &report, &error))
    return sc_cli_data_error (error);

  printf (_("Demo store %s: %u users, %u report groups, %u KPIs, %u submissions\n"),
          sc_store_get_path (store), report.n_users, report.n_groups, report.n_kpis,
          report.n_submissions);

  return SC_CLI_EXIT_OK;
}

int
sc_cli_cmd_import (ScCliGlobals  *globals,
                   int            argc,
                   char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScImportReport) report = sc_import_report_new ();
  g_autofree char *kind_text = NULL;
  ScImportKind kind = SC_IMPORT_AUTO;
  gboolean skip_bad = FALSE;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("What the file holds: kpis or submissions (default: from its header)"), N_("KIND") },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad,
      N_("Import the good rows and report the bad ones, instead of importing nothing"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Import KPI definitions (columns name, group, kpi_type, "
                                  "target_type, target_value, priority, direction, report_type, "
                                  "department, note, assigned) or submissions (columns kpi, user, "
                                  "date, value, note) from a CSV file. A bad row makes the whole "
                                  "import fail unless --skip-bad is given."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc != 2)
    return sc_cli_usage_error (context, _("import takes one CSV file"));

  if (kind_text != NULL)
    {
      if (strcmp (kind_text, "kpis") == 0)
        kind = SC_IMPORT_KPIS;
      else if (strcmp (kind_text, "submissions") == 0)
        kind = SC_IMPORT_SUBMISSIONS;
      else
        return sc_cli_usage_error (context, _("--kind must be kpis or submissions, not “%s”"),
                                   kind_text);
    }

  if (!(store = sc_cli_open_store (globals, &error)))
    return sc_cli_data_error (error);

  ok = sc_import_csv_file (store, argv[1], kind, skip_bad, report, &error);

  for (guint i = 0; i < report->problems->len; i++)
    fprintf (stderr, "%s\n", (const char *)g_ptr_array_index (report->problems, i));

  if (!ok)
    return sc_cli_data_error (error);

  printf (_("Imported %s: %u rows, %u new, %u updated, %u skipped\n"), argv[1],
          report->n_rows, report->n_created, report->n_updated, report->n_skipped);

  return report->n_skipped > 0 ? SC_CLI_EXIT_DATA : SC_CLI_EXIT_OK;
}

int
sc_cli_cmd_export (ScCliGlobals  *globals,
                   int            argc,
                   char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autofree char *what_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  ScExportWhat what = SC_EXPORT_KPIS;
  ScExportFormat format = SC_EXPORT_CSV;
  int status;
  const GOptionEntry entries[] = {
    { "what", 0, 0, G_OPTION_ARG_STRING, &what_text,
      N_("kpis (default) or submissions"), N_("WHAT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("csv (default) or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Export KPI definitions or submissions. CSV exports can be "
                                  "imported again."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc > 1)
    return sc_cli_usage_error (context, _("export takes no arguments"));

  if (what_text != NULL)
    {
      if (strcmp (what_text, "kpis") == 0)
        what = SC_EXPORT_KPIS;
      else if (strcmp (what_text, "submissions") == 0)
        what = SC_EXPORT_SUBMISSIONS;
      else
        return sc_cli_usage_error (context, _("--what must be kpis or submissions, not “%s”"),
                                   what_text);
    }

  if (format_text != NULL)
    {
      if (strcmp (format_text, "csv") == 0)
        format = SC_EXPORT_CSV;
      else if (strcmp (format_text, "json") == 0)
        format = SC_EXPORT_JSON;
      else
        return sc_cli_usage_error (context, _("--format must be csv or json, not “%s”"),
                                   format_text);
    }

  if (!(store = sc_cli_open_store (globals, &error)))
    return sc_cli_data_error (error);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
      if (out == NULL)
        return sc_cli_data_error (error);
    }
  else
    out = sc_cli_stdout ();

  if (!sc_export_write (store, what, format, out, &error) ||
      !g_output_stream_close (out, NULL, &error))
    return sc_cli_data_error (error);

  return SC_CLI_EXIT_OK;
}
