/* test-cli-alerts.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* scorecard-cli alerts end to end, on a demo store: a channel whose secret
 * comes on standard input and lands in the keyring (libsecret's file
 * backend) and nowhere else, a rule, a run that fires and queues, the list,
 * an acknowledgement, and clear refusals. Nothing listens at the channel's
 * address, so its deliveries wait for a retry. */

#define HOOK_SECRET "http://127.0.0.1:9/hooks/T0SECRET0B0"

typedef struct
{
  char  *dir;
  char  *store;
  char  *keyring;
  char **envp;
} Fixture;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static const char *cli_path;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
cli (Fixture    *fixture,
     Run        *run,
     const char *input,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdin_path = g_build_filename (fixture->dir, "stdin.txt", NULL);
  va_list args;

  g_ptr_array_add (argv, (gpointer)cli_path);
  g_ptr_array_add (argv, (gpointer)"--store");
  g_ptr_array_add (argv, fixture->store);
  va_start (args, input);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_file_set_contents (stdin_path, input ? input : "", -1, &error);
  g_assert_no_error (error);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, fixture->envp);
  g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_unlink (stdin_path);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0, };

  fixture->dir = g_dir_make_tmp ("sc-cli-alerts-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->keyring = g_build_filename (fixture->dir, "keyring", NULL);
  fixture->envp = g_get_environ ();
  fixture->envp = g_environ_setenv (fixture->envp, "SECRET_BACKEND", "file", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "SECRET_FILE_TEST_PATH", fixture->keyring, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "no_proxy", "127.0.0.1", TRUE);

  cli (fixture, &demo, NULL, "demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->store);
  g_free (fixture->keyring);
  g_strfreev (fixture->envp);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &bytes, &length, NULL))
    return FALSE;

  return g_strstr_len (bytes, length, needle) != NULL;
}

static void
test_rule_to_acknowledgement (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(Run) channel = { 0, };
  g_auto(Run) rule = { 0, };
  g_auto(Run) first = { 0, };
  g_auto(Run) second = { 0, };
  g_auto(Run) list = { 0, };
  g_auto(Run) ack = { 0, };
  g_auto(Run) after = { 0, };
  g_auto(Run) channels = { 0, };
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) alerts = NULL;
  g_autoptr(JsonNode) acknowledged = NULL;
  g_autofree char *rule_id = NULL;
  JsonObject *alert;
  const char *suffixes[] = { "", "-wal", "-shm" };

  cli (fixture, &channel, HOOK_SECRET "\n", "alerts", "add-channel", "ops", "--kind", "webhook", NULL);
  g_assert_cmpint (channel.status, ==, 0);
  cli (fixture, &rule, NULL, "alerts", "add-rule", "Below 80 %",
       "{\"metric\": \"achievement\", \"comparison\": \"below\", \"level\": 80, \"severity\": \"critical\"}",
       "--channel", "ops", NULL);
  g_assert_cmpint (rule.status, ==, 0);

  /* The demo has KPIs under 80 % of target: they fire, once. */
  cli (fixture, &first, NULL, "alerts", "run", "--json", NULL);
  g_assert_cmpint (first.status, ==, 0);
  report = json_from_string (first.out, NULL);
  g_assert_nonnull (report);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report), "events"), >, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report), "critical"), ==,
                   json_object_get_int_member (json_node_get_object (report), "events"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report), "retrying"), ==,
                   json_object_get_int_member (json_node_get_object (report), "events"));
  cli (fixture, &second, NULL, "alerts", "run", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, ": 0 new alert events"));

  cli (fixture, &list, NULL, "alerts", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  alerts = json_from_string (list.out, NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (alerts)), ==,
                   json_object_get_int_member (json_node_get_object (report), "events"));
  alert = json_array_get_object_element (json_node_get_array (alerts), 0);
  g_assert_cmpstr (json_object_get_string_member (alert, "status"), ==, "firing");
  g_assert_nonnull (strstr (json_object_get_string_member (alert, "message"), "below 80 %"));

  rule_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (alert, "rule_id"));
  cli (fixture, &ack, NULL, "alerts", "ack", rule_id, json_object_get_string_member (alert, "kpi"),
       "--comment", "Looking into it", NULL);
  g_assert_cmpint (ack.status, ==, 0);
  cli (fixture, &after, NULL, "alerts", "list", "--json", NULL);
  acknowledged = json_from_string (after.out, NULL);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (acknowledged)); i++)
    {
      JsonObject *row = json_array_get_object_element (json_node_get_array (acknowledged), i);

      if (g_str_equal (json_object_get_string_member (row, "kpi"), json_object_get_string_member (alert, "kpi")))
        {
          g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "acknowledged");
          g_assert_cmpstr (json_object_get_string_member (row, "comment"), ==, "Looking into it");
        }
    }

  {
    g_auto(Run) snooze = { 0, };
    g_auto(Run) bad = { 0, };

    cli (fixture, &snooze, NULL, "alerts", "snooze", rule_id, json_object_get_string_member (alert, "kpi"),
         "--hours", "8", "--comment", "Quarter close", NULL);
    g_assert_cmpint (snooze.status, ==, 0);
    g_assert_nonnull (strstr (snooze.out, "Snoozed rule"));
    cli (fixture, &bad, NULL, "alerts", "snooze", rule_id, json_object_get_string_member (alert, "kpi"),
         "--hours", "0", NULL);
    g_assert_cmpint (bad.status, ==, 1);
  }

  cli (fixture, &channels, NULL, "alerts", "channels", NULL);
  g_assert_nonnull (strstr (channels.out, "ops"));

  /* The webhook's address is in the keyring, and nowhere else. */
  g_assert_true (g_file_test (fixture->keyring, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->store, suffixes[i], NULL);

      g_assert_false (file_contains (path, "T0SECRET0B0"));
    }
  g_assert_null (strstr (first.out, "T0SECRET0B0"));
  g_assert_null (strstr (first.err, "T0SECRET0B0"));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) bad_json = { 0, };
  g_auto(Run) bad_channel = { 0, };
  g_auto(Run) bad_kind = { 0, };
  g_auto(Run) not_firing = { 0, };
  g_auto(Run) unknown = { 0, };

  cli (fixture, &bad_json, NULL, "alerts", "add-rule", "Bad", "{\"level\": \"high\"}", NULL);
  g_assert_cmpint (bad_json.status, ==, 2);
  g_assert_nonnull (strstr (bad_json.err, "“level” must be a number"));

  cli (fixture, &bad_channel, NULL, "alerts", "add-rule", "Nowhere", "{}", "--channel", "missing", NULL);
  g_assert_cmpint (bad_channel.status, ==, 2);
  g_assert_nonnull (strstr (bad_channel.err, "no alert channel named “missing”"));

  cli (fixture, &bad_kind, "x\n", "alerts", "add-channel", "Mail", "--kind", "pigeon", NULL);
  g_assert_cmpint (bad_kind.status, ==, 1);

  cli (fixture, &not_firing, NULL, "alerts", "ack", "1", "Revenue", NULL);
  g_assert_cmpint (not_firing.status, ==, 2);

  cli (fixture, &unknown, NULL, "alerts", "explode", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "alerts add-rule"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("SCORECARD_CLI");
  if (cli_path == NULL)
    {
      g_test_skip ("SCORECARD_CLI is not set; run with meson test");
      return g_test_run ();
    }

  g_test_add ("/cli/alerts/rule-to-acknowledgement", Fixture, NULL, fixture_setup,
              test_rule_to_acknowledgement, fixture_teardown);
  g_test_add ("/cli/alerts/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);

  return g_test_run ();
}
