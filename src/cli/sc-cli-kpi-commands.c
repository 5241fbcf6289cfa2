/* sc-cli-kpi-commands.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sc-cli-table.h"
#include "sc-cli.h"
#include "sc-export.h"
#include "sc-format.h"
#include "sc-period.h"
#include "sc-score.h"
#include "sc-store-private.h"
#include "sc-sync-account.h"

/* list, show and submit: the commands that read and write KPI values. */

static char *
format_last_submitted (gint64 when)
{
  if (when == 0)
    return g_strdup (_("never"));

  return sc_time_format_local (when, NULL);
}

static void
print_summary (GPtrArray *kpis)
{
  g_autofree double *achievements = g_new0 (double, MAX (kpis->len, 1));
  g_autofree int *weights = g_new0 (int, MAX (kpis->len, 1));
  g_autofree char *overall_text = NULL;
  guint n_on_target = 0;
  guint n_attention = 0;
  guint n = 0;
  double overall;

  for (guint i = 0; i < kpis->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (kpis, i);

      if (!sc_kpi_has_value (kpi))
        continue;

      achievements[n] = sc_kpi_get_achievement (kpi);
      weights[n] = sc_kpi_get_priority (kpi);
      n++;

      if (sc_kpi_get_achievement (kpi) >= 100.0)
        n_on_target++;
      if (sc_kpi_get_achievement (kpi) < 70.0)
        n_attention++;
    }

  overall = sc_score_group (achievements, weights, n);
  overall_text = sc_format_percent (overall);

  /* Translators: a summary line above the KPI table */
  printf (_("Overall achievement %s (%s) · %u of %u KPIs on target · %u need attention\n\n"),
          overall_text, sc_score_band_label (sc_score_band (overall)),
          n_on_target, kpis->len, n_attention);
}

int
sc_cli_cmd_list (ScCliGlobals  *globals,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCliTable) table = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *department = NULL;
  gboolean json = FALSE;
  ScDepartment filter = SC_DEPARTMENT_NONE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "department", 'd', 0, G_OPTION_ARG_STRING, &department,
      N_("Only KPIs of this department (sales, technician, operations, store, marketing, hr, "
         "finance, rnd, it, admin)"), N_("KEY") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Show every KPI with its value, target and score."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc > 1)
    return sc_cli_usage_error (context, _("list takes no arguments"));

  if (department != NULL &&
      (!sc_department_from_key (department, &filter) || filter == SC_DEPARTMENT_NONE))
    return sc_cli_usage_error (context, _("“%s” is not a department"), department);

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !(kpis = sc_store_list_kpis (store, &error)))
    return sc_cli_data_error (error);

  if (filter != SC_DEPARTMENT_NONE)
    for (guint i = kpis->len; i > 0; i--)
      if (sc_kpi_get_department (g_ptr_array_index (kpis, i - 1)) != filter)
        g_ptr_array_remove_index (kpis, i - 1);

  if (json)
    {
      g_autoptr(GOutputStream) out = sc_cli_stdout ();

      if (!sc_export_kpis_json (kpis, out, &error))
        return sc_cli_data_error (error);

      return SC_CLI_EXIT_OK;
    }

  if (kpis->len == 0)
    {
      printf ("%s\n", _("The store has no KPIs yet. Add some with “scorecard-cli import” or "
                        "try “scorecard-cli demo”."));
      return SC_CLI_EXIT_OK;
    }

  print_summary (kpis);

  table = sc_cli_table_new (8);
  sc_cli_table_set_header (table, 0, _("ID"), SC_CLI_ALIGN_RIGHT);
  sc_cli_table_set_header (table, 1, _("Department"), SC_CLI_ALIGN_LEFT);
  sc_cli_table_set_header (table, 2, _("KPI"), SC_CLI_ALIGN_LEFT);
  sc_cli_table_set_header (table, 3, _("Value"), SC_CLI_ALIGN_RIGHT);
  sc_cli_table_set_header (table, 4, _("Target"), SC_CLI_ALIGN_RIGHT);
  sc_cli_table_set_header (table, 5, _("Achievement"), SC_CLI_ALIGN_RIGHT);
  sc_cli_table_set_header (table, 6, _("Score"), SC_CLI_ALIGN_LEFT);
  sc_cli_table_set_header (table, 7, _("Last submitted"), SC_CLI_ALIGN_LEFT);

  for (guint i = 0; i < kpis->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (kpis, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_kpi_get_id (kpi));
      g_autofree char *value = sc_kpi_has_value (kpi) ? sc_kpi_format_value (kpi) : g_strdup ("—");
      g_autofree char *target = sc_kpi_format_target (kpi);
      g_autofree char *achievement = sc_format_percent (sc_kpi_get_achievement (kpi));
      g_autofree char *last = format_last_submitted (sc_kpi_get_last_submitted (kpi));
      const char *row[] = {
        id,
        sc_department_label (sc_kpi_get_department (kpi)),
        sc_kpi_get_name (kpi),
        value,
        target,
        sc_kpi_has_value (kpi) ? achievement : "—",
        sc_kpi_has_value (kpi) ? sc_score_band_label (sc_kpi_get_score_band (kpi)) : "",
        last,
      };

      sc_cli_table_add_row (table, row);
    }

  rendered = sc_cli_table_render (table);
  fputs (rendered, stdout);

  return SC_CLI_EXIT_OK;
}

int
sc_cli_cmd_show (ScCliGlobals  *globals,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("KPI"));
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCliTable) table = NULL;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;
  g_autofree char *achievement = NULL;
  g_autofree char *last = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *assigned = NULL;
  int limit = 10;
  int status;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("How many submissions to show (default 10)"),
      N_("N") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Show one KPI, by id or name, and its latest submissions."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc != 2)
    return sc_cli_usage_error (context, _("show takes one KPI, by id or name"));
  if (limit < 0)
    return sc_cli_usage_error (context, _("--limit must not be negative"));

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !(kpi = sc_store_find_kpi (store, argv[1], &error)) ||
      !(submissions = sc_store_list_submissions (store, sc_kpi_get_id (kpi), (guint)limit, &error)))
    return sc_cli_data_error (error);

  value = sc_kpi_has_value (kpi) ? sc_kpi_format_value (kpi) : g_strdup ("—");
  target = sc_kpi_format_target (kpi);
  achievement = sc_format_percent (sc_kpi_get_achievement (kpi));
  last = format_last_submitted (sc_kpi_get_last_submitted (kpi));
  assigned = g_strjoinv (", ", (char **)sc_kpi_get_assignees (kpi));

  printf ("%s (#%" G_GINT64_FORMAT ")\n", sc_kpi_get_name (kpi), sc_kpi_get_id (kpi));
  printf ("  %-16s %s\n", _("Department:"), sc_department_label (sc_kpi_get_department (kpi)));
  printf ("  %-16s %s\n", _("Report group:"),
          sc_kpi_get_group_name (kpi) ? sc_kpi_get_group_name (kpi) : "—");
  printf ("  %-16s %s, %s, %s\n", _("Type:"),
          sc_kpi_type_label (sc_kpi_get_kpi_type (kpi)),
          sc_report_type_label (sc_kpi_get_report_type (kpi)),
          sc_direction_label (sc_kpi_get_direction (kpi)));
  printf ("  %-16s %s\n", _("Value:"), value);
  printf ("  %-16s %s\n", _("Target:"), target);
  printf ("  %-16s %s (%s)\n", _("Achievement:"), achievement,
          sc_score_band_label (sc_kpi_get_score_band (kpi)));
  printf ("  %-16s %d / 5\n", _("Priority:"), sc_kpi_get_priority (kpi));
  printf ("  %-16s %s\n", _("Last submitted:"), last);
  printf ("  %-16s %s\n", _("Assigned to:"), *assigned != '\0' ? assigned : "—");
  if (sc_kpi_get_note (kpi) != NULL)
    printf ("  %-16s %s\n", _("Note:"), sc_kpi_get_note (kpi));
  if (sc_kpi_get_formula (kpi) != NULL)
    printf ("  %-16s %s\n", _("Formula:"), sc_kpi_get_formula (kpi));

  if (submissions->len == 0)
    {
      printf ("\n%s\n", _("No submissions yet."));
      return SC_CLI_EXIT_OK;
    }

  table = sc_cli_table_new (5);
  sc_cli_table_set_header (table, 0, _("Submitted"), SC_CLI_ALIGN_LEFT);
  sc_cli_table_set_header (table, 1, _("By"), SC_CLI_ALIGN_LEFT);
  sc_cli_table_set_header (table, 2, _("Value"), SC_CLI_ALIGN_RIGHT);
  sc_cli_table_set_header (table, 3, _("Achievement"), SC_CLI_ALIGN_RIGHT);
  sc_cli_table_set_header (table, 4, _("Note"), SC_CLI_ALIGN_LEFT);

  for (guint i = 0; i < submissions->len; i++)
    {
      ScSubmission *submission = g_ptr_array_index (submissions, i);
      g_autofree char *when = sc_time_format_local (sc_submission_get_date (submission), NULL);
      g_autofree char *shown = sc_format_measure (sc_submission_get_value (submission),
                                                  sc_kpi_get_target_type (kpi),
                                                  sc_kpi_get_currency (kpi));
      g_autofree char *percent = sc_format_percent (sc_submission_get_achievement (submission));
      const char *row[] = {
        when,
        sc_submission_get_user_name (submission),
        shown,
        percent,
        sc_submission_get_note (submission),
      };

      sc_cli_table_add_row (table, row);
    }

  rendered = sc_cli_table_render (table);
  printf ("\n%s", rendered);

  return SC_CLI_EXIT_OK;
}

/* Whether that KPI's value of that UTC day for that user is on Odoo. */
static gboolean
on_odoo_that_day (ScStore *store,
                  gint64   kpi_id,
                  gint64   user_id,
                  gint64   date)
{
  sqlite3_stmt *stmt = _sc_store_prepare (store,
                                          "SELECT 1 FROM submissions WHERE kpi_id = ?1 "
                                          "  AND user_id IS ?2 AND date >= ?3 AND date < ?3 + 86400 "
                                          "  AND odoo_id IS NOT NULL LIMIT 1",
                                          NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kpi_id);
  if (user_id > 0)
    sqlite3_bind_int64 (stmt, 2, user_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, sc_utc_day_start (date));
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

int
sc_cli_cmd_submit (ScCliGlobals  *globals,
                   int            argc,
                   char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("KPI VALUE"));
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_autoptr(ScKpi) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *user = NULL;
  g_autofree char *note = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *achievement = NULL;
  ScSubmitResult result;
  gint64 date = g_get_real_time () / G_USEC_PER_SEC;
  gint64 user_id = 0;
  double value = 0;
  int status;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("When (YYYY-MM-DD, “YYYY-MM-DD HH:MM” local time, or ISO 8601); default now"),
      N_("DATE") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user, N_("Submit for this user (login)"),
      N_("LOGIN") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note to keep with the value"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Record a value for a KPI. A second value for the same KPI, user "
                                  "and day replaces the first, as in Odoo. The change is queued "
                                  "for the next sync."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;

  if (argc != 3)
    return sc_cli_usage_error (context, _("submit takes a KPI and a value"));

  if (!sc_parse_number (argv[2], &value))
    return sc_cli_usage_error (context, _("“%s” is not a number"), argv[2]);

  if (date_text != NULL && !sc_time_parse_user (date_text, NULL, &date, &error))
    return sc_cli_usage_error (context, "%s", error->message);

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !(kpi = sc_store_find_kpi (store, argv[1], &error)))
    return sc_cli_data_error (error);

  if (user != NULL && (user_id = sc_store_find_user (store, user, &error)) < 0)
    return sc_cli_data_error (error);

  /* Said now, not discovered as a failed push later (issue 4). */
  {
    g_autoptr(ScSyncAccount) account = sc_sync_account_load (store);

    if (sc_sync_account_is_configured (account))
      {
        g_autofree char *reason = sc_odoo_role_submit_refusal (account->role,
                                                               on_odoo_that_day (store, sc_kpi_get_id (kpi),
                                                                                 user_id, date));

        if (reason != NULL)
          {
            fprintf (stderr, _("scorecard-cli: %s\n"), reason);
            return SC_CLI_EXIT_DATA;
          }
      }
  }

  if (!sc_store_submit (store, sc_kpi_get_id (kpi), user_id, value, date, note, &result, &error))
    return sc_cli_data_error (error);

  if (!(updated = sc_store_get_kpi (store, sc_kpi_get_id (kpi), &error)))
    return sc_cli_data_error (error);

  shown = sc_format_measure (value, sc_kpi_get_target_type (kpi), sc_kpi_get_currency (kpi));
  achievement = sc_format_percent (sc_kpi_get_achievement (updated));

  if (result.replaced)
    {
      g_autofree char *previous = sc_format_measure (result.previous_value,
                                                     sc_kpi_get_target_type (kpi),
                                                     sc_kpi_get_currency (kpi));

      printf (_("Replaced %s with %s for “%s” (one value per KPI, user and day).\n"),
              previous, shown, sc_kpi_get_name (kpi));
    }
  else
    printf (_("Recorded %s for “%s”.\n"), shown, sc_kpi_get_name (kpi));

  printf (_("Achievement now %s (%s). Queued for the next sync.\n"), achievement,
          sc_score_band_label (sc_kpi_get_score_band (updated)));

  return SC_CLI_EXIT_OK;
}
