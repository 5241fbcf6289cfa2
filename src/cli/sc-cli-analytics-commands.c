/* sc-cli-analytics-commands.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-anomaly.h"
#include "sc-cli.h"
#include "sc-csv.h"
#include "sc-export.h"
#include "sc-forecast.h"
#include "sc-json-writer.h"
#include "sc-period.h"
#include "sc-trend.h"

/* trend, forecast and anomalies: the analytics, on a KPI of the store or
 * on any series given as a CSV file, printed as CSV or JSON so that other
 * tools can check our numbers against theirs. */

typedef struct
{
  GArray            *points;      /* ScHistoryPoint */
  ScAnalyticsPeriod  period;
  gboolean           has_target;
  double             target;
  ScDirection        direction;
  char              *name;
} SeriesInput;

typedef struct
{
  char     *csv;
  char     *period;
  int       horizon;
  gboolean  json;
} AnalyticsOptions;

static void
series_input_clear (SeriesInput *input)
{
  g_clear_pointer (&input->points, g_array_unref);
  g_clear_pointer (&input->name, g_free);
}

static void
analytics_options_clear (AnalyticsOptions *options)
{
  g_clear_pointer (&options->csv, g_free);
  g_clear_pointer (&options->period, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SeriesInput, series_input_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnalyticsOptions, analytics_options_clear)

/* Auxiliary methods */

static gboolean
read_csv_series (const char  *path,
                 GArray      *points,
                 GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GError) local_error = NULL;
  const char * const *fields;
  guint n_fields, line;
  gboolean header = TRUE;

  if (!(file = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO, _("Cannot read “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  reader = sc_csv_reader_new (g_mapped_file_get_contents (file) != NULL
                                ? g_mapped_file_get_contents (file) : "",
                              g_mapped_file_get_length (file));

  while (sc_csv_reader_next (reader, &fields, &n_fields, &line, &local_error))
    {
      ScHistoryPoint point;
      g_autofree char *date = NULL;
      g_autofree char *value = NULL;
      char *end = NULL;

      if (n_fields < 2)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("%s:%u: expected two columns, date and value"), path, line);
          return FALSE;
        }

      date = g_strstrip (g_strdup (fields[0]));
      value = g_strstrip (g_strdup (fields[1]));

      /* A header is a first row whose value is not a number. */
      if (header)
        {
          header = FALSE;
          g_ascii_strtod (value, &end);
          if (end == value || *end != '\0')
            continue;
        }

      if (*value == '\0')
        continue;  /* A gap. */

      point.value = g_ascii_strtod (value, &end);
      if (end == value || *end != '\0' || !isfinite (point.value))
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("%s:%u: value: “%s” is not a finite number"), path, line, value);
          return FALSE;
        }

      if (!sc_time_parse_user (date, tz, &point.time, &local_error))
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       "%s:%u: date: %s", path, line, local_error->message);
          return FALSE;
        }

      g_array_append_val (points, point);
    }

  if (local_error != NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const ScHistoryPoint *pa = a;
  const ScHistoryPoint *pb = b;

  return pa->time < pb->time ? -1 : pa->time > pb->time;
}

/* Parses the common options and reads the series: a KPI of the store, or
 * --csv FILE. Returns an exit status. */
static int
load_series (ScCliGlobals      *globals,
             GOptionContext    *context,
             AnalyticsOptions  *options,
             int               *argc,
             char            ***argv,
             SeriesInput       *input)
{
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &options->csv,
      N_("Read the series from a CSV file of date,value rows instead of a KPI"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &options->period,
      N_("daily, weekly, monthly, quarterly or yearly (default: the KPI's, or daily)"),
      N_("PERIOD") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &options->horizon,
      N_("Periods to forecast (default: to the end of the current period, at least one)"),
      N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON instead of CSV"), NULL },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = sc_cli_parse_options (context, argc, argv)) != SC_CLI_EXIT_OK)
    return status;

  input->points = g_array_new (FALSE, FALSE, sizeof (ScHistoryPoint));
  input->period = SC_ANALYTICS_PERIOD_DAILY;
  input->direction = SC_DIRECTION_HIGHER_BETTER;

  if (options->period != NULL &&
      !sc_analytics_period_from_key (options->period, &input->period))
    return sc_cli_usage_error (context, _("“%s” is not a period (daily, weekly, monthly, "
                                          "quarterly, yearly)"),
                               options->period);

  if (options->horizon < 0 || options->horizon > 3650)
    return sc_cli_usage_error (context, _("--horizon must be between 1 and 3650"));

  if (options->csv != NULL)
    {
      if (*argc != 1)
        return sc_cli_usage_error (context, _("give either a KPI or --csv FILE, not both"));

      if (!read_csv_series (options->csv, input->points, &error))
        return sc_cli_data_error (error);

      input->name = g_path_get_basename (options->csv);
    }
  else
    {
      g_autoptr(ScStore) store = NULL;
      g_autoptr(ScKpi) kpi = NULL;
      g_autoptr(GArray) history = NULL;

      if (*argc != 2)
        return sc_cli_usage_error (context, _("give a KPI, by id or name, or --csv FILE"));

      if (!(store = sc_cli_open_store (globals, &error)) ||
          !(kpi = sc_store_find_kpi (store, (*argv)[1], &error)) ||
          !(history = sc_store_get_history (store, sc_kpi_get_id (kpi), 0, 0, &error)))
        return sc_cli_data_error (error);

      g_array_append_vals (input->points, history->data, history->len);
      if (options->period == NULL)
        input->period = sc_analytics_period_from_report (sc_kpi_get_report_type (kpi));
      input->has_target = sc_kpi_get_target_type (kpi) != SC_TARGET_TYPE_BOOLEAN;
      input->target = sc_kpi_get_target_value (kpi);
      input->direction = sc_kpi_get_direction (kpi);
      input->name = g_strdup (sc_kpi_get_name (kpi));
    }

  g_array_sort (input->points, compare_points);

  return SC_CLI_EXIT_OK;
}

static void
append_number (GString *out,
               double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value))
    g_string_append (out, g_ascii_formatd (text, sizeof text, "%.6g", value));
}

static char *
format_date (gint64 utc)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

/* Commands */

int
sc_cli_cmd_forecast (ScCliGlobals  *globals,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[KPI]"));
  g_auto(AnalyticsOptions) options = { 0, };
  g_auto(SeriesInput) input = { 0, };
  g_autoptr(ScForecast) forecast = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  ScForecastOptions forecast_options;
  int status;

  g_option_context_set_summary (context,
                                _("Forecast a KPI, or a date,value CSV series, with 80 and 95 % "
                                  "prediction intervals. The method is chosen by rolling-origin "
                                  "backtest against seasonal naive; its backtest errors are "
                                  "printed with the forecast."));
  if ((status = load_series (globals, context, &options, &argc, &argv, &input)) != SC_CLI_EXIT_OK)
    return status;

  sc_forecast_options_init (&forecast_options);
  if (options.horizon > 0)
    forecast_options.horizon = (guint)options.horizon;
  forecast_options.has_target = input.has_target;
  forecast_options.target = input.target;
  forecast_options.direction = input.direction;

  forecast = sc_forecast_history ((const ScHistoryPoint *)(gpointer)input.points->data,
                                  input.points->len, input.period, NULL, &forecast_options);

  if (options.json)
    {
      ScJsonWriter writer;

      sc_json_writer_init (&writer, out, TRUE);
      sc_json_writer_begin_object (&writer);
      sc_json_writer_member (&writer, "series");
      sc_json_writer_string (&writer, input.name);
      sc_json_writer_member (&writer, "period");
      sc_json_writer_string (&writer, sc_analytics_period_to_key (input.period));
      sc_json_writer_member (&writer, "method");
      sc_json_writer_string (&writer, sc_forecast_method_to_key (forecast->method));
      sc_json_writer_member (&writer, "method_label");
      sc_json_writer_string (&writer, sc_forecast_method_label (forecast->method));
      sc_json_writer_member (&writer, "backtest_mase");
      sc_json_writer_double (&writer, forecast->folds > 0 ? forecast->mase : NAN);
      sc_json_writer_member (&writer, "backtest_smape");
      sc_json_writer_double (&writer, forecast->folds > 0 ? forecast->smape : NAN);
      sc_json_writer_member (&writer, "baseline_mase");
      sc_json_writer_double (&writer, forecast->folds > 0 ? forecast->baseline_mase : NAN);
      sc_json_writer_member (&writer, "backtest_folds");
      sc_json_writer_int (&writer, forecast->folds);
      sc_json_writer_member (&writer, "confidence");
      sc_json_writer_double (&writer, forecast->confidence);
      sc_json_writer_member (&writer, "low_confidence");
      sc_json_writer_boolean (&writer, forecast->low_confidence);
      sc_json_writer_member (&writer, "reason");
      sc_json_writer_string (&writer, forecast->reason);
      sc_json_writer_member (&writer, "probability_meeting_target");
      sc_json_writer_double (&writer, forecast->has_target ? forecast->probability_target : NAN);
      sc_json_writer_member (&writer, "forecast");
      sc_json_writer_begin_array (&writer);
      for (guint h = 1; h <= forecast->horizon; h++)
        {
          g_autofree char *date = format_date (sc_forecast_step_start (forecast, h, NULL));

          sc_json_writer_begin_object (&writer);
          sc_json_writer_member (&writer, "step");
          sc_json_writer_int (&writer, h);
          sc_json_writer_member (&writer, "period_start");
          sc_json_writer_string (&writer, date);
          sc_json_writer_member (&writer, "mean");
          sc_json_writer_double (&writer, forecast->mean[h - 1]);
          sc_json_writer_member (&writer, "lower80");
          sc_json_writer_double (&writer, forecast->lower80[h - 1]);
          sc_json_writer_member (&writer, "upper80");
          sc_json_writer_double (&writer, forecast->upper80[h - 1]);
          sc_json_writer_member (&writer, "lower95");
          sc_json_writer_double (&writer, forecast->lower95[h - 1]);
          sc_json_writer_member (&writer, "upper95");
          sc_json_writer_double (&writer, forecast->upper95[h - 1]);
          sc_json_writer_end_object (&writer);
        }
      sc_json_writer_end_array (&writer);
      sc_json_writer_end_object (&writer);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, "step,period_start,mean,lower80,upper80,lower95,upper95,"
                            "method,backtest_mase,backtest_smape\n");
      for (guint h = 1; h <= forecast->horizon; h++)
        {
          g_autofree char *date = format_date (sc_forecast_step_start (forecast, h, NULL));

          g_string_append_printf (out, "%u,%s,", h, date);
          append_number (out, forecast->mean[h - 1]);
          g_string_append_c (out, ',');
          append_number (out, forecast->lower80[h - 1]);
          g_string_append_c (out, ',');
          append_number (out, forecast->upper80[h - 1]);
          g_string_append_c (out, ',');
          append_number (out, forecast->lower95[h - 1]);
          g_string_append_c (out, ',');
          append_number (out, forecast->upper95[h - 1]);
          g_string_append_printf (out, ",%s,", sc_forecast_method_to_key (forecast->method));
          if (forecast->folds > 0)
            append_number (out, forecast->mase);
          g_string_append_c (out, ',');
          if (forecast->folds > 0)
            append_number (out, forecast->smape);
          g_string_append_c (out, '\n');
        }

      if (forecast->reason != NULL)
        fprintf (stderr, "%s\n", forecast->reason);
    }

  if (!sc_cli_write_out (out, &error))
    return sc_cli_data_error (error);

  return forecast->method == SC_FORECAST_METHOD_NONE ? SC_CLI_EXIT_DATA : SC_CLI_EXIT_OK;
}

int
sc_cli_cmd_trend (ScCliGlobals  *globals,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[KPI]"));
  g_auto(AnalyticsOptions) options = { 0, };
  g_auto(SeriesInput) input = { 0, };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  ScTrendSummary summary;
  int status;
  struct { const char *name; gboolean available; double value; } rows[8];

  g_option_context_set_summary (context,
                                _("Trend figures of a KPI, or a date,value CSV series: 7- and "
                                  "30-day change, velocity, volatility and seasonality."));
  if ((status = load_series (globals, context, &options, &argc, &argv, &input)) != SC_CLI_EXIT_OK)
    return status;

  sc_trend_summarize ((const ScHistoryPoint *)(gpointer)input.points->data, input.points->len,
                      input.period, NULL, input.has_target ? input.target : NAN, &summary);

  rows[0].name = "trend_7d_percent", rows[0].available = summary.week.available,
  rows[0].value = summary.week.percent;
  rows[1].name = "trend_30d_percent", rows[1].available = summary.month.available,
  rows[1].value = summary.month.percent;
  rows[2].name = "velocity_per_period", rows[2].available = summary.velocity.available,
  rows[2].value = summary.velocity.slope;
  rows[3].name = "velocity_percent_of_target",
  rows[3].available = summary.velocity.normalized_available,
  rows[3].value = summary.velocity.normalized;
  rows[4].name = "volatility_index", rows[4].available = summary.volatility.available,
  rows[4].value = summary.volatility.index;
  rows[5].name = "seasonality_period", rows[5].available = summary.seasonality.found,
  rows[5].value = summary.seasonality.period;
  rows[6].name = "seasonality_strength", rows[6].available = summary.seasonality.found,
  rows[6].value = summary.seasonality.strength;
  rows[7].name = "values", rows[7].available = TRUE, rows[7].value = input.points->len;

  if (options.json)
    {
      ScJsonWriter writer;

      sc_json_writer_init (&writer, out, TRUE);
      sc_json_writer_begin_object (&writer);
      sc_json_writer_member (&writer, "series");
      sc_json_writer_string (&writer, input.name);
      sc_json_writer_member (&writer, "period");
      sc_json_writer_string (&writer, sc_analytics_period_to_key (input.period));
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          sc_json_writer_member (&writer, rows[i].name);
          if (rows[i].available)
            sc_json_writer_double (&writer, rows[i].value);
          else
            sc_json_writer_null (&writer);
        }
      sc_json_writer_end_object (&writer);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, "metric,value\n");
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          g_string_append_printf (out, "%s,", rows[i].name);
          if (rows[i].available)
            append_number (out, rows[i].value);
          g_string_append_c (out, '\n');
        }
    }

  if (!sc_cli_write_out (out, &error))
    return sc_cli_data_error (error);

  return SC_CLI_EXIT_OK;
}

int
sc_cli_cmd_anomalies (ScCliGlobals  *globals,
                      int            argc,
                      char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[KPI]"));
  g_auto(AnalyticsOptions) options = { 0, };
  g_auto(SeriesInput) input = { 0, };
  g_autoptr(ScSeries) series = NULL;
  g_autoptr(ScAnomalyReport) report = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context,
                                _("Unusual values of a KPI, or a date,value CSV series, each with "
                                  "its reason: spikes (robust z-score), drifts (EWMA) and level "
                                  "shifts (CUSUM), after removing trend and season."));
  if ((status = load_series (globals, context, &options, &argc, &argv, &input)) != SC_CLI_EXIT_OK)
    return status;

  series = sc_trend_resample ((const ScHistoryPoint *)(gpointer)input.points->data,
                              input.points->len, input.period, NULL);
  report = sc_anomaly_detect (series, NULL, NULL);

  if (options.json)
    {
      ScJsonWriter writer;

      sc_json_writer_init (&writer, out, TRUE);
      sc_json_writer_begin_array (&writer);
      for (gsize i = 0; i < report->n_anomalies; i++)
        {
          const ScAnomaly *anomaly = &report->anomalies[i];
          g_autofree char *date = format_date (anomaly->time);

          sc_json_writer_begin_object (&writer);
          sc_json_writer_member (&writer, "date");
          sc_json_writer_string (&writer, date);
          sc_json_writer_member (&writer, "kind");
          sc_json_writer_string (&writer, sc_anomaly_kind_to_key (anomaly->kind));
          sc_json_writer_member (&writer, "value");
          sc_json_writer_double (&writer, anomaly->value);
          sc_json_writer_member (&writer, "expected");
          sc_json_writer_double (&writer, anomaly->expected);
          sc_json_writer_member (&writer, "score");
          sc_json_writer_double (&writer, anomaly->score);
          sc_json_writer_member (&writer, "reason");
          sc_json_writer_string (&writer, anomaly->reason);
          sc_json_writer_end_object (&writer);
        }
      sc_json_writer_end_array (&writer);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, "date,kind,value,expected,score,reason\n");
      for (gsize i = 0; i < report->n_anomalies; i++)
        {
          const ScAnomaly *anomaly = &report->anomalies[i];
          g_autofree char *date = format_date (anomaly->time);

          g_string_append_printf (out, "%s,%s,", date, sc_anomaly_kind_to_key (anomaly->kind));
          append_number (out, anomaly->value);
          g_string_append_c (out, ',');
          append_number (out, anomaly->expected);
          g_string_append_c (out, ',');
          append_number (out, anomaly->score);
          g_string_append_c (out, ',');
          sc_csv_append_field (out, anomaly->reason != NULL ? anomaly->reason : "");
          g_string_append_c (out, '\n');
        }
    }

  if (!sc_cli_write_out (out, &error))
    return sc_cli_data_error (error);

  return SC_CLI_EXIT_OK;
}
