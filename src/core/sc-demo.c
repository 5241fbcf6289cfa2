/* sc-demo.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-demo.h"
#include "sc-period.h"
#include "sc-store-private.h"

/* A realistic store to try the app on and to benchmark it: the addon's ten
 * departments, a report group each, a few users per role, and KPIs whose
 * histories have a trend, weekly and yearly seasonality, noise, rare
 * anomalies and the occasional level shift. Everything comes from one
 * seeded GRand, so a seed and an end date always give the same store. */

typedef struct
{
  const char   *name;
  ScDepartment  department;
  ScTargetType  target_type;
  double        target;
  ScDirection   direction;
  ScReportType  report_type;
  int           priority;
  /* Typical level as a fraction of the target, and the noise around it. */
  double        level;
  double        noise;
  /* Relative change over the whole history. */
  double        trend;
  /* Amplitude of the weekday pattern (weekends lower) and yearly swing. */
  double        weekly;
  double        yearly;
} KpiTemplate;

static const KpiTemplate templates[] = {
  { N_("Revenue"), SC_DEPARTMENT_SALES, SC_TARGET_TYPE_CURRENCY, 125000, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 5, 0.93, 0.06, 0.15, 0.0, 0.12 },
  { N_("Daily Sales"), SC_DEPARTMENT_SALES, SC_TARGET_TYPE_CURRENCY, 4200, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 4, 0.95, 0.10, 0.10, 0.35, 0.10 },
  { N_("Conversion Rate"), SC_DEPARTMENT_SALES, SC_TARGET_TYPE_PERCENT, 3.5, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 4, 0.90, 0.08, 0.08, 0.10, 0.05 },
  { N_("New Customers"), SC_DEPARTMENT_SALES, SC_TARGET_TYPE_NUMBER, 60, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_WEEKLY, 3, 0.97, 0.12, 0.10, 0.0, 0.08 },
  { N_("Average Deal Size"), SC_DEPARTMENT_SALES, SC_TARGET_TYPE_CURRENCY, 8500, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_WEEKLY, 3, 0.88, 0.09, 0.05, 0.0, 0.04 },
  { N_("Quota Attainment"), SC_DEPARTMENT_SALES, SC_TARGET_TYPE_PERCENT, 100, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 4, 0.86, 0.07, 0.04, 0.0, 0.06 },
  { N_("Tickets Closed"), SC_DEPARTMENT_TECHNICIAN, SC_TARGET_TYPE_NUMBER, 45, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 4, 1.00, 0.12, 0.06, 0.45, 0.03 },
  { N_("First Response Time"), SC_DEPARTMENT_TECHNICIAN, SC_TARGET_TYPE_DURATION, 4, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_DAILY, 5, 1.08, 0.15, -0.12, 0.20, 0.05 },
  { N_("Repeat Visits"), SC_DEPARTMENT_TECHNICIAN, SC_TARGET_TYPE_NUMBER, 6, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_WEEKLY, 3, 1.10, 0.20, -0.05, 0.0, 0.02 },
  { N_("Jobs Completed On Time"), SC_DEPARTMENT_TECHNICIAN, SC_TARGET_TYPE_PERCENT, 92, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 4, 0.97, 0.04, 0.02, 0.05, 0.02 },
  { N_("On-Time Delivery"), SC_DEPARTMENT_OPERATIONS, SC_TARGET_TYPE_PERCENT, 95, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 5, 0.97, 0.03, 0.02, 0.04, 0.03 },
  { N_("Order Cycle Time"), SC_DEPARTMENT_OPERATIONS, SC_TARGET_TYPE_DURATION, 36, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_WEEKLY, 4, 1.05, 0.10, -0.08, 0.0, 0.06 },
  { N_("Inventory Turnover"), SC_DEPARTMENT_OPERATIONS, SC_TARGET_TYPE_NUMBER, 8, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 3, 0.92, 0.06, 0.06, 0.0, 0.05 },
  { N_("Defect Rate"), SC_DEPARTMENT_OPERATIONS, SC_TARGET_TYPE_PERCENT, 1.5, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_WEEKLY, 4, 1.10, 0.18, -0.10, 0.0, 0.03 },
  { N_("Safety Audit Passed"), SC_DEPARTMENT_OPERATIONS, SC_TARGET_TYPE_BOOLEAN, 1, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 5, 0.92, 0.0, 0.0, 0.0, 0.0 },
  { N_("Store Footfall"), SC_DEPARTMENT_STORE, SC_TARGET_TYPE_NUMBER, 1800, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 3, 0.96, 0.09, 0.04, -0.30, 0.15 },
  { N_("Basket Size"), SC_DEPARTMENT_STORE, SC_TARGET_TYPE_CURRENCY, 42, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 3, 0.95, 0.07, 0.05, -0.10, 0.08 },
  { N_("Stock-Out Rate"), SC_DEPARTMENT_STORE, SC_TARGET_TYPE_PERCENT, 2, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_WEEKLY, 4, 1.15, 0.20, -0.10, 0.0, 0.10 },
  { N_("Shrinkage"), SC_DEPARTMENT_STORE, SC_TARGET_TYPE_PERCENT, 1.2, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_MONTHLY, 3, 1.05, 0.12, 0.0, 0.0, 0.04 },
  { N_("Website Visitors"), SC_DEPARTMENT_MARKETING, SC_TARGET_TYPE_NUMBER, 15000, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 3, 0.94, 0.10, 0.20, 0.25, 0.10 },
  { N_("Marketing Qualified Leads"), SC_DEPARTMENT_MARKETING, SC_TARGET_TYPE_NUMBER, 320, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_WEEKLY, 4, 0.91, 0.11, 0.12, 0.0, 0.08 },
  { N_("Cost per Lead"), SC_DEPARTMENT_MARKETING, SC_TARGET_TYPE_CURRENCY, 45, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_WEEKLY, 4, 1.04, 0.10, -0.06, 0.0, 0.06 },
  { N_("Email Open Rate"), SC_DEPARTMENT_MARKETING, SC_TARGET_TYPE_PERCENT, 28, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_WEEKLY, 2, 0.93, 0.08, -0.04, 0.0, 0.03 },
  { N_("Net Promoter Score"), SC_DEPARTMENT_MARKETING, SC_TARGET_TYPE_NUMBER, 50, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 5, 0.88, 0.08, 0.10, 0.0, 0.02 },
  { N_("Employee Turnover"), SC_DEPARTMENT_HR, SC_TARGET_TYPE_PERCENT, 12, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_MONTHLY, 4, 1.06, 0.08, -0.05, 0.0, 0.05 },
  { N_("Time to Hire"), SC_DEPARTMENT_HR, SC_TARGET_TYPE_DURATION, 720, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_MONTHLY, 3, 1.10, 0.12, -0.08, 0.0, 0.04 },
  { N_("Training Hours"), SC_DEPARTMENT_HR, SC_TARGET_TYPE_DURATION, 16, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 2, 0.85, 0.15, 0.10, 0.0, 0.10 },
  { N_("Employee Satisfaction"), SC_DEPARTMENT_HR, SC_TARGET_TYPE_PERCENT, 80, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_YEARLY, 3, 0.95, 0.04, 0.03, 0.0, 0.0 },
  { N_("Gross Margin"), SC_DEPARTMENT_FINANCE, SC_TARGET_TYPE_PERCENT, 42, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 5, 0.96, 0.03, 0.02, 0.0, 0.03 },
  { N_("Operating Cash Flow"), SC_DEPARTMENT_FINANCE, SC_TARGET_TYPE_CURRENCY, 310000, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 5, 0.90, 0.12, 0.10, 0.0, 0.12 },
  { N_("Days Sales Outstanding"), SC_DEPARTMENT_FINANCE, SC_TARGET_TYPE_NUMBER, 38, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_WEEKLY, 4, 1.08, 0.06, -0.06, 0.0, 0.03 },
  { N_("Customer Churn"), SC_DEPARTMENT_FINANCE, SC_TARGET_TYPE_PERCENT, 3, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_MONTHLY, 5, 1.12, 0.10, 0.08, 0.0, 0.04 },
  { N_("Budget Variance"), SC_DEPARTMENT_FINANCE, SC_TARGET_TYPE_PERCENT, 5, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_MONTHLY, 3, 1.00, 0.25, 0.0, 0.0, 0.05 },
  { N_("Features Shipped"), SC_DEPARTMENT_RND, SC_TARGET_TYPE_NUMBER, 12, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_MONTHLY, 3, 0.90, 0.18, 0.10, 0.0, 0.05 },
  { N_("Bug Backlog"), SC_DEPARTMENT_RND, SC_TARGET_TYPE_NUMBER, 150, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_WEEKLY, 3, 1.08, 0.07, 0.12, 0.0, 0.02 },
  { N_("Release Readiness"), SC_DEPARTMENT_RND, SC_TARGET_TYPE_PERCENT, 90, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_WEEKLY, 4, 0.94, 0.05, 0.04, 0.0, 0.02 },
  { N_("System Uptime"), SC_DEPARTMENT_IT, SC_TARGET_TYPE_PERCENT, 99.9, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 5, 1.00, 0.001, 0.0, 0.0, 0.0 },
  { N_("Mean Time to Resolve"), SC_DEPARTMENT_IT, SC_TARGET_TYPE_DURATION, 6, SC_DIRECTION_LOWER_BETTER, SC_REPORT_TYPE_DAILY, 4, 1.05, 0.18, -0.10, 0.15, 0.04 },
  { N_("Helpdesk Satisfaction"), SC_DEPARTMENT_IT, SC_TARGET_TYPE_PERCENT, 90, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_WEEKLY, 3, 0.97, 0.04, 0.02, 0.0, 0.01 },
  { N_("Invoices Processed"), SC_DEPARTMENT_ADMIN, SC_TARGET_TYPE_NUMBER, 220, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_DAILY, 2, 0.98, 0.10, 0.05, 0.50, 0.06 },
  { N_("Compliance Checklist Done"), SC_DEPARTMENT_ADMIN, SC_TARGET_TYPE_BOOLEAN, 1, SC_DIRECTION_HIGHER_BETTER, SC_REPORT_TYPE_WEEKLY, 3, 0.90, 0.0, 0.0, 0.0, 0.0 },
};

static const char *suffixes[] = {
  N_("North"), N_("South"), N_("East"), N_("West"), N_("Central"), N_("Online"),
  N_("Enterprise"), N_("SMB"), N_("EMEA"), N_("APAC"), N_("Americas"),
};

static const struct
{
  const char *login;
  const char *name;
  ScKpiRole   role;
} demo_users[] = {
  { "admin", "Alex Morgan", SC_KPI_ROLE_ADMIN },
  { "cfo", "Priya Raman", SC_KPI_ROLE_ADMIN },
  { "sales.lead", "Jonas Becker", SC_KPI_ROLE_MANAGER },
  { "ops.lead", "Amara Okafor", SC_KPI_ROLE_MANAGER },
  { "marketing.lead", "Lucía Fernández", SC_KPI_ROLE_MANAGER },
  { "tech.1", "Kenji Watanabe", SC_KPI_ROLE_USER },
  { "store.1", "Zoë Ångström", SC_KPI_ROLE_USER },
  { "finance.1", "Omar Haddad", SC_KPI_ROLE_USER },
  { "it.1", "Mei Chen", SC_KPI_ROLE_USER },
  { "hr.1", "Sofia Rossi", SC_KPI_ROLE_USER },
};

/* Auxiliary methods */

static double
gaussian (GRand *rand)
{
  double u1 = g_rand_double_range (rand, 1e-12, 1.0);
  double u2 = g_rand_double (rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static gboolean
is_report_day (ScReportType type,
               gint64       day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day);

  switch (type)
    {
    case SC_REPORT_TYPE_WEEKLY:
      return g_date_time_get_day_of_week (dt) == 1;
    case SC_REPORT_TYPE_MONTHLY:
      return g_date_time_get_day_of_month (dt) == 1;
    case SC_REPORT_TYPE_YEARLY:
      return g_date_time_get_day_of_year (dt) == 1;
    case SC_REPORT_TYPE_DAILY:
    default:
      return TRUE;
    }
}

static double
shape_value (const KpiTemplate *tpl,
             double             value)
{
  switch (tpl->target_type)
    {
    case SC_TARGET_TYPE_PERCENT:
      return CLAMP (round (value * 100.0) / 100.0, 0.0, 100.0);
    case SC_TARGET_TYPE_CURRENCY:
      return MAX (round (value * 100.0) / 100.0, 0.0);
    case SC_TARGET_TYPE_DURATION:
      return MAX (round (value * 10.0) / 10.0, 0.1);
    case SC_TARGET_TYPE_NUMBER:
    default:
      return tpl->target >= 100 ? MAX (round (value), 0.0) : MAX (round (value * 10.0) / 10.0, 0.0);
    }
}

/* Public API */

void
sc_demo_options_init (ScDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->n_kpis = 40;
  options->n_days = 730;
  options->seed = 42;
  options->end = 0;
}

/**
 * sc_demo_generate:
 * @store: an empty or existing #ScStore
 * @options: what to generate
 * @report: (out caller-allocates) (optional): what was generated
 * @error: return location for a #GError
 *
 * Fills @store with demo users, report groups, KPIs and their history, in
 * one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_demo_generate (ScStore              *store,
                  const ScDemoOptions  *options,
                  ScDemoReport         *report,
                  GError              **error)
{
  g_autoptr(GRand) rand = NULL;
  gint64 user_ids[G_N_ELEMENTS (demo_users)];
  gint64 group_ids[SC_N_DEPARTMENTS + 1] = { 0, };
  sqlite3_stmt *insert;
  ScDemoReport counts = { 0, };
  gint64 end_day;
  gint64 first_day;
  guint n_kpis;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  n_kpis = options->n_kpis;
  rand = g_rand_new_with_seed (options->seed);
  end_day = sc_utc_day_start (options->end != 0 ? options->end
                                                : g_get_real_time () / G_USEC_PER_SEC);
  first_day = end_day - (gint64)(options->n_days > 0 ? options->n_days - 1 : 0) * 86400;

  if (!_sc_store_begin (store, error))
    return FALSE;

  if (!sc_store_set_setting (store, "company_currency", "USD", error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (demo_users); i++)
    {
      user_ids[i] = sc_store_ensure_user (store, demo_users[i].login, demo_users[i].name,
                                          demo_users[i].role, error);
      if (user_ids[i] < 0)
        goto failed;
      counts.n_users++;
    }

  for (guint d = SC_DEPARTMENT_SALES; d <= SC_N_DEPARTMENTS; d++)
    {
      g_autofree char *name = g_strdup_printf (_("%s Scorecard"),
                                               sc_department_label ((ScDepartment)d));

      group_ids[d] = sc_store_ensure_group (store, name, SC_REPORT_TYPE_DAILY, (ScDepartment)d,
                                            NULL, error);
      if (group_ids[d] < 0)
        goto failed;
      counts.n_groups++;
    }

  insert = _sc_store_prepare (store,
                              "INSERT INTO submissions (kpi_id, user_id, value, date, note) "
                              "VALUES (?, ?, ?, ?, NULL)",
                              error);
  if (insert == NULL)
    goto failed;

  for (guint k = 0; k < n_kpis; k++)
    {
      const KpiTemplate *tpl = &templates[k % G_N_ELEMENTS (templates)];
      guint round_no = k / G_N_ELEMENTS (templates);
      g_autofree char *name = NULL;
      ScKpiSpec spec;
      gint64 kpi_id;
      gint64 reporter;
      double level_scale = g_rand_double_range (rand, 0.92, 1.08);
      double phase = g_rand_double_range (rand, 0, 2 * G_PI);
      gint64 shift_day = 0;
      double shift = 0.0;
      gint64 last_date = 0;
      double last_value = 0.0;
      double previous_value = 0.0;
      guint n_values = 0;
      guint day_index = 0;
      int rc;

      if (round_no == 0)
        name = g_strdup (_(tpl->name));
      else if (round_no <= G_N_ELEMENTS (suffixes))
        name = g_strdup_printf ("%s — %s", _(tpl->name), _(suffixes[round_no - 1]));
      else
        name = g_strdup_printf (_("%s — Team %u"), _(tpl->name), round_no);

      sc_kpi_spec_init (&spec);
      spec.name = name;
      spec.group_id = group_ids[tpl->department];
      spec.target_type = tpl->target_type;
      spec.target_value = tpl->target;
      spec.direction = tpl->direction;
      spec.report_type = tpl->report_type;
      spec.department = tpl->department;
      spec.priority = tpl->priority;

      kpi_id = sc_store_add_kpi (store, &spec, error);
      if (kpi_id < 0)
        goto failed;
      counts.n_kpis++;

      reporter = user_ids[g_rand_int_range (rand, 2, G_N_ELEMENTS (demo_users))];
      if (!sc_store_assign_user (store, kpi_id, reporter, error))
        goto failed;

      /* About one KPI in six moves to a new level part-way through. */
      if (options->n_days > 60 && g_rand_int_range (rand, 0, 6) == 0)
        {
          shift_day = first_day + 86400 * g_rand_int_range (rand, 30, (gint32)options->n_days - 14);
          shift = g_rand_double_range (rand, -0.18, 0.12);
        }

      for (gint64 day = first_day; day <= end_day; day += 86400, day_index++)
        {
          double progress;
          double level;
          double value;
          int weekday;
          int day_of_year;
          g_autoptr(GDateTime) dt = NULL;

          if (!is_report_day (tpl->report_type, day))
            continue;

          dt = g_date_time_new_from_unix_utc (day);
          weekday = g_date_time_get_day_of_week (dt);
          day_of_year = g_date_time_get_day_of_year (dt);
          progress = options->n_days > 1 ? (double)day_index / (options->n_days - 1) : 1.0;

          level = tpl->target * tpl->level * level_scale * (1.0 + tpl->trend * (progress - 0.5));
          if (tpl->report_type == SC_REPORT_TYPE_DAILY && weekday >= 6)
            level *= 1.0 - tpl->weekly;
          level *= 1.0 + tpl->yearly * sin (2 * G_PI * day_of_year / 365.25 + phase);
          if (shift_day != 0 && day >= shift_day)
            level *= 1.0 + shift;

          if (tpl->target_type == SC_TARGET_TYPE_BOOLEAN)
            value = g_rand_double (rand) < tpl->level ? 1.0 : 0.0;
          else
            {
              value = level * (1.0 + tpl->noise * gaussian (rand));
              /* Rare anomalies: a spike or a dip of several sigmas. */
              if (g_rand_int_range (rand, 0, 250) == 0)
                value *= g_rand_boolean (rand) ? 1.0 + 6 * MAX (tpl->noise, 0.02)
                                               : 1.0 - 5 * MAX (tpl->noise, 0.02);
              value = shape_value (tpl, value);
            }

          /* Reported in the working day, 08:00–17:59 UTC. */
          last_date = day + 8 * 3600 + g_rand_int_range (rand, 0, 10 * 3600);
          previous_value = last_value;
          last_value = value;
          n_values++;

          sqlite3_bind_int64 (insert, 1, kpi_id);
          sqlite3_bind_int64 (insert, 2, reporter);
          sqlite3_bind_double (insert, 3, value);
          sqlite3_bind_int64 (insert, 4, last_date);
          rc = sqlite3_step (insert);
          sqlite3_reset (insert);
          if (rc != SQLITE_DONE)
            {
              _sc_store_set_error (store, error, rc, _("Writing demo data"));
              goto failed;
            }
          counts.n_submissions++;
        }

      if (last_date != 0)
        {
          sqlite3_stmt *update = _sc_store_prepare (store,
                                                    "UPDATE kpis SET value = ?, last_submitted = ?, "
                                                    "  previous_value = ? WHERE id = ?",
                                                    error);
          if (update == NULL)
            goto failed;

          sqlite3_bind_double (update, 1, last_value);
          sqlite3_bind_int64 (update, 2, last_date);
          if (n_values > 1)
            sqlite3_bind_double (update, 3, previous_value);
          else
            sqlite3_bind_null (update, 3);
          sqlite3_bind_int64 (update, 4, kpi_id);
          rc = sqlite3_step (update);
          sqlite3_reset (update);
          if (rc != SQLITE_DONE)
            {
              _sc_store_set_error (store, error, rc, _("Writing demo data"));
              goto failed;
            }
        }
    }

  if (!_sc_store_commit (store, SC_STORE_CHANGE_ALL, error))
    return FALSE;

  if (report != NULL)
    *report = counts;

  return TRUE;

failed:
  _sc_store_rollback (store);
  return FALSE;
}
