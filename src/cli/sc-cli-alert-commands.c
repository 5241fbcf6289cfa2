/* sc-cli-alert-commands.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scorecard-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-alert-drain.h"
#include "sc-alert-outbox.h"
#include "sc-alert-payload.h"
#include "sc-alert-rule-json.h"
#include "sc-alert-run.h"
#include "sc-alert-secrets.h"
#include "sc-alert-sender.h"
#include "sc-alert-store.h"
#include "sc-channel-secrets.h"
#include "sc-cli-table.h"
#include "sc-cli.h"
#include "sc-json-writer.h"
#include "sc-secrets.h"
#include "sc-store-private.h"

/* scorecard-cli alerts: for scripts and cron. Rules and channels are
 * added here or in the app; `alerts run` evaluates every rule and sends
 * what is due, `alerts deliver` only sends. A channel's secret (its
 * webhook URL, signing key or token) is read from standard input and kept
 * in the keyring, never taken from the command line. */

#define SEND_TIMEOUT_SECONDS 15

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int (*run) (ScCliGlobals *globals, int argc, char **argv);
} Subcommand;

/* Auxiliary methods */

static gint64
now_utc (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
format_local (gint64 unix_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_utc <= 0 || !(utc = g_date_time_new_from_unix_utc (unix_utc)))
    return g_strdup ("");
  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static gint64
find_channel (ScStore     *store,
              const char  *name,
              char       **kind,
              char       **config,
              GError     **error)
{
  sqlite3_stmt *stmt = _sc_store_prepare (store,
                                          "SELECT id, kind, config FROM alert_channels WHERE name = ?",
                                          error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (kind != NULL)
        *kind = g_strdup (_sc_column_text (stmt, 1));
      if (config != NULL)
        *config = g_strdup (_sc_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (id == 0)
    g_set_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
                 _("There is no alert channel named “%s”; see “scorecard-cli alerts channels”"), name);

  return id;
}

/* A bare URL on standard input is the usual case: {"url": …} around it;
 * for e-mail, a bare line is the mail account's password. */
static char *
secret_as_json (const char  *kind,
                char        *line,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (line[0] == '{')
    {
      if (!json_parser_load_from_data (parser, line, -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_set_error_literal (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
                               _("The secret on standard input starts like JSON but is not a JSON "
                                 "object"));
          return NULL;
        }
      return g_strdup (line);
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, g_strcmp0 (kind, "email") == 0 ? "password" : "url");
  json_builder_add_string_value (builder, line);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return sc_json_node_to_string (root, FALSE);
}

static void
wipe (char *secret)
{
  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

static const char *
status_label (ScAlertStatus status)
{
  switch (status)
    {
    case SC_ALERT_STATUS_PENDING: return _("Pending");
    case SC_ALERT_STATUS_FIRING: return _("Active");
    case SC_ALERT_STATUS_ACKNOWLEDGED: return _("Acknowledged");
    case SC_ALERT_STATUS_RESOLVED: return _("Resolved");
    case SC_ALERT_STATUS_NORMAL:
    default: return _("Normal");
    }
}

/* Subcommands */

static int
cmd_list (ScCliGlobals  *globals,
          int            argc,
          char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean all = FALSE, json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Also resolved alerts"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Active and acknowledged alerts, most severe first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (argc > 1)
    return sc_cli_usage_error (context, _("alerts list takes no arguments"));

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !(rows = sc_store_list_alerts (store, all, &error)))
    return sc_cli_data_error (error);

  if (json)
    {
      ScJsonWriter writer;

      sc_json_writer_init (&writer, out, TRUE);
      sc_json_writer_begin_array (&writer);
      for (guint i = 0; i < rows->len; i++)
        {
          ScAlertRow *row = g_ptr_array_index (rows, i);

          sc_json_writer_begin_object (&writer);
          sc_json_writer_member (&writer, "rule_id");
          sc_json_writer_int (&writer, row->rule_id);
          sc_json_writer_member (&writer, "rule");
          sc_json_writer_string (&writer, row->rule_name);
          sc_json_writer_member (&writer, "kpi_id");
          sc_json_writer_int (&writer, row->kpi_id);
          sc_json_writer_member (&writer, "kpi");
          sc_json_writer_string (&writer, row->kpi_name);
          sc_json_writer_member (&writer, "status");
          sc_json_writer_string (&writer, sc_alert_status_to_key (row->status));
          sc_json_writer_member (&writer, "severity");
          sc_json_writer_string (&writer, sc_alert_severity_to_key (row->severity));
          sc_json_writer_member (&writer, "incident");
          sc_json_writer_int (&writer, row->incident);
          sc_json_writer_member (&writer, "fired_at");
          sc_json_writer_int (&writer, row->fired_at);
          sc_json_writer_member (&writer, "message");
          if (row->message)
            sc_json_writer_string (&writer, row->message);
          else
            sc_json_writer_null (&writer);
          sc_json_writer_member (&writer, "comment");
          if (row->comment)
            sc_json_writer_string (&writer, row->comment);
          else
            sc_json_writer_null (&writer);
          sc_json_writer_end_object (&writer);
        }
      sc_json_writer_end_array (&writer);
      g_string_append_c (out, '\n');
    }
  else if (rows->len == 0)
    g_string_append (out, all ? _("No alerts.\n") : _("No active alerts.\n"));
  else
    {
      g_autoptr(ScCliTable) table = sc_cli_table_new (6);
      g_autofree char *text = NULL;

      sc_cli_table_set_header (table, 0, _("Severity"), SC_CLI_ALIGN_LEFT);
      sc_cli_table_set_header (table, 1, _("Status"), SC_CLI_ALIGN_LEFT);
      sc_cli_table_set_header (table, 2, _("KPI"), SC_CLI_ALIGN_LEFT);
      sc_cli_table_set_header (table, 3, _("Rule (id)"), SC_CLI_ALIGN_LEFT);
      sc_cli_table_set_header (table, 4, _("Since"), SC_CLI_ALIGN_LEFT);
      sc_cli_table_set_header (table, 5, _("Why"), SC_CLI_ALIGN_LEFT);
      for (guint i = 0; i < rows->len; i++)
        {
          ScAlertRow *row = g_ptr_array_index (rows, i);
          g_autofree char *rule = g_strdup_printf ("%s (%lld)", row->rule_name, (long long)row->rule_id);
          g_autofree char *since = format_local (row->fired_at);
          const char *cells[] = { sc_alert_severity_label (row->severity), status_label (row->status),
                                  row->kpi_name, rule, since, row->message ? row->message : "" };

          sc_cli_table_add_row (table, cells);
        }
      text = sc_cli_table_render (table);
      g_string_append (out, text);
    }

  if (!sc_cli_write_out (out, &error))
    return sc_cli_data_error (error);

  return SC_CLI_EXIT_OK;
}

static int
cmd_ack (ScCliGlobals  *globals,
         int            argc,
         char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("RULE-ID KPI"));
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  gint64 rule_id;
  int status;
  const GOptionEntry entries[] = {
    { "comment", 'm', 0, G_OPTION_ARG_STRING, &comment, N_("Why, for the others"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Acknowledge an active alert, which stops its "
                                           "escalation. It still resolves when the KPI recovers."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (argc != 3 || !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &rule_id, NULL))
    return sc_cli_usage_error (context, _("alerts ack needs a rule id and a KPI"));

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !(kpi = sc_store_find_kpi (store, argv[2], &error)) ||
      !sc_store_acknowledge_alert (store, rule_id, sc_kpi_get_id (kpi), now_utc (), comment, &error))
    return sc_cli_data_error (error);

  printf (_("Acknowledged the alert of rule %lld on “%s”.\n"), (long long)rule_id, sc_kpi_get_name (kpi));

  return SC_CLI_EXIT_OK;
}

static int
cmd_snooze (ScCliGlobals  *globals,
            int            argc,
            char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("RULE-ID KPI"));
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *until_text = NULL;
  gint64 rule_id, until;
  int hours = 24;
  int status;
  const GOptionEntry entries[] = {
    { "hours", 'H', 0, G_OPTION_ARG_INT, &hours, N_("For this many hours (default 24)"), N_("N") },
    { "comment", 'm', 0, G_OPTION_ARG_STRING, &comment, N_("Why, for the others"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Snooze a rule for one KPI: it neither fires nor "
                                           "escalates until then, and still resolves."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (argc != 3 || !g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &rule_id, NULL))
    return sc_cli_usage_error (context, _("alerts snooze needs a rule id and a KPI"));
  if (hours < 1 || hours > 24 * 366)
    return sc_cli_usage_error (context, _("--hours must be from 1 to 8784"));

  until = now_utc () + (gint64)hours * 3600;
  if (!(store = sc_cli_open_store (globals, &error)) ||
      !(kpi = sc_store_find_kpi (store, argv[2], &error)) ||
      !sc_store_snooze_alert (store, rule_id, sc_kpi_get_id (kpi), until, comment, &error))
    return sc_cli_data_error (error);

  until_text = format_local (until);
  printf (_("Snoozed rule %lld on “%s” until %s.\n"), (long long)rule_id, sc_kpi_get_name (kpi), until_text);

  return SC_CLI_EXIT_OK;
}

static void
print_drain (GString                  *out,
             const ScAlertDrainReport *drained)
{
  g_string_append_printf (out, _("Deliveries: %u sent, %u to retry, %u failed.\n"),
                          drained->delivered, drained->retrying, drained->failed);
  if (drained->next_due > 0)
    {
      g_autofree char *when = format_local (drained->next_due);

      g_string_append_printf (out, _("Next delivery attempt: %s.\n"), when);
    }
}

static gboolean
deliver (ScStore            *store,
         ScAlertDrainReport *drained,
         GError            **error)
{
  g_autoptr(ScAlertSender) sender = sc_alert_sender_new (SEND_TIMEOUT_SECONDS);

  return sc_alert_drain_sync (store, sender, sc_alert_store_secret_lookup, store, now_utc (), NULL, NULL,
                              drained, error);
}

static int
cmd_run (ScCliGlobals  *globals,
         int            argc,
         char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(ScAlertRunReport) report = { 0, };
  ScAlertDrainReport drained;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Evaluate every alert rule now, then send the "
                                           "notifications that are due. For cron."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (argc > 1)
    return sc_cli_usage_error (context, _("alerts run takes no arguments"));

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !sc_alert_run (store, now_utc (), NULL, &report, &error) ||
      !deliver (store, &drained, &error))
    return sc_cli_data_error (error);

  if (json)
    {
      ScJsonWriter writer;

      sc_json_writer_init (&writer, out, TRUE);
      sc_json_writer_begin_object (&writer);
      sc_json_writer_member (&writer, "rules");
      sc_json_writer_int (&writer, report.rules);
      sc_json_writer_member (&writer, "evaluated");
      sc_json_writer_int (&writer, report.evaluated);
      sc_json_writer_member (&writer, "events");
      sc_json_writer_int (&writer, report.events);
      for (int s = 0; s < SC_ALERT_N_SEVERITIES; s++)
        {
          sc_json_writer_member (&writer, sc_alert_severity_to_key (s));
          sc_json_writer_int (&writer, report.counts[s]);
        }
      sc_json_writer_member (&writer, "digest");
      if (report.digest)
        sc_json_writer_string (&writer, report.digest);
      else
        sc_json_writer_null (&writer);
      sc_json_writer_member (&writer, "delivered");
      sc_json_writer_int (&writer, drained.delivered);
      sc_json_writer_member (&writer, "retrying");
      sc_json_writer_int (&writer, drained.retrying);
      sc_json_writer_member (&writer, "failed");
      sc_json_writer_int (&writer, drained.failed);
      sc_json_writer_end_object (&writer);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Evaluated %u rule on %u KPIs: %u new alert events.\n",
                                           "Evaluated %u rules on %u KPIs: %u new alert events.\n",
                                           report.rules),
                              report.rules, report.evaluated, report.events);
      if (report.digest != NULL)
        g_string_append_printf (out, "%s\n", report.digest);
      print_drain (out, &drained);
    }

  if (!sc_cli_write_out (out, &error))
    return sc_cli_data_error (error);

  return drained.failed > 0 ? SC_CLI_EXIT_DATA : SC_CLI_EXIT_OK;
}

static int
cmd_deliver (ScCliGlobals  *globals,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  ScAlertDrainReport drained;
  int status;

  g_option_context_set_summary (context, _("Send the alert notifications that are due, retrying "
                                           "the ones that failed before."));
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (argc > 1)
    return sc_cli_usage_error (context, _("alerts deliver takes no arguments"));

  if (!(store = sc_cli_open_store (globals, &error)) || !deliver (store, &drained, &error))
    return sc_cli_data_error (error);

  print_drain (out, &drained);
  if (!sc_cli_write_out (out, &error))
    return sc_cli_data_error (error);

  return drained.failed > 0 ? SC_CLI_EXIT_DATA : SC_CLI_EXIT_OK;
}

static int
cmd_add_channel (ScCliGlobals  *globals,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME"));
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *config = NULL;
  char *line = NULL;
  char *secret = NULL;
  gint64 id;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_("slack, teams, webhook, powerbi, twilio_sms, twilio_whatsapp, email or odoo"), N_("KIND") },
    { "config", 'c', 0, G_OPTION_ARG_STRING, &config,
      N_("Settings that are not secret, as JSON (Twilio: from, to, base_url; e-mail: host, port, "
         "security, username, from, to, ca_file)"), N_("JSON") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Add an alert channel. Its secret comes on standard input: the "
                                  "webhook URL (or the mail password), or a JSON object such as "
                                  "{\"url\": …, \"signing_key\": …} or {\"account_sid\": …, "
                                  "\"auth_token\": …}. It is kept in the keyring, never in the store."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (argc != 2 || kind == NULL)
    return sc_cli_usage_error (context, _("alerts add-channel needs a name and --kind"));
  if (!g_strv_contains (sc_alert_sender_kinds (), kind))
    return sc_cli_usage_error (context, _("“%s” is not a kind of channel this command can add"), kind);

  if (!(store = sc_cli_open_store (globals, &error)))
    return sc_cli_data_error (error);

  /* Odoo's chatter uses the account of “login”: nothing more to keep. */
  if (g_str_equal (kind, "odoo"))
    {
      if (!(id = sc_store_add_alert_channel (store, kind, argv[1], config, now_utc (), &error)))
        return sc_cli_data_error (error);
      printf (_("Added the %s channel “%s” (id %lld).\n"), kind, argv[1], (long long)id);
      return SC_CLI_EXIT_OK;
    }

  {
    g_autofree char *prompt = g_strdup_printf (_("Secret of the channel “%s”: "), argv[1]);

    if (!(line = sc_cli_read_secret (prompt, &error)))
      return sc_cli_data_error (error);
  }
  secret = secret_as_json (kind, line, &error);
  wipe (line);
  if (secret == NULL)
    return sc_cli_data_error (error);

  id = sc_store_add_alert_channel (store, kind, argv[1], config, now_utc (), &error);
  if (id == 0 ||
      !sc_channel_secret_store_sync (sc_store_get_path (store), id, argv[1], secret, NULL, &error))
    {
      wipe (secret);
      /* No channel without its secret. */
      if (id != 0)
        {
          g_autofree char *sql = g_strdup_printf ("DELETE FROM alert_channels WHERE id = %lld",
                                                  (long long)id);

          _sc_store_exec (store, sql, NULL);
        }
      return sc_cli_data_error (error);
    }
  wipe (secret);

  printf (_("Added the %s channel “%s” (id %lld).\n"), kind, argv[1], (long long)id);

  return SC_CLI_EXIT_OK;
}

static int
cmd_channels (ScCliGlobals  *globals,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScCliTable) table = sc_cli_table_new (4);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  int status;

  g_option_context_set_summary (context, _("The alert channels, with how their deliveries went."));
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (!(store = sc_cli_open_store (globals, &error)))
    return sc_cli_data_error (error);

  stmt = _sc_store_prepare (store,
                            "SELECT c.name, c.kind, c.enabled, "
                            "  (SELECT count(*) FROM alert_deliveries d WHERE d.channel_id = c.id "
                            "     AND d.state = 'delivered'), "
                            "  (SELECT count(*) FROM alert_deliveries d WHERE d.channel_id = c.id "
                            "     AND d.state IN ('pending', 'sending')), "
                            "  (SELECT count(*) FROM alert_deliveries d WHERE d.channel_id = c.id "
                            "     AND d.state = 'failed') "
                            "FROM alert_channels c ORDER BY c.name",
                            &error);
  if (stmt == NULL)
    return sc_cli_data_error (error);

  sc_cli_table_set_header (table, 0, _("Channel"), SC_CLI_ALIGN_LEFT);
  sc_cli_table_set_header (table, 1, _("Kind"), SC_CLI_ALIGN_LEFT);
  sc_cli_table_set_header (table, 2, _("On"), SC_CLI_ALIGN_LEFT);
  sc_cli_table_set_header (table, 3, _("Sent / waiting / failed"), SC_CLI_ALIGN_RIGHT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *counts = g_strdup_printf ("%d / %d / %d", sqlite3_column_int (stmt, 3),
                                                 sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 5));
      const char *cells[] = { _sc_column_text (stmt, 0), _sc_column_text (stmt, 1),
                              sqlite3_column_int (stmt, 2) ? _("yes") : _("no"), counts };

      sc_cli_table_add_row (table, cells);
    }
  sqlite3_reset (stmt);

  text = sc_cli_table_render (table);
  g_string_append (out, text);
  if (!sc_cli_write_out (out, &error))
    return sc_cli_data_error (error);

  return SC_CLI_EXIT_OK;
}

static int
cmd_test_channel (ScCliGlobals  *globals,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME"));
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScAlertSender) sender = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ScAlertSendResult) result = { 0, };
  g_autofree char *kind = NULL;
  g_autofree char *config = NULL;
  char *secret;
  gint64 id;
  int status;

  g_option_context_set_summary (context, _("Send a test notification to one channel now, and say "
                                           "what came of it. Nothing is recorded."));
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (argc != 2)
    return sc_cli_usage_error (context, _("alerts test-channel needs the channel’s name"));

  if (!(store = sc_cli_open_store (globals, &error)) ||
      !(id = find_channel (store, argv[1], &kind, &config, &error)))
    return sc_cli_data_error (error);

  sender = sc_alert_sender_new (SEND_TIMEOUT_SECONDS);
  secret = sc_alert_store_secret_lookup (id, store);
  sc_alert_sender_send_test (sender, id, kind, argv[1], config, secret, now_utc (), NULL, &result);
  wipe (secret);

  if (result.outcome == SC_ALERT_DELIVERY_DELIVERED)
    {
      printf (_("The test notification reached “%s”.\n"), argv[1]);
      return SC_CLI_EXIT_OK;
    }

  fprintf (stderr, _("scorecard-cli: the test notification did not reach “%s”: %s\n"), argv[1],
           result.reason ? result.reason : "");
  return SC_CLI_EXIT_DATA;
}

static int
cmd_add_rule (ScCliGlobals  *globals,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME JSON"));
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScAlertRule) rule = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) channels = NULL;
  gint64 id;
  int status;
  const GOptionEntry entries[] = {
    { "channel", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &channels, N_("A channel to notify (repeat for more)"),
      N_("NAME") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Add an alert rule, described as JSON, e.g. {\"metric\": "
                                  "\"achievement\", \"comparison\": \"below\", \"level\": 90, "
                                  "\"severity\": \"critical\", \"scope\": \"department\", "
                                  "\"department\": \"sales\"}. See the README for every member."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (argc != 3)
    return sc_cli_usage_error (context, _("alerts add-rule needs a name and the rule as JSON"));

  if (!(rule = sc_alert_rule_from_json (argv[2], argv[1], &error)))
    return sc_cli_data_error (error);
  if (!(store = sc_cli_open_store (globals, &error)))
    return sc_cli_data_error (error);

  for (guint i = 0; channels != NULL && channels[i] != NULL; i++)
    {
      gint64 channel = find_channel (store, channels[i], NULL, NULL, &error);

      if (channel == 0)
        return sc_cli_data_error (error);
      g_array_append_val (ids, channel);
    }

  if (!(id = sc_store_add_alert_rule (store, rule, (const gint64 *)(gpointer)ids->data, ids->len, now_utc (),
                                      &error)))
    return sc_cli_data_error (error);

  printf (_("Added the alert rule “%s” (id %lld).\n"), argv[1], (long long)id);

  return SC_CLI_EXIT_OK;
}

static int
cmd_rules (ScCliGlobals  *globals,
           int            argc,
           char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context, _("The alert rules, as JSON lines: id, name, channels and "
                                           "definition."));
  if ((status = sc_cli_parse_options (context, &argc, &argv)) != SC_CLI_EXIT_OK)
    return status;
  if (!(store = sc_cli_open_store (globals, &error)) || !(rules = sc_store_list_alert_rules (store, &error)))
    return sc_cli_data_error (error);

  for (guint i = 0; i < rules->len; i++)
    {
      ScStoredAlertRule *stored = g_ptr_array_index (rules, i);
      g_autofree char *definition = sc_alert_rule_to_json (stored->rule);
      ScJsonWriter writer;

      sc_json_writer_init (&writer, out, FALSE);
      sc_json_writer_begin_object (&writer);
      sc_json_writer_member (&writer, "id");
      sc_json_writer_int (&writer, stored->rule->id);
      sc_json_writer_member (&writer, "name");
      sc_json_writer_string (&writer, stored->rule->name);
      sc_json_writer_member (&writer, "enabled");
      sc_json_writer_boolean (&writer, stored->enabled);
      sc_json_writer_member (&writer, "channels");
      sc_json_writer_begin_array (&writer);
      for (guint c = 0; c < stored->channels->len; c++)
        sc_json_writer_int (&writer, g_array_index (stored->channels, gint64, c));
      sc_json_writer_end_array (&writer);
      sc_json_writer_end_object (&writer);
      /* The definition is JSON already: spliced in as it is. */
      g_string_truncate (out, out->len - 1);
      g_string_append_printf (out, ",\"definition\":%s}\n", definition);
    }

  if (!sc_cli_write_out (out, &error))
    return sc_cli_data_error (error);

  return SC_CLI_EXIT_OK;
}

/**
 * sc_cli_alerts_after_sync:
 * @store: the store, just synced
 * @events: (out): new alert events
 * @delivered: (out): notifications sent
 *
 * What `sync` does once the data is in: every rule evaluated, then what is
 * due sent. A failure here is said on stderr; it never fails the sync,
 * whose data is in, and the deliveries wait for the next run.
 */
void
sc_cli_alerts_after_sync (ScStore *store,
                          guint   *events,
                          guint   *delivered)
{
  g_auto(ScAlertRunReport) report = { 0, };
  g_autoptr(GError) error = NULL;
  ScAlertDrainReport drained = { 0, };

  *events = 0;
  *delivered = 0;

  if (!sc_alert_run (store, now_utc (), NULL, &report, &error) || !deliver (store, &drained, &error))
    {
      fprintf (stderr, _("scorecard-cli: the alert rules could not run after the sync: %s\n"),
               error->message);
      return;
    }

  *events = report.events;
  *delivered = drained.delivered;
}

static const Subcommand subcommands[] = {
  { "list", "", N_("Active alerts (--all: resolved too)"), cmd_list },
  { "ack", N_("RULE-ID KPI"), N_("Acknowledge an alert"), cmd_ack },
  { "snooze", N_("RULE-ID KPI"), N_("Snooze a rule for a KPI (--hours, --comment)"), cmd_snooze },
  { "run", "", N_("Evaluate the rules and send what is due"), cmd_run },
  { "deliver", "", N_("Send the notifications that are due"), cmd_deliver },
  { "rules", "", N_("List the rules"), cmd_rules },
  { "add-rule", N_("NAME JSON"), N_("Add a rule"), cmd_add_rule },
  { "channels", "", N_("List the channels"), cmd_channels },
  { "add-channel", N_("NAME"), N_("Add a channel; its secret on standard input"), cmd_add_channel },
  { "test-channel", N_("NAME"), N_("Send a test notification"), cmd_test_channel },
};

int
sc_cli_cmd_alerts (ScCliGlobals  *globals,
                   int            argc,
                   char         **argv)
{
  const char *name = argc > 1 ? argv[1] : "list";

  /* "alerts --json" is "alerts list --json". */
  if (argc > 1 && argv[1][0] == '-' && !g_str_equal (argv[1], "--help") && !g_str_equal (argv[1], "-h"))
    name = "list";
  else if (argc > 1)
    {
      argc--;
      argv++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (name, subcommands[i].name))
      return subcommands[i].run (globals, argc, argv);

  if (g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    {
      printf (_("Usage: scorecard-cli alerts COMMAND [OPTION…]; COMMAND --help tells more.\n"));
      for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
        printf ("  alerts %-13s %-12s %s\n", subcommands[i].name, _(subcommands[i].args),
                _(subcommands[i].summary));
      return SC_CLI_EXIT_OK;
    }

  fprintf (stderr, _("scorecard-cli: “%s” is not an alerts command. They are:\n"), name);
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (stderr, "  alerts %-13s %-12s %s\n", subcommands[i].name, _(subcommands[i].args),
             _(subcommands[i].summary));

  return SC_CLI_EXIT_USAGE;
}
