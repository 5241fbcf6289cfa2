/* sc-export.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-csv.h"
#include "sc-export.h"
#include "sc-score.h"
#include "sc-store-private.h"

/* Exports write what the importer reads back: the same column names, dates
 * as ISO 8601 UTC, numbers in the C locale with full precision. */

#define FLUSH_SIZE (64 * 1024)

static const char * const kpi_csv_columns[] = {
  "id", "name", "group", "kpi_type", "target_type", "target_value", "priority", "direction",
  "report_type", "department", "value", "achievement", "score", "last_submitted", "note",
  "formula", "domain", "assigned",
};

static const char * const submission_csv_columns[] = {
  "kpi", "group", "user", "date", "value", "note", "achievement",
};

/* Auxiliary methods */

static gboolean
flush (GOutputStream  *out,
       GString        *buffer,
       gboolean        force,
       GError        **error)
{
  if (buffer->len == 0 || (!force && buffer->len < FLUSH_SIZE))
    return TRUE;

  if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, NULL, error))
    return FALSE;

  g_string_truncate (buffer, 0);

  return TRUE;
}

static char *
format_double (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (text, sizeof text, value));
}

static void
member_string (ScJsonWriter *writer,
               const char   *member,
               const char   *value)
{
  sc_json_writer_member (writer, member);
  sc_json_writer_string (writer, value);
}

static void
member_double (ScJsonWriter *writer,
               const char   *member,
               double        value)
{
  sc_json_writer_member (writer, member);
  sc_json_writer_double (writer, value);
}

static gboolean
export_kpis (ScStore         *store,
             ScExportFormat   format,
             GOutputStream   *out,
             GError         **error)
{
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 4096);

  if (!(kpis = sc_store_list_kpis (store, error)))
    return FALSE;

  if (format == SC_EXPORT_JSON)
    return sc_export_kpis_json (kpis, out, error);

  sc_csv_append_row (buffer, kpi_csv_columns, G_N_ELEMENTS (kpi_csv_columns));

  for (guint i = 0; i < kpis->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (kpis, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sc_kpi_get_id (kpi));
      g_autofree char *target = format_double (sc_kpi_get_target_value (kpi));
      g_autofree char *priority = g_strdup_printf ("%d", sc_kpi_get_priority (kpi));
      g_autofree char *value = format_double (sc_kpi_get_value (kpi));
      g_autofree char *achievement = g_strdup_printf ("%.2f", sc_kpi_get_achievement (kpi));
      g_autofree char *last = NULL;
      g_autofree char *assigned = g_strjoinv (";", (char **)sc_kpi_get_assignees (kpi));
      const char *row[G_N_ELEMENTS (kpi_csv_columns)];

      if (sc_kpi_get_last_submitted (kpi) != 0)
        last = sc_export_format_utc (sc_kpi_get_last_submitted (kpi));

      row[0] = id;
      row[1] = sc_kpi_get_name (kpi);
      row[2] = sc_kpi_get_group_name (kpi) ? sc_kpi_get_group_name (kpi) : "";
      row[3] = sc_kpi_type_to_key (sc_kpi_get_kpi_type (kpi));
      row[4] = sc_target_type_to_key (sc_kpi_get_target_type (kpi));
      row[5] = target;
      row[6] = priority;
      row[7] = sc_direction_to_key (sc_kpi_get_direction (kpi));
      row[8] = sc_report_type_to_key (sc_kpi_get_report_type (kpi));
      row[9] = sc_department_to_key (sc_kpi_get_department (kpi));
      row[10] = value;
      row[11] = achievement;
      row[12] = sc_score_band_label (sc_kpi_get_score_band (kpi));
      row[13] = last != NULL ? last : "";
      row[14] = sc_kpi_get_note (kpi) ? sc_kpi_get_note (kpi) : "";
      row[15] = sc_kpi_get_formula (kpi) ? sc_kpi_get_formula (kpi) : "";
      row[16] = sc_kpi_get_source_domain (kpi) ? sc_kpi_get_source_domain (kpi) : "";
      row[17] = assigned;

      sc_csv_append_row (buffer, row, G_N_ELEMENTS (row));
      if (!flush (out, buffer, FALSE, error))
        return FALSE;
    }

  return flush (out, buffer, TRUE, error);
}

static gboolean
export_submissions (ScStore         *store,
                    ScExportFormat   format,
                    GOutputStream   *out,
                    GError         **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  sqlite3_stmt *stmt;
  gboolean first = TRUE;
  int rc;

  stmt = _sc_store_prepare (store,
                            "SELECT k.name, g.name, u.login, s.date, s.value, s.note, "
                            "  k.target_value, k.target_type, k.direction, k.id, s.id "
                            "FROM submissions s JOIN kpis k ON k.id = s.kpi_id "
                            "  LEFT JOIN report_groups g ON g.id = k.group_id "
                            "  LEFT JOIN users u ON u.id = s.user_id "
                            "ORDER BY k.department, k.name COLLATE NOCASE, g.name, s.date, s.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (format == SC_EXPORT_CSV)
    sc_csv_append_row (buffer, submission_csv_columns, G_N_ELEMENTS (submission_csv_columns));
  else
    g_string_append (buffer, "[");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *date = sc_export_format_utc (sqlite3_column_int64 (stmt, 3));
      g_autofree char *value = format_double (sqlite3_column_double (stmt, 4));
      ScTargetType target_type = SC_TARGET_TYPE_NUMBER;
      ScDirection direction = SC_DIRECTION_HIGHER_BETTER;
      char achievement[32];

      sc_target_type_from_key (_sc_column_text (stmt, 7), &target_type);
      sc_direction_from_key (_sc_column_text (stmt, 8), &direction);
      g_snprintf (achievement, sizeof achievement, "%.2f",
                  sc_score_achievement (sqlite3_column_double (stmt, 4),
                                        sqlite3_column_double (stmt, 6),
                                        target_type, direction));

      if (format == SC_EXPORT_CSV)
        {
          const char *row[G_N_ELEMENTS (submission_csv_columns)];

          row[0] = _sc_column_text (stmt, 0);
          row[1] = _sc_column_text (stmt, 1) ? _sc_column_text (stmt, 1) : "";
          row[2] = _sc_column_text (stmt, 2) ? _sc_column_text (stmt, 2) : "";
          row[3] = date;
          row[4] = value;
          row[5] = _sc_column_text (stmt, 5) ? _sc_column_text (stmt, 5) : "";
          row[6] = achievement;
          sc_csv_append_row (buffer, row, G_N_ELEMENTS (row));
        }
      else
        {
          ScJsonWriter writer;

          if (!first)
            g_string_append_c (buffer, ',');
          g_string_append (buffer, "\n  ");
          sc_json_writer_init (&writer, buffer, FALSE);
          sc_json_writer_begin_object (&writer);
          sc_json_writer_member (&writer, "id");
          sc_json_writer_int (&writer, sqlite3_column_int64 (stmt, 10));
          sc_json_writer_member (&writer, "kpi_id");
          sc_json_writer_int (&writer, sqlite3_column_int64 (stmt, 9));
          member_string (&writer, "kpi", _sc_column_text (stmt, 0));
          member_string (&writer, "group", _sc_column_text (stmt, 1));
          member_string (&writer, "user", _sc_column_text (stmt, 2));
          member_string (&writer, "date", date);
          member_double (&writer, "value", sqlite3_column_double (stmt, 4));
          member_string (&writer, "note", _sc_column_text (stmt, 5));
          member_double (&writer, "achievement", g_ascii_strtod (achievement, NULL));
          sc_json_writer_end_object (&writer);
        }

      first = FALSE;
      if (!flush (out, buffer, FALSE, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (store, error, rc, _("Reading the submissions"));
      return FALSE;
    }

  if (format == SC_EXPORT_JSON)
    g_string_append (buffer, first ? "]\n" : "\n]\n");

  return flush (out, buffer, TRUE, error);
}

/* Public API */

/**
 * sc_export_format_utc:
 * @utc: Unix seconds
 *
 * Returns: (transfer full): ISO 8601 in UTC, "2026-11-29T21:27:13Z"
 */
char *
sc_export_format_utc (gint64 utc)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc);

  if (dt == NULL)
    return g_strdup ("");

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * sc_export_kpi_json:
 * @writer: where to write
 * @kpi: a #ScKpi
 *
 * Writes the KPI as a JSON object, as `list --json` and the JSON export
 * print it.
 */
void
sc_export_kpi_json (ScJsonWriter *writer,
                    ScKpi        *kpi)
{
  g_autofree char *value_display = sc_kpi_format_value (kpi);
  g_autofree char *target_display = sc_kpi_format_target (kpi);
  g_autofree char *last = NULL;
  const char * const *assignees = sc_kpi_get_assignees (kpi);
  ScScoreBand band = sc_kpi_get_score_band (kpi);
  double previous = 0;

  if (sc_kpi_get_last_submitted (kpi) != 0)
    last = sc_export_format_utc (sc_kpi_get_last_submitted (kpi));

  sc_json_writer_begin_object (writer);
  sc_json_writer_member (writer, "id");
  sc_json_writer_int (writer, sc_kpi_get_id (kpi));
  sc_json_writer_member (writer, "odoo_id");
  if (sc_kpi_get_odoo_id (kpi) > 0)
    sc_json_writer_int (writer, sc_kpi_get_odoo_id (kpi));
  else
    sc_json_writer_null (writer);
  member_string (writer, "name", sc_kpi_get_name (kpi));
  member_string (writer, "group", sc_kpi_get_group_name (kpi));
  member_string (writer, "kpi_type", sc_kpi_type_to_key (sc_kpi_get_kpi_type (kpi)));
  member_string (writer, "target_type", sc_target_type_to_key (sc_kpi_get_target_type (kpi)));
  member_double (writer, "target_value", sc_kpi_get_target_value (kpi));
  member_string (writer, "target_display", target_display);
  sc_json_writer_member (writer, "priority");
  sc_json_writer_int (writer, sc_kpi_get_priority (kpi));
  member_string (writer, "direction", sc_direction_to_key (sc_kpi_get_direction (kpi)));
  member_string (writer, "report_type", sc_report_type_to_key (sc_kpi_get_report_type (kpi)));
  member_string (writer, "department",
                 sc_kpi_get_department (kpi) != SC_DEPARTMENT_NONE
                   ? sc_department_to_key (sc_kpi_get_department (kpi)) : NULL);
  member_double (writer, "value", sc_kpi_get_value (kpi));
  member_string (writer, "value_display", value_display);
  sc_json_writer_member (writer, "previous_value");
  if (sc_kpi_get_previous_value (kpi, &previous))
    sc_json_writer_double (writer, previous);
  else
    sc_json_writer_null (writer);
  member_double (writer, "achievement", sc_kpi_get_achievement (kpi));
  member_string (writer, "score", sc_score_band_label (band));
  member_string (writer, "score_color", sc_score_band_color_key (band));
  member_string (writer, "last_submitted", last);
  member_string (writer, "note", sc_kpi_get_note (kpi));
  sc_json_writer_member (writer, "assigned");
  sc_json_writer_begin_array (writer);
  for (guint i = 0; assignees[i] != NULL; i++)
    sc_json_writer_string (writer, assignees[i]);
  sc_json_writer_end_array (writer);
  member_string (writer, "sync_state", sc_sync_state_to_key (sc_kpi_get_sync_state (kpi)));
  sc_json_writer_end_object (writer);
}

/**
 * sc_export_kpis_json:
 * @kpis: (element-type ScKpi): the KPIs
 * @out: where to write
 * @error: return location for a #GError
 *
 * Writes the KPIs as a pretty-printed JSON array.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_export_kpis_json (GPtrArray      *kpis,
                     GOutputStream  *out,
                     GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  ScJsonWriter writer;

  g_return_val_if_fail (kpis != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  sc_json_writer_init (&writer, buffer, TRUE);
  sc_json_writer_begin_array (&writer);
  for (guint i = 0; i < kpis->len; i++)
    {
      sc_export_kpi_json (&writer, g_ptr_array_index (kpis, i));
      if (!flush (out, buffer, FALSE, error))
        return FALSE;
    }
  sc_json_writer_end_array (&writer);
  g_string_append_c (buffer, '\n');

  return flush (out, buffer, TRUE, error);
}

/**
 * sc_export_write:
 * @store: a #ScStore
 * @what: KPI definitions or submissions
 * @format: CSV or JSON
 * @out: where to write
 * @error: return location for a #GError
 *
 * Writes the store's KPIs or submissions to @out. CSV exports import
 * again with sc_import_csv_data().
 *
 * Returns: %TRUE on success
 */
gboolean
sc_export_write (ScStore         *store,
                 ScExportWhat     what,
                 ScExportFormat   format,
                 GOutputStream   *out,
                 GError         **error)
{
  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (what == SC_EXPORT_KPIS)
    return export_kpis (store, format, out, error);

  return export_submissions (store, format, out, error);
}
