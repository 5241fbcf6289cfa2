/* test-import.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include "sc-export.h"
#include "sc-import.h"
#include "test-fixture.h"

#define OPEN GINT_TO_POINTER (1)

static gboolean
import_text (StoreFixture    *fixture,
             const char      *text,
             ScImportKind     kind,
             gboolean         skip_bad,
             ScImportReport **report_out,
             GError         **error)
{
  ScImportReport *report = sc_import_report_new ();
  gboolean ok;

  ok = sc_import_csv_data (fixture->store, "data.csv", text, strlen (text), kind, skip_bad,
                           report, error);
  *report_out = report;

  return ok;
}

static gboolean
problems_contain (ScImportReport *report,
                  const char     *needle)
{
  for (guint i = 0; i < report->problems->len; i++)
    if (strstr (g_ptr_array_index (report->problems, i), needle) != NULL)
      return TRUE;

  return FALSE;
}

static void
dump_problems (ScImportReport *report)
{
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("problem: %s", (const char *)g_ptr_array_index (report->problems, i));
}

static void
add_user (StoreFixture *fixture,
          const char   *login)
{
  g_autoptr(GError) error = NULL;

  sc_store_ensure_user (fixture->store, login, NULL, SC_KPI_ROLE_USER, &error);
  g_assert_no_error (error);
}

/* KPI definitions */

static void
test_kpis_good (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(ScImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKpi) kpi = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  const char *csv =
    "\xEF\xBB\xBF" "name,group,kpi_type,target_type,target_value,priority,direction,report_type,department,note,assigned\r\n"
    "Revenue,Sales Scorecard,manual,currency,125000,5,higher_better,monthly,sales,,zoe\r\n"
    "\"Zoë Ångström's Umsatz, brutto\",Sales Scorecard,manual,currency,9000,4,Higher is better,Monthly,Sales,\"two\r\nlines\",\r\n"
    "Response time,,auto,duration,4,3,lower,daily,technician,,\"zoe; kenji\"\r\n"
    "\r\n"
    "Uptime,IT,manual,percent,99.9,,,,it,,\r\n";

  add_user (fixture, "zoe");
  add_user (fixture, "kenji");

  g_assert_true (import_text (fixture, csv, SC_IMPORT_AUTO, FALSE, &report, &error));
  dump_problems (report);
  g_assert_no_error (error);
  g_assert_cmpint (report->kind, ==, SC_IMPORT_KPIS);
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_created, ==, 4);
  g_assert_cmpuint (report->problems->len, ==, 0);

  kpi = sc_store_find_kpi (fixture->store, "Zoë Ångström's Umsatz, brutto", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_kpi_get_group_name (kpi), ==, "Sales Scorecard");
  g_assert_cmpstr (sc_kpi_get_note (kpi), ==, "two\r\nlines");
  g_assert_cmpint (sc_kpi_get_direction (kpi), ==, SC_DIRECTION_HIGHER_BETTER);
  g_assert_cmpint (sc_kpi_get_report_type (kpi), ==, SC_REPORT_TYPE_MONTHLY);
  g_assert_cmpint (sc_kpi_get_priority (kpi), ==, 4);
  g_clear_object (&kpi);

  kpi = sc_store_find_kpi (fixture->store, "response time", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_kpi_get_kpi_type (kpi), ==, SC_KPI_TYPE_AUTO);
  g_assert_cmpint (sc_kpi_get_direction (kpi), ==, SC_DIRECTION_LOWER_BETTER);
  g_assert_cmpint (sc_kpi_get_department (kpi), ==, SC_DEPARTMENT_TECHNICIAN);
  g_assert_cmpstrv (sc_kpi_get_assignees (kpi), ((const char * const[]) { "zoe", "kenji", NULL }));
  g_clear_object (&kpi);

  /* Defaults fill what a row leaves empty. */
  kpi = sc_store_find_kpi (fixture->store, "Uptime", &error);
  g_assert_cmpint (sc_kpi_get_priority (kpi), ==, 3);
  g_assert_cmpint (sc_kpi_get_kpi_type (kpi), ==, SC_KPI_TYPE_MANUAL);
  g_clear_object (&kpi);

  /* Importing again updates in place. */
  g_clear_pointer (&report, sc_import_report_free);
  g_assert_true (import_text (fixture, "name,group,target_value\nRevenue,Sales Scorecard,130000\n",
                              SC_IMPORT_KPIS, FALSE, &report, &error));
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->n_created, ==, 0);
  kpis = sc_store_list_kpis (fixture->store, &error);
  g_assert_cmpuint (kpis->len, ==, 4);
}

typedef struct
{
  const char *row;
  const char *field;
} BadKpiRow;

static void
test_kpis_each_bad_row (StoreFixture  *fixture,
                        gconstpointer  data)
{
  static const BadKpiRow bad[] = {
    { ",,manual,number,1,3,higher_better,daily,sales", "name" },
    { "A,,robot,number,1,3,higher_better,daily,sales", "kpi_type" },
    { "B,,manual,money,1,3,higher_better,daily,sales", "target_type" },
    { "C,,manual,number,-5,3,higher_better,daily,sales", "target_value" },
    { "D,,manual,percent,150,3,higher_better,daily,sales", "target_value" },
    { "E,,manual,boolean,0.5,3,higher_better,daily,sales", "target_value" },
    { "F,,manual,number,nan,3,higher_better,daily,sales", "target_value" },
    { "G,,manual,number,12abc,3,higher_better,daily,sales", "target_value" },
    { "H,,manual,number,1,9,higher_better,daily,sales", "priority" },
    { "I,,manual,number,1,3,sideways,daily,sales", "direction" },
    { "J,,manual,number,1,3,higher_better,hourly,sales", "report_type" },
    { "K,,manual,number,1,3,higher_better,daily,legal", "department" },
    { "L,,manual,number,1,3,higher_better,daily,sales,ghost", "assigned" },
    { "M,,manual,number,1,3,higher_better,daily,sales,,extra", NULL },
  };
  const char *header = "name,group,kpi_type,target_type,target_value,priority,direction,"
                       "report_type,department,assigned\n";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(ScImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = g_strconcat (header, "Good,,manual,number,1,3,higher_better,daily,sales\n",
                                          bad[i].row, "\n", NULL);
      g_autofree char *where = NULL;

      g_test_message ("row: %s", bad[i].row);
      g_assert_false (import_text (fixture, csv, SC_IMPORT_KPIS, FALSE, &report, &error));
      g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "nothing was imported"));
      g_assert_cmpuint (report->problems->len, ==, 1);

      where = bad[i].field != NULL ? g_strdup_printf ("data.csv:3: %s: ", bad[i].field)
                                   : g_strdup ("data.csv:3: ");
      dump_problems (report);
      g_assert_true (problems_contain (report, where));

      /* All or nothing: the good row was not kept either. */
      g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 0);
    }
}

static void
test_kpis_skip_bad (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    "name,target_type,target_value\n"
    "Good one,number,10\n"
    "Bad one,number,-1\n"
    "Another good,percent,90\n"
    "Bad two,percent,150\n";

  g_assert_false (import_text (fixture, csv, SC_IMPORT_KPIS, FALSE, &report, &error));
  g_assert_cmpuint (report->problems->len, ==, 2);
  g_assert_true (problems_contain (report, "data.csv:3: target_value: Target value cannot be negative"));
  g_assert_true (problems_contain (report, "data.csv:5: target_value: Percentage target cannot exceed 100%"));
  g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 0);
  g_clear_pointer (&report, sc_import_report_free);
  g_clear_error (&error);

  g_assert_true (import_text (fixture, csv, SC_IMPORT_KPIS, TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpuint (report->n_skipped, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 2);
  g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 2);
}

static void
test_header_problems (StoreFixture  *fixture,
                      gconstpointer  data)
{
  static const struct { const char *csv; ScImportKind kind; const char *message; } cases[] = {
    { "", SC_IMPORT_AUTO, "data.csv: the file is empty" },
    { "name,colour\nA,red\n", SC_IMPORT_KPIS, "data.csv:1: unknown column “colour”" },
    { "name,name\nA,B\n", SC_IMPORT_KPIS, "appears twice" },
    { "group,target_value\nA,1\n", SC_IMPORT_KPIS, "no “name” column" },
    { "kpi,value\nA,1\n", SC_IMPORT_SUBMISSIONS, "no “date” column" },
    { "what,ever\n1,2\n", SC_IMPORT_AUTO, "neither KPI definitions" },
    { "\"name,broken\n", SC_IMPORT_AUTO, "data.csv: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (import_text (fixture, cases[i].csv, cases[i].kind, TRUE, &report, &error));
      g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_malformed_csv_rows (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(ScImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    "name,target_value\n"
    "Fine,1\n"
    "Bro\"ken,2\n"
    "Also fine,3\n"
    "Bad \xff\xfe bytes,4\n"
    "Last,\"5\n";

  g_assert_false (import_text (fixture, csv, SC_IMPORT_KPIS, FALSE, &report, &error));
  dump_problems (report);
  g_assert_true (problems_contain (report, "line 3"));
  g_assert_true (problems_contain (report, "line 5"));
  g_assert_true (problems_contain (report, "line 6"));
  g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 0);
  g_clear_pointer (&report, sc_import_report_free);
  g_clear_error (&error);

  g_assert_true (import_text (fixture, csv, SC_IMPORT_KPIS, TRUE, &report, &error));
  g_assert_cmpint (sc_store_count_kpis (fixture->store), ==, 2);
}

/* Submissions */

static void
setup_kpis (StoreFixture *fixture)
{
  g_autoptr(ScImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  add_user (fixture, "alice");
  add_user (fixture, "bob");
  g_assert_true (import_text (fixture,
                              "name,group,target_type,target_value,direction\n"
                              "Revenue,North,currency,1000,higher_better\n"
                              "Revenue,South,currency,1000,higher_better\n"
                              "Churn,,percent,3,lower_better\n",
                              SC_IMPORT_KPIS, FALSE, &report, &error));
  g_assert_no_error (error);
}

static void
test_submissions_good (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(ScImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScKpi) churn = NULL;
  const char *csv =
    "kpi,group,user,date,value,note\n"
    "Revenue,North,alice,2026-11-27T09:00:00Z,900,\n"
    "Revenue,South,alice,2026-11-27T09:00:00Z,1100,\n"
    "Churn,,bob,2026-11-27T09:00:00Z,4,\"too high, again\"\n"
    "Churn,,bob,2026-11-27T17:00:00Z,3.5,later that day\n"
    "#3,,bob,2026-11-28,2.5,by id with a plain date\n"
    "churn,,,2026-11-28 10:00,3,no user\n";

  setup_kpis (fixture);
  g_assert_true (import_text (fixture, csv, SC_IMPORT_AUTO, FALSE, &report, &error));
  dump_problems (report);
  g_assert_no_error (error);
  g_assert_cmpint (report->kind, ==, SC_IMPORT_SUBMISSIONS);
  g_assert_cmpuint (report->n_rows, ==, 6);
  /* The second Churn row of the 27th overwrote the first. */
  g_assert_cmpuint (report->n_created, ==, 5);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpint (sc_store_count_submissions (fixture->store), ==, 5);

  /* Imports are local history: nothing is queued for the server. */
  g_assert_cmpint (sc_store_count_outbox (fixture->store), ==, 0);

  churn = sc_store_find_kpi (fixture->store, "Churn", &error);
  g_assert_no_error (error);
  /* The newest row is the plain date, read as noon local time. */
  g_assert_cmpfloat (sc_kpi_get_value (churn), ==, 2.5);
  g_assert_cmpfloat (sc_kpi_get_achievement (churn), ==, 100);
}

static void
test_submissions_bad_rows (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(ScImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    "kpi,user,date,value\n"
    "Churn,alice,2026-11-27T09:00:00Z,1\n"
    "Revenue,alice,2026-11-27T09:00:00Z,1\n"
    "Nope,alice,2026-11-27T09:00:00Z,1\n"
    "Churn,carol,2026-11-27T09:00:00Z,1\n"
    "Churn,alice,yesterday,1\n"
    "Churn,alice,2026-02-30T09:00:00Z,1\n"
    "Churn,alice,2026-11-27T09:00:00Z,nan\n"
    "Churn,alice,2026-11-27T09:00:00Z,inf\n"
    "Churn,alice,2026-11-27T09:00:00Z,\n"
    "Churn,alice,,1\n"
    "Churn,alice,2026-11-27T09:00:00Z,-1\n";

  setup_kpis (fixture);
  g_assert_false (import_text (fixture, csv, SC_IMPORT_SUBMISSIONS, FALSE, &report, &error));
  dump_problems (report);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_true (problems_contain (report, "data.csv:3: kpi: several KPIs are named “Revenue”"));
  g_assert_true (problems_contain (report, "data.csv:4: kpi: there is no KPI “Nope”"));
  g_assert_true (problems_contain (report, "data.csv:5: user:"));
  g_assert_true (problems_contain (report, "data.csv:6: date:"));
  g_assert_true (problems_contain (report, "data.csv:7: date:"));
  g_assert_true (problems_contain (report, "data.csv:8: value:"));
  g_assert_true (problems_contain (report, "data.csv:9: value:"));
  g_assert_true (problems_contain (report, "data.csv:10: value:"));
  g_assert_true (problems_contain (report, "data.csv:11: date:"));
  /* A lower-is-better KPI with a negative value would be negative too. */
  g_assert_true (problems_contain (report, "data.csv:12: value:"));
  g_assert_cmpuint (report->n_skipped, ==, 10);
  g_assert_cmpint (sc_store_count_submissions (fixture->store), ==, 0);
  g_clear_pointer (&report, sc_import_report_free);
  g_clear_error (&error);

  g_assert_true (import_text (fixture, csv, SC_IMPORT_SUBMISSIONS, TRUE, &report, &error));
  g_assert_cmpuint (report->n_created, ==, 1);
  g_assert_cmpint (sc_store_count_submissions (fixture->store), ==, 1);
}

/* Export, then import into a new store: the same data. */
static void
test_round_trip (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(ScImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) kpis_out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) subs_out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) again_out = g_memory_output_stream_new_resizable ();
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(ScStore) other = NULL;
  g_autofree char *kpis_csv = NULL;
  g_autofree char *subs_csv = NULL;
  g_autofree char *again_csv = NULL;
  const char *csv =
    "kpi,group,user,date,value,note\n"
    "Revenue,North,alice,2026-11-27T09:00:00Z,900.125,\"quote \"\"this\"\", and, commas\"\n"
    "Churn,,bob,2026-11-27T09:00:00Z,4,\"multi\nline\"\n";

  setup_kpis (fixture);
  g_assert_true (import_text (fixture, csv, SC_IMPORT_SUBMISSIONS, FALSE, &report, &error));
  g_assert_no_error (error);

  g_assert_true (sc_export_write (fixture->store, SC_EXPORT_KPIS, SC_EXPORT_CSV, kpis_out, &error));
  g_assert_true (sc_export_write (fixture->store, SC_EXPORT_SUBMISSIONS, SC_EXPORT_CSV, subs_out, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (kpis_out, "", 1, NULL, NULL, NULL);
  g_output_stream_write_all (subs_out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (kpis_out, NULL, NULL);
  g_output_stream_close (subs_out, NULL, NULL);
  kpis_csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (kpis_out));
  subs_csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (subs_out));

  other = sc_store_open (other_path, &error);
  g_assert_no_error (error);
  sc_store_ensure_user (other, "alice", NULL, SC_KPI_ROLE_USER, NULL);
  sc_store_ensure_user (other, "bob", NULL, SC_KPI_ROLE_USER, NULL);

  g_clear_pointer (&report, sc_import_report_free);
  report = sc_import_report_new ();
  g_assert_true (sc_import_csv_data (other, "kpis.csv", kpis_csv, strlen (kpis_csv),
                                     SC_IMPORT_AUTO, FALSE, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 3);
  g_clear_pointer (&report, sc_import_report_free);
  report = sc_import_report_new ();
  g_assert_true (sc_import_csv_data (other, "subs.csv", subs_csv, strlen (subs_csv),
                                     SC_IMPORT_AUTO, FALSE, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 2);

  g_assert_true (sc_export_write (other, SC_EXPORT_SUBMISSIONS, SC_EXPORT_CSV, again_out, &error));
  g_output_stream_write_all (again_out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (again_out, NULL, NULL);
  again_csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (again_out));
  g_assert_cmpstr (again_csv, ==, subs_csv);

  g_assert_finalize_object (g_steal_pointer (&other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/core/import/kpis-good", test_kpis_good, OPEN);
  STORE_TEST ("/core/import/kpis-each-bad-row", test_kpis_each_bad_row, OPEN);
  STORE_TEST ("/core/import/kpis-skip-bad", test_kpis_skip_bad, OPEN);
  STORE_TEST ("/core/import/header-problems", test_header_problems, OPEN);
  STORE_TEST ("/core/import/malformed-csv-rows", test_malformed_csv_rows, OPEN);
  STORE_TEST ("/core/import/submissions-good", test_submissions_good, OPEN);
  STORE_TEST ("/core/import/submissions-bad-rows", test_submissions_bad_rows, OPEN);
  STORE_TEST ("/core/import/round-trip", test_round_trip, OPEN);

  return g_test_run ();
}
