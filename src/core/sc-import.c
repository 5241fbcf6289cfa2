/* sc-import.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-csv.h"
#include "sc-import.h"
#include "sc-period.h"
#include "sc-score.h"
#include "sc-store-private.h"

/* CSV import of KPI definitions and of submissions.
 *
 * A file is read whole and every row checked, so that a refused import can
 * name every bad row. By default the import is all-or-nothing: it runs in
 * one transaction that is rolled back if any row is bad. With skip_bad the
 * good rows are kept and the bad ones reported.
 */

typedef enum
{
  KPI_NAME,
  KPI_GROUP,
  KPI_KPI_TYPE,
  KPI_TARGET_TYPE,
  KPI_TARGET_VALUE,
  KPI_PRIORITY,
  KPI_DIRECTION,
  KPI_REPORT_TYPE,
  KPI_DEPARTMENT,
  KPI_NOTE,
  KPI_FORMULA,
  KPI_DOMAIN,
  KPI_ASSIGNED,
  N_KPI_FIELDS
} KpiField;

typedef enum
{
  SUB_KPI,
  SUB_GROUP,
  SUB_USER,
  SUB_DATE,
  SUB_VALUE,
  SUB_NOTE,
  N_SUB_FIELDS
} SubmissionField;

typedef struct
{
  const char *header;
  int         field;
} HeaderName;

static const HeaderName kpi_headers[] = {
  { "name", KPI_NAME },
  { "kpi", KPI_NAME },
  { "group", KPI_GROUP },
  { "report", KPI_GROUP },
  { "report_id", KPI_GROUP },
  { "kpi_type", KPI_KPI_TYPE },
  { "type", KPI_KPI_TYPE },
  { "target_type", KPI_TARGET_TYPE },
  { "target_value", KPI_TARGET_VALUE },
  { "target", KPI_TARGET_VALUE },
  { "priority", KPI_PRIORITY },
  { "priority_weight", KPI_PRIORITY },
  { "direction", KPI_DIRECTION },
  { "kpi_direction", KPI_DIRECTION },
  { "report_type", KPI_REPORT_TYPE },
  { "department", KPI_DEPARTMENT },
  { "note", KPI_NOTE },
  { "formula", KPI_FORMULA },
  { "formula_field", KPI_FORMULA },
  { "domain", KPI_DOMAIN },
  { "source_domain", KPI_DOMAIN },
  { "assigned", KPI_ASSIGNED },
  { "assigned_users", KPI_ASSIGNED },
  { "assigned_user_ids", KPI_ASSIGNED },
};

static const HeaderName submission_headers[] = {
  { "kpi", SUB_KPI },
  { "kpi_id", SUB_KPI },
  { "kpi_name", SUB_KPI },
  { "group", SUB_GROUP },
  { "report", SUB_GROUP },
  { "user", SUB_USER },
  { "login", SUB_USER },
  { "user_id", SUB_USER },
  { "date", SUB_DATE },
  { "value", SUB_VALUE },
  { "note", SUB_NOTE },
};

/* Columns our own exports write that are derived, so an exported file
 * imports again as it is. */
static const char * const ignored_headers[] = {
  "id", "odoo_id", "achievement", "achievement_percent", "score", "score_label",
  "last_submitted", "sync_state", "unit", "value",
};

typedef struct
{
  gint64        id;
  double        target_value;
  ScTargetType  target_type;
  ScDirection   direction;
  /* Start of the UTC day of the KPI's newest submission before the import */
  gint64        last_day;
} KpiInfo;

typedef struct
{
  ScStore         *store;
  const char      *display_name;
  ScImportReport  *report;
  int             *columns;
  guint            n_columns;
  guint            n_fields;
  guint            line;
  gboolean         row_bad;
  GTimeZone       *tz;

  /* Submissions only */
  GHashTable      *kpis_by_name;
  GHashTable      *kpis_by_id;
  GHashTable      *users;
  GHashTable      *touched_kpis;
  /* Newest UTC day imported so far per (KPI, user), see import_submission_row() */
  GHashTable      *pair_days;
  char            *last_kpi_text;
  char            *last_group_text;
  KpiInfo         *last_kpi;
} Importer;

/* Auxiliary methods */

static void
add_problem (Importer   *importer,
             guint       line,
             const char *field,
             const char *message)
{
  char *text;

  if (field != NULL)
    text = g_strdup_printf ("%s:%u: %s: %s", importer->display_name, line, field, message);
  else
    text = g_strdup_printf ("%s:%u: %s", importer->display_name, line, message);

  g_ptr_array_add (importer->report->problems, text);
  importer->row_bad = TRUE;
}

G_GNUC_PRINTF (4, 5)
static void
add_problemf (Importer   *importer,
              guint       line,
              const char *field,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (importer, line, field, message);
}

static char *
normalize_key (const char *text)
{
  char *key = g_ascii_strdown (text, -1);

  g_strstrip (key);
  for (char *p = key; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';

  return key;
}

static int
lookup_header (const HeaderName *names,
               guint             n_names,
               const char       *key)
{
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i].header, key) == 0)
      return names[i].field;

  for (guint i = 0; i < G_N_ELEMENTS (ignored_headers); i++)
    if (strcmp (ignored_headers[i], key) == 0)
      return -1;

  return -2;
}

static ScImportKind
detect_kind (const char * const *fields,
             guint               n_fields)
{
  gboolean has_name = FALSE;
  gboolean has_kpi = FALSE;
  gboolean has_value = FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *key = normalize_key (fields[i]);

      if (strcmp (key, "name") == 0)
        has_name = TRUE;
      else if (strcmp (key, "kpi") == 0 || strcmp (key, "kpi_id") == 0 ||
               strcmp (key, "kpi_name") == 0)
        has_kpi = TRUE;
      else if (strcmp (key, "value") == 0)
        has_value = TRUE;
    }

  if (has_kpi && has_value)
    return SC_IMPORT_SUBMISSIONS;
  if (has_name)
    return SC_IMPORT_KPIS;

  return SC_IMPORT_AUTO;
}

static gboolean
read_header (Importer            *importer,
             ScImportKind         kind,
             const char * const  *fields,
             guint                n_fields,
             GError             **error)
{
  const HeaderName *names = kind == SC_IMPORT_KPIS ? kpi_headers : submission_headers;
  guint n_names = kind == SC_IMPORT_KPIS ? G_N_ELEMENTS (kpi_headers)
                                         : G_N_ELEMENTS (submission_headers);
  g_autofree gboolean *seen = NULL;

  importer->n_fields = kind == SC_IMPORT_KPIS ? N_KPI_FIELDS : N_SUB_FIELDS;
  importer->n_columns = n_fields;
  importer->columns = g_new (int, n_fields);
  seen = g_new0 (gboolean, importer->n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *key = normalize_key (fields[i]);
      int field = lookup_header (names, n_names, key);

      if (field == -2)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("%s:%u: unknown column “%s” in the header"),
                       importer->display_name, importer->line, fields[i]);
          return FALSE;
        }

      if (field >= 0 && seen[field])
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("%s:%u: the column “%s” appears twice in the header"),
                       importer->display_name, importer->line, fields[i]);
          return FALSE;
        }

      if (field >= 0)
        seen[field] = TRUE;
      importer->columns[i] = field;
    }

  if (kind == SC_IMPORT_KPIS && !seen[KPI_NAME])
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("%s:%u: the header has no “name” column"),
                   importer->display_name, importer->line);
      return FALSE;
    }

  if (kind == SC_IMPORT_SUBMISSIONS)
    {
      static const struct { int field; const char *name; } required[] = {
        { SUB_KPI, "kpi" }, { SUB_DATE, "date" }, { SUB_VALUE, "value" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (required); i++)
        if (!seen[required[i].field])
          {
            g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                         _("%s:%u: the header has no “%s” column"),
                         importer->display_name, importer->line, required[i].name);
            return FALSE;
          }
    }

  return TRUE;
}

/* Maps a row onto the known fields; returns FALSE for a row whose shape is
 * wrong. Values are trimmed; empty cells are NULL. */
static gboolean
map_row (Importer            *importer,
         const char * const  *fields,
         guint                n_fields,
         char               **values)
{
  if (n_fields > importer->n_columns)
    {
      add_problemf (importer, importer->line, NULL,
                    _("the row has %u fields but the header has %u"),
                    n_fields, importer->n_columns);
      return FALSE;
    }

  for (guint i = 0; i < importer->n_fields; i++)
    values[i] = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      int field = importer->columns[i];
      char *text;

      if (field < 0)
        continue;

      text = g_strstrip (g_strdup (fields[i]));
      if (*text == '\0')
        g_clear_pointer (&text, g_free);
      values[field] = text;
    }

  return TRUE;
}

static void
clear_values (char  **values,
              guint   n_values)
{
  for (guint i = 0; i < n_values; i++)
    g_clear_pointer (&values[i], g_free);
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;
  double parsed;

  if (text == NULL || *text == '\0')
    return FALSE;

  parsed = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (parsed))
    return FALSE;

  *value = parsed;

  return TRUE;
}

/* Accepts a selection key ("higher_better") or its label ("Higher is
 * better"), in any case. */
static gboolean
parse_choice (const char  *text,
              gboolean   (*from_key) (const char *, int *),
              const char *(*label) (int),
              int          n_values,
              int         *value)
{
  g_autofree char *key = normalize_key (text);

  if (from_key (key, value))
    return TRUE;

  for (int i = 0; i < n_values; i++)
    {
      g_autofree char *label_key = normalize_key (label (i));

      if (strcmp (label_key, key) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define PARSE_CHOICE(text, prefix, n, out)                                    \
  parse_choice ((text), (gboolean (*) (const char *, int *))prefix##_from_key, \
                (const char *(*) (int))prefix##_label, (n), (int *)(out))

/* "2026-11-29T21:27:13Z", what our export writes: parsed without GDateTime,
 * since a large import spends much of its time here. */
static gboolean
parse_utc_fast (const char *text,
                gint64     *utc)
{
  int y, mo, d, h, mi, s;
  gint64 yy, era, yoe, doy, doe, days;

  if (strlen (text) != 20 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z')
    return FALSE;

  for (guint i = 0; i < 19; i++)
    if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && !g_ascii_isdigit (text[i]))
      return FALSE;

#define DIGITS2(p) (((p)[0] - '0') * 10 + ((p)[1] - '0'))
  y = DIGITS2 (text) * 100 + DIGITS2 (text + 2);
  mo = DIGITS2 (text + 5);
  d = DIGITS2 (text + 8);
  h = DIGITS2 (text + 11);
  mi = DIGITS2 (text + 14);
  s = DIGITS2 (text + 17);
#undef DIGITS2

  if (mo < 1 || mo > 12 || d < 1 || d > g_date_get_days_in_month (mo, y) ||
      h > 23 || mi > 59 || s > 59)
    return FALSE;

  /* Days from the civil date (Howard Hinnant's algorithm). */
  yy = mo <= 2 ? y - 1 : y;
  era = (yy >= 0 ? yy : yy - 399) / 400;
  yoe = yy - era * 400;
  doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  days = era * 146097 + doe - 719468;

  *utc = days * 86400 + h * 3600 + mi * 60 + s;

  return TRUE;
}

static gboolean
parse_date (Importer   *importer,
            const char *text,
            gint64     *utc)
{
  g_autoptr(GError) error = NULL;

  if (parse_utc_fast (text, utc))
    return TRUE;

  if (sc_time_parse_user (text, importer->tz, utc, &error))
    return TRUE;

  add_problem (importer, importer->line, "date", error->message);

  return FALSE;
}

/* KPI definitions */

static gboolean
import_kpi_row (Importer  *importer,
                char     **values)
{
  ScStore *store = importer->store;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) logins = NULL;
  g_autoptr(GArray) user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ScKpiSpec spec;
  gint64 kpi_id = 0;
  sqlite3_stmt *stmt;

  sc_kpi_spec_init (&spec);
  spec.name = values[KPI_NAME];

  if (spec.name == NULL)
    add_problem (importer, importer->line, "name", _("a KPI needs a name"));
  else if (!g_utf8_validate (spec.name, -1, NULL))
    add_problem (importer, importer->line, "name", _("not valid UTF-8"));

  if (values[KPI_KPI_TYPE] != NULL &&
      !PARSE_CHOICE (values[KPI_KPI_TYPE], sc_kpi_type, 2, &spec.kpi_type))
    add_problemf (importer, importer->line, "kpi_type",
                  _("“%s” is not a KPI type (manual, auto)"), values[KPI_KPI_TYPE]);

  if (values[KPI_TARGET_TYPE] != NULL &&
      !PARSE_CHOICE (values[KPI_TARGET_TYPE], sc_target_type, 5, &spec.target_type))
    add_problemf (importer, importer->line, "target_type",
                  _("“%s” is not a target type (number, percent, currency, boolean, duration)"),
                  values[KPI_TARGET_TYPE]);

  if (values[KPI_TARGET_VALUE] != NULL &&
      !parse_double (values[KPI_TARGET_VALUE], &spec.target_value))
    add_problemf (importer, importer->line, "target_value",
                  _("“%s” is not a number"), values[KPI_TARGET_VALUE]);
  else if (!sc_score_validate_target (spec.target_type, spec.target_value, &error))
    add_problem (importer, importer->line, "target_value", error->message);
  g_clear_error (&error);

  if (values[KPI_PRIORITY] != NULL)
    {
      gint64 priority = 0;

      if (!g_ascii_string_to_signed (values[KPI_PRIORITY], 10, 1, 5, &priority, NULL))
        add_problemf (importer, importer->line, "priority",
                      _("“%s” is not a priority weight from 1 to 5"), values[KPI_PRIORITY]);
      else
        spec.priority = (int)priority;
    }

  if (values[KPI_DIRECTION] != NULL)
    {
      g_autofree char *key = normalize_key (values[KPI_DIRECTION]);

      if (strcmp (key, "higher") == 0)
        spec.direction = SC_DIRECTION_HIGHER_BETTER;
      else if (strcmp (key, "lower") == 0)
        spec.direction = SC_DIRECTION_LOWER_BETTER;
      else if (!PARSE_CHOICE (values[KPI_DIRECTION], sc_direction, 2, &spec.direction))
        add_problemf (importer, importer->line, "direction",
                      _("“%s” is not a direction (higher_better, lower_better)"),
                      values[KPI_DIRECTION]);
    }

  if (values[KPI_REPORT_TYPE] != NULL &&
      !PARSE_CHOICE (values[KPI_REPORT_TYPE], sc_report_type, 4, &spec.report_type))
    add_problemf (importer, importer->line, "report_type",
                  _("“%s” is not a report type (daily, weekly, monthly, yearly)"),
                  values[KPI_REPORT_TYPE]);

  if (values[KPI_DEPARTMENT] != NULL &&
      (!PARSE_CHOICE (values[KPI_DEPARTMENT], sc_department, SC_N_DEPARTMENTS + 1,
                      &spec.department) ||
       spec.department == SC_DEPARTMENT_NONE))
    add_problemf (importer, importer->line, "department",
                  _("“%s” is not one of the departments (sales, technician, operations, store, "
                    "marketing, hr, finance, rnd, it, admin)"),
                  values[KPI_DEPARTMENT]);

  spec.note = values[KPI_NOTE];
  spec.formula = values[KPI_FORMULA];
  spec.source_domain = values[KPI_DOMAIN];

  if (values[KPI_ASSIGNED] != NULL)
    {
      logins = g_strsplit_set (values[KPI_ASSIGNED], ";,", -1);
      for (guint i = 0; logins[i] != NULL; i++)
        {
          gint64 user_id;

          g_strstrip (logins[i]);
          if (*logins[i] == '\0')
            continue;

          user_id = sc_store_find_user (store, logins[i], &error);
          if (user_id < 0)
            add_problem (importer, importer->line, "assigned", error->message);
          else
            g_array_append_val (user_ids, user_id);
          g_clear_error (&error);
        }
    }

  if (importer->row_bad)
    return FALSE;

  /* Write the row in a savepoint, so that a row the store refuses leaves
   * nothing behind when bad rows are skipped. */
  if (!_sc_store_begin (store, &error))
    goto failed;

  if (values[KPI_GROUP] != NULL)
    {
      spec.group_id = sc_store_ensure_group (store, values[KPI_GROUP], spec.report_type,
                                             spec.department, NULL, &error);
      if (spec.group_id < 0)
        goto failed;
    }

  stmt = _sc_store_prepare (store, "SELECT id FROM kpis WHERE name = ? AND group_id IS ?", &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, spec.name, -1, SQLITE_STATIC);
  if (spec.group_id > 0)
    sqlite3_bind_int64 (stmt, 2, spec.group_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kpi_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (kpi_id > 0)
    {
      if (!sc_store_update_kpi (store, kpi_id, &spec, &error))
        goto failed;
      importer->report->n_updated++;
    }
  else
    {
      kpi_id = sc_store_add_kpi (store, &spec, &error);
      if (kpi_id < 0)
        goto failed;
      importer->report->n_created++;
    }

  for (guint i = 0; i < user_ids->len; i++)
    if (!sc_store_assign_user (store, kpi_id, g_array_index (user_ids, gint64, i), &error))
      goto failed;

  return _sc_store_commit (store, SC_STORE_CHANGE_KPIS | SC_STORE_CHANGE_GROUPS, NULL);

failed:
  _sc_store_rollback (store);
  add_problem (importer, importer->line, NULL, error->message);
  return FALSE;
}

/* Submissions */

static inline gint64
sc_kpi_user_key (gint64 kpi_id,
                 gint64 user_id)
{
  return kpi_id * 1048576 + user_id;
}

static void
load_lookups (Importer *importer)
{
  sqlite3_stmt *stmt;

  importer->kpis_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  importer->kpis_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  importer->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  importer->touched_kpis = g_hash_table_new (g_int64_hash, g_int64_equal);
  importer->pair_days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  stmt = _sc_store_prepare (importer->store,
                            "SELECT k.id, k.name, g.name, k.target_value, k.target_type, k.direction, "
                            "  k.last_submitted "
                            "FROM kpis k LEFT JOIN report_groups g ON g.id = k.group_id",
                            NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      KpiInfo *info = g_new0 (KpiInfo, 1);
      const char *group = _sc_column_text (stmt, 2);
      g_autofree char *name_key = g_utf8_casefold (_sc_column_text (stmt, 1), -1);
      g_autofree char *group_key = g_utf8_casefold (group != NULL ? group : "", -1);
      char *key_plain = g_strdup (name_key);
      char *key_group = g_strconcat (group_key, "\x1f", name_key, NULL);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->target_value = sqlite3_column_double (stmt, 3);
      sc_target_type_from_key (_sc_column_text (stmt, 4), &info->target_type);
      sc_direction_from_key (_sc_column_text (stmt, 5), &info->direction);
      info->last_day = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                         ? G_MININT64 : sc_utc_day_start (sqlite3_column_int64 (stmt, 6));
      g_hash_table_insert (importer->kpis_by_id, &info->id, info);

      /* A name shared by several groups maps to NULL: ambiguous. */
      if (g_hash_table_contains (importer->kpis_by_name, key_plain))
        g_hash_table_replace (importer->kpis_by_name, key_plain, NULL);
      else
        g_hash_table_insert (importer->kpis_by_name, key_plain, info);
      g_hash_table_insert (importer->kpis_by_name, key_group, info);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  stmt = _sc_store_prepare (importer->store, "SELECT id, login FROM users", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (importer->users, g_utf8_casefold (_sc_column_text (stmt, 1), -1), id);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

static KpiInfo *
lookup_kpi_id (Importer   *importer,
               const char *digits)
{
  guint64 parsed;
  gint64 id;

  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &parsed, NULL))
    return NULL;

  id = (gint64)parsed;

  return g_hash_table_lookup (importer->kpis_by_id, &id);
}

static KpiInfo *
resolve_kpi_uncached (Importer   *importer,
                      const char *kpi,
                      const char *group)
{
  g_autofree char *name_key = NULL;
  KpiInfo *info = NULL;

  /* "#12" names an id and nothing else. */
  if (kpi[0] == '#' && (info = lookup_kpi_id (importer, kpi + 1)) != NULL)
    return info;

  name_key = g_utf8_casefold (kpi, -1);

  if (group != NULL)
    {
      g_autofree char *group_key = g_utf8_casefold (group, -1);
      g_autofree char *key = g_strconcat (group_key, "\x1f", name_key, NULL);

      info = g_hash_table_lookup (importer->kpis_by_name, key);
    }
  else if (g_hash_table_lookup_extended (importer->kpis_by_name, name_key, NULL, (gpointer *)&info))
    {
      if (info == NULL)
        {
          add_problemf (importer, importer->line, "kpi",
                        _("several KPIs are named “%s”: add a group column or use the id"), kpi);
          return NULL;
        }
    }

  if (info == NULL)
    info = lookup_kpi_id (importer, kpi[0] == '#' ? kpi + 1 : kpi);

  if (info == NULL)
    add_problemf (importer, importer->line, "kpi", _("there is no KPI “%s”"), kpi);

  return info;
}

/* Files list many rows of one KPI in a row: remember the last answer. */
static KpiInfo *
resolve_kpi (Importer   *importer,
             const char *kpi,
             const char *group)
{
  KpiInfo *info;

  if (importer->last_kpi != NULL &&
      g_strcmp0 (importer->last_kpi_text, kpi) == 0 &&
      g_strcmp0 (importer->last_group_text, group) == 0)
    return importer->last_kpi;

  info = resolve_kpi_uncached (importer, kpi, group);
  if (info != NULL)
    {
      g_free (importer->last_kpi_text);
      g_free (importer->last_group_text);
      importer->last_kpi_text = g_strdup (kpi);
      importer->last_group_text = g_strdup (group);
      importer->last_kpi = info;
    }

  return info;
}

static gboolean
import_submission_row (Importer      *importer,
                       char         **values,
                       sqlite3_stmt  *find,
                       sqlite3_stmt  *update,
                       sqlite3_stmt  *insert,
                       GError       **error)
{
  KpiInfo *kpi = NULL;
  gint64 user_id = 0;
  gint64 date = 0;
  gint64 day_start;
  gint64 existing = 0;
  gint64 pair;
  gint64 *pair_day;
  double value = 0;
  int rc;

  if (values[SUB_KPI] == NULL)
    add_problem (importer, importer->line, "kpi", _("the KPI is missing"));
  else
    kpi = resolve_kpi (importer, values[SUB_KPI], values[SUB_GROUP]);

  if (values[SUB_VALUE] == NULL)
    add_problem (importer, importer->line, "value", _("the value is missing"));
  else if (!parse_double (values[SUB_VALUE], &value))
    add_problemf (importer, importer->line, "value",
                  _("“%s” is not a finite number"), values[SUB_VALUE]);
  else if (kpi != NULL &&
           sc_score_achievement (value, kpi->target_value, kpi->target_type, kpi->direction) < 0)
    add_problemf (importer, importer->line, "value",
                  _("%s would give a negative achievement, which Odoo refuses"),
                  values[SUB_VALUE]);

  if (values[SUB_DATE] == NULL)
    add_problem (importer, importer->line, "date", _("the date is missing"));
  else
    parse_date (importer, values[SUB_DATE], &date);

  if (values[SUB_USER] != NULL)
    {
      g_autofree char *key = g_utf8_casefold (values[SUB_USER], -1);
      gint64 *id = g_hash_table_lookup (importer->users, key);

      if (id == NULL)
        add_problemf (importer, importer->line, "user",
                      _("there is no user with the login “%s”"), values[SUB_USER]);
      else
        user_id = *id;
    }

  if (values[SUB_NOTE] != NULL && !g_utf8_validate (values[SUB_NOTE], -1, NULL))
    add_problem (importer, importer->line, "note", _("not valid UTF-8"));

  if (importer->row_bad)
    return TRUE;

  /* One submission per KPI, user and UTC day, as the addon's submit does.
   * A row can only collide with an existing one if its day is not newer
   * than both the KPI's history before the import and what this file
   * already gave for the same user; history is usually imported oldest
   * first, so most rows need no look-up. */
  day_start = sc_utc_day_start (date);
  pair = sc_kpi_user_key (kpi->id, user_id);
  pair_day = g_hash_table_lookup (importer->pair_days, &pair);

  if (day_start > kpi->last_day && (pair_day == NULL || day_start > *pair_day))
    goto insert;

  sqlite3_bind_int64 (find, 1, kpi->id);
  if (user_id > 0)
    sqlite3_bind_int64 (find, 2, user_id);
  else
    sqlite3_bind_null (find, 2);
  sqlite3_bind_int64 (find, 3, day_start);
  sqlite3_bind_int64 (find, 4, day_start + 86400);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    existing = sqlite3_column_int64 (find, 0);
  sqlite3_reset (find);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto failed;

  if (existing > 0)
    {
      sqlite3_bind_double (update, 1, value);
      sqlite3_bind_text (update, 2, values[SUB_NOTE], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 3, date);
      sqlite3_bind_int64 (update, 4, existing);
      rc = sqlite3_step (update);
      sqlite3_reset (update);
      importer->report->n_updated++;
    }
  else
    {
insert:
      sqlite3_bind_int64 (insert, 1, kpi->id);
      if (user_id > 0)
        sqlite3_bind_int64 (insert, 2, user_id);
      else
        sqlite3_bind_null (insert, 2);
      sqlite3_bind_double (insert, 3, value);
      sqlite3_bind_int64 (insert, 4, date);
      sqlite3_bind_text (insert, 5, values[SUB_NOTE], -1, SQLITE_STATIC);
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      importer->report->n_created++;
    }

  if (rc != SQLITE_DONE)
    goto failed;

  if (pair_day == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = pair;
      pair_day = g_new (gint64, 1);
      *pair_day = day_start;
      g_hash_table_insert (importer->pair_days, key, pair_day);
    }
  else if (day_start > *pair_day)
    *pair_day = day_start;

  g_hash_table_add (importer->touched_kpis, &kpi->id);

  return TRUE;

failed:
  _sc_store_set_error (importer->store, error, rc, _("Importing submissions"));
  return FALSE;
}

static gboolean
refresh_touched_kpis (Importer  *importer,
                      GError   **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, importer->touched_kpis);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!_sc_store_refresh_kpi_value (importer->store, *(gint64 *)key, error))
      return FALSE;

  return TRUE;
}

static void
importer_clear (Importer *importer)
{
  g_clear_pointer (&importer->columns, g_free);
  g_clear_pointer (&importer->kpis_by_name, g_hash_table_unref);
  g_clear_pointer (&importer->kpis_by_id, g_hash_table_unref);
  g_clear_pointer (&importer->users, g_hash_table_unref);
  g_clear_pointer (&importer->touched_kpis, g_hash_table_unref);
  g_clear_pointer (&importer->pair_days, g_hash_table_unref);
  g_clear_pointer (&importer->last_kpi_text, g_free);
  g_clear_pointer (&importer->last_group_text, g_free);
  g_clear_pointer (&importer->tz, g_time_zone_unref);
}

static gboolean
run_import (Importer       *importer,
            ScCsvReader    *reader,
            ScImportKind    kind,
            gboolean        skip_bad,
            GError        **error)
{
  ScStore *store = importer->store;
  sqlite3_stmt *find = NULL;
  sqlite3_stmt *update = NULL;
  sqlite3_stmt *insert = NULL;
  const char * const *fields = NULL;
  guint n_fields = 0;
  char *values[(int)N_KPI_FIELDS > (int)N_SUB_FIELDS ? (int)N_KPI_FIELDS : (int)N_SUB_FIELDS] = { NULL, };
  g_autoptr(GError) local_error = NULL;
  gboolean have_header = FALSE;
  ScStoreChange changes;

  if (!_sc_store_begin (store, error))
    return FALSE;

  for (;;)
    {
      importer->row_bad = FALSE;

      if (!sc_csv_reader_next (reader, &fields, &n_fields, &importer->line, &local_error))
        {
          if (local_error == NULL)
            break;

          /* The reader says which line; keep going to report every row. */
          if (!have_header)
            {
              g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           "%s: %s", importer->display_name, local_error->message);
              goto failed;
            }
          g_ptr_array_add (importer->report->problems,
                           g_strdup_printf ("%s: %s", importer->display_name,
                                            local_error->message));
          importer->report->n_rows++;
          importer->report->n_skipped++;
          g_clear_error (&local_error);
          continue;
        }

      if (!have_header)
        {
          if (kind == SC_IMPORT_AUTO)
            kind = detect_kind (fields, n_fields);
          if (kind == SC_IMPORT_AUTO)
            {
              g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("%s:%u: the header names neither KPI definitions (a “name” column) "
                             "nor submissions (“kpi”, “date” and “value” columns)"),
                           importer->display_name, importer->line);
              goto failed;
            }

          importer->report->kind = kind;
          if (!read_header (importer, kind, fields, n_fields, error))
            goto failed;

          if (kind == SC_IMPORT_SUBMISSIONS)
            {
              load_lookups (importer);
              if (!(find = _sc_store_prepare (store,
                                              "SELECT id FROM submissions "
                                              "WHERE kpi_id = ?1 AND user_id IS ?2 "
                                              "  AND date >= ?3 AND date < ?4 "
                                              "ORDER BY date DESC, id DESC LIMIT 1",
                                              error)) ||
                  !(update = _sc_store_prepare (store,
                                                "UPDATE submissions SET value = ?1, note = ?2, "
                                                "  date = ?3, sync_state = CASE sync_state "
                                                "    WHEN 'synced' THEN 'dirty' ELSE sync_state END "
                                                "WHERE id = ?4",
                                                error)) ||
                  !(insert = _sc_store_prepare (store,
                                                "INSERT INTO submissions "
                                                "  (kpi_id, user_id, value, date, note) "
                                                "VALUES (?, ?, ?, ?, ?)",
                                                error)))
                goto failed;
            }

          have_header = TRUE;
          continue;
        }

      importer->report->n_rows++;

      if (map_row (importer, fields, n_fields, values))
        {
          if (kind == SC_IMPORT_KPIS)
            import_kpi_row (importer, values);
          else if (!import_submission_row (importer, values, find, update, insert, error))
            {
              clear_values (values, importer->n_fields);
              goto failed;
            }
        }

      if (importer->row_bad)
        importer->report->n_skipped++;

      clear_values (values, importer->n_fields);
    }

  if (!have_header)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("%s: the file is empty"), importer->display_name);
      goto failed;
    }

  if (importer->report->problems->len > 0 && !skip_bad)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u bad row, nothing was imported "
                                "(use --skip-bad to import the good rows)",
                                "%s: %u bad rows, nothing was imported "
                                "(use --skip-bad to import the good rows)",
                                importer->report->n_skipped),
                   importer->display_name, importer->report->n_skipped);
      goto failed;
    }

  if (kind == SC_IMPORT_SUBMISSIONS && !refresh_touched_kpis (importer, error))
    goto failed;

  changes = kind == SC_IMPORT_KPIS ? SC_STORE_CHANGE_KPIS | SC_STORE_CHANGE_GROUPS
                                   : SC_STORE_CHANGE_SUBMISSIONS | SC_STORE_CHANGE_KPIS;

  return _sc_store_commit (store, changes, error);

failed:
  _sc_store_rollback (store);
  importer->report->n_created = 0;
  importer->report->n_updated = 0;
  return FALSE;
}

/* Public API */

ScImportReport *
sc_import_report_new (void)
{
  ScImportReport *report = g_new0 (ScImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func (g_free);

  return report;
}

void
sc_import_report_free (ScImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->problems);
  g_free (report);
}

/**
 * sc_import_csv_data:
 * @store: a #ScStore
 * @display_name: the name used in messages, usually the file name
 * @data: (array length=length): the CSV text, UTF-8, with or without BOM
 * @length: its length in bytes
 * @kind: what the file holds, or %SC_IMPORT_AUTO to tell from the header
 * @skip_bad: import the good rows even when some are bad
 * @report: (out caller-allocates): counts and one problem per bad row
 * @error: return location for a #GError
 *
 * Imports KPI definitions (a KPI with the same name and group is updated)
 * or submissions (one per KPI, user and UTC day: a later row for the same
 * day overwrites the earlier one). Without @skip_bad a single bad row
 * makes the whole import fail and change nothing; @report then lists
 * every bad row with its line number and field.
 *
 * Returns: %TRUE if the import was stored
 */
gboolean
sc_import_csv_data (ScStore         *store,
                    const char      *display_name,
                    const char      *data,
                    gsize            length,
                    ScImportKind     kind,
                    gboolean         skip_bad,
                    ScImportReport  *report,
                    GError         **error)
{
  g_autoptr(ScCsvReader) reader = NULL;
  Importer importer = { 0, };
  gboolean outermost;
  gboolean ret;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  importer.store = store;
  importer.display_name = display_name;
  importer.report = report;
  importer.tz = g_time_zone_new_local ();

  /* Every id an import writes is one it has just read in the same
   * transaction, so per-row foreign key look-ups only cost time; and a
   * larger page cache keeps the history index in memory. Both are set
   * outside the transaction (foreign_keys cannot change inside one) and
   * put back after it. */
  outermost = !_sc_store_in_transaction (store);
  if (outermost)
    _sc_store_exec (store, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536", NULL);

  reader = sc_csv_reader_new (data, length);
  ret = run_import (&importer, reader, kind, skip_bad, error);
  importer_clear (&importer);

  if (outermost)
    _sc_store_exec (store, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000", NULL);

  return ret;
}

/**
 * sc_import_csv_file:
 * @store: a #ScStore
 * @path: the CSV file
 * @kind: what the file holds, or %SC_IMPORT_AUTO
 * @skip_bad: import the good rows even when some are bad
 * @report: (out caller-allocates): counts and problems
 * @error: return location for a #GError
 *
 * Reads @path and imports it with sc_import_csv_data().
 *
 * Returns: %TRUE if the import was stored
 */
gboolean
sc_import_csv_file (ScStore         *store,
                    const char      *path,
                    ScImportKind     kind,
                    gboolean         skip_bad,
                    ScImportReport  *report,
                    GError         **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *contents;
  gsize length;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  contents = g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);

  return sc_import_csv_data (store, path, contents != NULL ? contents : "", length,
                             kind, skip_bad, report, error);
}
