/* main.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"

static const ScCliCommand commands[] = {
  { "init", "", N_("Create an empty store, or upgrade an older one"), sc_cli_cmd_init },
  { "demo", "", N_("Fill an empty store with realistic demo data"), sc_cli_cmd_demo },
  { "list", "", N_("Show every KPI with its value, target and score"), sc_cli_cmd_list },
  { "show", N_("KPI"), N_("Show one KPI and its latest submissions"), sc_cli_cmd_show },
  { "submit", N_("KPI VALUE"), N_("Record a value for a KPI"), sc_cli_cmd_submit },
  { "import", N_("FILE"), N_("Import KPI definitions or submissions from CSV"), sc_cli_cmd_import },
  { "export", "", N_("Export KPIs or submissions as CSV or JSON"), sc_cli_cmd_export },
  { "trend", N_("KPI"), N_("Trend, velocity, volatility and seasonality of a KPI"),
    sc_cli_cmd_trend },
  { "forecast", N_("KPI"), N_("Forecast a KPI with 80 and 95 % intervals"),
    sc_cli_cmd_forecast },
  { "anomalies", N_("KPI"), N_("Unusual values of a KPI, with their reasons"),
    sc_cli_cmd_anomalies },
  { "login", "", N_("Check an Odoo account and save its password in the keyring"),
    sc_cli_cmd_login },
  { "sync", "", N_("Push local changes to Odoo and pull its changes"), sc_cli_cmd_sync },
  { "status", "", N_("Show the Odoo server, the last sync and the changes waiting"),
    sc_cli_cmd_status },
  { "alerts", N_("[COMMAND]"), N_("Alerts, their rules and channels; “alerts help” lists them"),
    sc_cli_cmd_alerts },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: scorecard-cli [--store PATH] COMMAND [OPTION…]"));
  fprintf (stream, "%s\n\n", _("Scorecard’s command-line tool: KPIs from Odoo, kept in a local store."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].parameters));

      fprintf (stream, "  %-18s %s\n", usage, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-18s %s\n", "--store PATH",
           _("The store to use (default: $SCORECARD_STORE, else the user data folder)"));
  fprintf (stream, "  %-18s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n",
           _("Run “scorecard-cli COMMAND --help” for a command’s options.\n"
             "Exit status: 0 success, 1 usage error, 2 data error."));
}

int
main (int    argc,
      char **argv)
{
  ScCliGlobals globals = { NULL, };
  int first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("scorecard-cli");

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          print_help (stdout);
          return SC_CLI_EXIT_OK;
        }
      else if (strcmp (arg, "--version") == 0)
        {
          printf ("scorecard-cli %s\n", PACKAGE_VERSION);
          return SC_CLI_EXIT_OK;
        }
      else if (strcmp (arg, "--store") == 0 && first + 1 < argc)
        {
          globals.store_path = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--store="))
        {
          globals.store_path = arg + strlen ("--store=");
          first++;
        }
      else
        {
          fprintf (stderr, _("scorecard-cli: unknown option “%s”\n"), arg);
          print_help (stderr);
          return SC_CLI_EXIT_USAGE;
        }
    }

  if (first >= argc)
    {
      print_help (stderr);
      return SC_CLI_EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[first], commands[i].name) == 0)
        return commands[i].run (&globals, argc - first, argv + first);
    }

  fprintf (stderr, _("scorecard-cli: unknown command “%s”\n"), argv[first]);
  print_help (stderr);

  return SC_CLI_EXIT_USAGE;
}
