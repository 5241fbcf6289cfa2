/* sc-store-kpis.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-kpi-private.h"
#include "sc-score.h"
#include "sc-store-private.h"

/* Users, report groups and KPI definitions. */

#define KPI_COLUMNS                                                              \
  "k.id, k.odoo_id, k.name, k.group_id, g.name, k.kpi_type, k.target_type, "     \
  "k.target_value, k.priority, k.direction, k.report_type, k.department, "       \
  "k.value, k.last_submitted, k.note, k.formula, k.source_domain, k.sync_state, " \
  "k.write_date, k.previous_value, k.warn_from, k.good_from "

#define KPI_FROM " FROM kpis k LEFT JOIN report_groups g ON g.id = k.group_id "

/* Auxiliary methods */

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_sc_column_text (stmt, column));
}

static ScKpi *
kpi_from_row (ScStore      *self,
              sqlite3_stmt *stmt)
{
  ScKpi *kpi = _sc_kpi_new ();
  kpi->id = sqlite3_column_int64 (stmt, 0);
  kpi->odoo_id = sqlite3_column_int64 (stmt, 1);
  kpi->name = dup_column (stmt, 2);
  kpi->group_id = sqlite3_column_int64 (stmt, 3);
  kpi->group_name = g_intern_string (_sc_column_text (stmt, 4));
  sc_kpi_type_from_key (_sc_column_text (stmt, 5), &kpi->kpi_type);
  sc_target_type_from_key (_sc_column_text (stmt, 6), &kpi->target_type);
  kpi->target_value = sqlite3_column_double (stmt, 7);
  kpi->priority = sqlite3_column_int (stmt, 8);
  sc_direction_from_key (_sc_column_text (stmt, 9), &kpi->direction);
  /* The addon leaves report_type empty unless a form filled it from the
   * group; daily is the group's default frequency. */
  if (!sc_report_type_from_key (_sc_column_text (stmt, 10), &kpi->report_type))
    kpi->report_type = SC_REPORT_TYPE_DAILY;
  if (!sc_department_from_key (_sc_column_text (stmt, 11), &kpi->department))
    kpi->department = SC_DEPARTMENT_NONE;
  kpi->value = sqlite3_column_double (stmt, 12);
  kpi->last_submitted = sqlite3_column_int64 (stmt, 13);
  kpi->note = dup_column (stmt, 14);
  kpi->formula = dup_column (stmt, 15);
  kpi->source_domain = dup_column (stmt, 16);
  sc_sync_state_from_key (_sc_column_text (stmt, 17), &kpi->sync_state);
  kpi->write_date = dup_column (stmt, 18);
  kpi->currency = g_intern_string (sc_store_get_currency (self));
  kpi->has_previous = sqlite3_column_type (stmt, 19) != SQLITE_NULL;
  kpi->previous_value = sqlite3_column_double (stmt, 19);
  kpi->warn_from = sqlite3_column_double (stmt, 20);
  kpi->good_from = sqlite3_column_double (stmt, 21);

  _sc_kpi_finish (kpi);

  return kpi;
}

static gboolean
validate_spec (const ScKpiSpec  *spec,
               GError          **error)
{
  g_autofree char *trimmed = spec->name != NULL ? g_strstrip (g_strdup (spec->name)) : NULL;

  if (trimmed == NULL || *trimmed == '\0')
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A KPI needs a name"));
      return FALSE;
    }

  if (!g_utf8_validate (spec->name, -1, NULL))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The KPI name is not valid UTF-8"));
      return FALSE;
    }

  return sc_score_validate_target (spec->target_type, spec->target_value, error) &&
         sc_score_validate_priority (spec->priority, error);
}

static void
bind_nullable_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_spec (sqlite3_stmt    *stmt,
           const ScKpiSpec *spec)
{
  sqlite3_bind_text (stmt, 1, spec->name, -1, SQLITE_STATIC);
  if (spec->group_id > 0)
    sqlite3_bind_int64 (stmt, 2, spec->group_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, sc_kpi_type_to_key (spec->kpi_type), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sc_target_type_to_key (spec->target_type), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 5, spec->target_value);
  sqlite3_bind_int (stmt, 6, spec->priority);
  sqlite3_bind_text (stmt, 7, sc_direction_to_key (spec->direction), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, sc_report_type_to_key (spec->report_type), -1, SQLITE_STATIC);
  bind_nullable_text (stmt, 9, sc_department_to_key (spec->department));
  bind_nullable_text (stmt, 10, spec->note);
  bind_nullable_text (stmt, 11, spec->formula);
  bind_nullable_text (stmt, 12, spec->source_domain);
}

static gboolean
is_id_reference (const char *reference,
                 gint64     *id)
{
  const char *digits = reference[0] == '#' ? reference + 1 : reference;
  guint64 parsed = 0;

  if (*digits == '\0')
    return FALSE;

  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &parsed, NULL))
    return FALSE;

  *id = (gint64)parsed;

  return TRUE;
}

static gint64
lookup_id (ScStore    *self,
           const char *sql,
           const char *key,
           GError    **error)
{
  sqlite3_stmt *stmt = _sc_store_prepare (self, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Reading the store"));
      id = -1;
    }
  sqlite3_reset (stmt);

  return id;
}

/* The addon's default order: department key (KPIs without one first, as
 * SQL sorts NULL), then name, then id. */
static int
compare_addon_order (gconstpointer a,
                     gconstpointer b)
{
  ScKpi *ka = *(ScKpi **)a;
  ScKpi *kb = *(ScKpi **)b;
  int cmp;

  if (ka->department != kb->department)
    {
      if (ka->department == SC_DEPARTMENT_NONE || kb->department == SC_DEPARTMENT_NONE)
        return ka->department == SC_DEPARTMENT_NONE ? -1 : 1;

      return strcmp (sc_department_to_key (ka->department), sc_department_to_key (kb->department));
    }

  if ((cmp = strcmp (ka->name, kb->name)) != 0)
    return cmp;

  return ka->id < kb->id ? -1 : ka->id > kb->id;
}

/* Fills in the assignees of @kpis (indexed by id in @by_id, or the single
 * KPI @kpi_id when @by_id is %NULL) with one query, rather than one
 * subquery per KPI. */
static gboolean
load_assignees (ScStore     *self,
                GHashTable  *by_id,
                ScKpi       *single,
                GError     **error)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify)g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  if (single != NULL)
    stmt = _sc_store_prepare (self,
                              "SELECT a.kpi_id, u.login FROM kpi_assignees a "
                              "JOIN users u ON u.id = a.user_id WHERE a.kpi_id = ? "
                              "ORDER BY a.kpi_id, a.user_id",
                              error);
  else
    stmt = _sc_store_prepare (self,
                              "SELECT a.kpi_id, u.login FROM kpi_assignees a "
                              "JOIN users u ON u.id = a.user_id ORDER BY a.kpi_id, a.user_id",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (single != NULL)
    sqlite3_bind_int64 (stmt, 1, single->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 kpi_id = sqlite3_column_int64 (stmt, 0);
      ScKpi *kpi = single != NULL ? single : g_hash_table_lookup (by_id, &kpi_id);
      GPtrArray *list;

      if (kpi == NULL)
        continue;

      if (!(list = g_hash_table_lookup (lists, kpi)))
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (lists, kpi, list);
        }
      g_ptr_array_add (list, g_strdup (_sc_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Reading the KPIs’ assignees"));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ScKpi *kpi = key;
      GPtrArray *list = value;

      g_ptr_array_add (list, NULL);
      g_strfreev (kpi->assignees);
      kpi->assignees = (char **)g_ptr_array_steal (list, NULL);
    }

  return TRUE;
}

/* Public API */

/**
 * sc_store_ensure_user:
 * @self: a #ScStore
 * @login: the user's login, unique
 * @name: (nullable): the display name; @login when %NULL
 * @role: the user's KPI group on the server
 * @error: return location for a #GError
 *
 * Returns the id of the user with @login, creating the user if needed.
 * An existing user keeps their name and role.
 *
 * Returns: the local user id, or -1 with @error set
 */
gint64
sc_store_ensure_user (ScStore     *self,
                      const char  *login,
                      const char  *name,
                      ScKpiRole    role,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), -1);
  g_return_val_if_fail (login != NULL, -1);

  if (*login == '\0' || !g_utf8_validate (login, -1, NULL))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A user needs a login"));
      return -1;
    }

  id = lookup_id (self, "SELECT id FROM users WHERE login = ?", login, error);
  if (id != 0)
    return id;

  if (!_sc_store_begin (self, error))
    return -1;

  stmt = _sc_store_prepare (self, "INSERT INTO users (login, name, kpi_role) VALUES (?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name != NULL ? name : login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sc_kpi_role_to_key (role), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Adding a user"));
      goto failed;
    }

  id = sqlite3_last_insert_rowid (_sc_store_get_db (self));
  if (!_sc_store_commit (self, SC_STORE_CHANGE_USERS, error))
    return -1;

  return id;

failed:
  _sc_store_rollback (self);
  return -1;
}

/**
 * sc_store_find_user:
 * @self: a #ScStore
 * @login: a login
 * @error: return location for a #GError
 *
 * Returns: the user's id, or -1 with %SC_STORE_ERROR_NOT_FOUND
 */
gint64
sc_store_find_user (ScStore     *self,
                    const char  *login,
                    GError     **error)
{
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), -1);
  g_return_val_if_fail (login != NULL, -1);

  id = lookup_id (self, "SELECT id FROM users WHERE login = ?", login, error);
  if (id == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no user with the login “%s”"), login);
      return -1;
    }

  return id;
}

/**
 * sc_store_ensure_group:
 * @self: a #ScStore
 * @name: the report group's name
 * @group_type: how often the group reports
 * @department: its department
 * @description: (nullable): a description
 * @error: return location for a #GError
 *
 * Returns: the id of the report group named @name, created if needed,
 *   or -1 with @error set
 */
gint64
sc_store_ensure_group (ScStore       *self,
                       const char    *name,
                       ScReportType   group_type,
                       ScDepartment   department,
                       const char    *description,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A report group needs a name"));
      return -1;
    }

  /* Groups have no technician department on the server, unlike KPIs. */
  if (department == SC_DEPARTMENT_TECHNICIAN)
    department = SC_DEPARTMENT_NONE;

  id = lookup_id (self, "SELECT id FROM report_groups WHERE name = ? ORDER BY id LIMIT 1",
                  name, error);
  if (id != 0)
    return id;

  if (!_sc_store_begin (self, error))
    return -1;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO report_groups (name, group_type, department, description) "
                            "VALUES (?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sc_report_type_to_key (group_type), -1, SQLITE_STATIC);
  bind_nullable_text (stmt, 3, sc_department_to_key (department));
  bind_nullable_text (stmt, 4, description);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Adding a report group"));
      goto failed;
    }

  id = sqlite3_last_insert_rowid (_sc_store_get_db (self));
  if (!_sc_store_commit (self, SC_STORE_CHANGE_GROUPS, error))
    return -1;

  return id;

failed:
  _sc_store_rollback (self);
  return -1;
}

/**
 * sc_store_find_group:
 * @self: a #ScStore
 * @name: a report group's name
 * @error: return location for a #GError
 *
 * Returns: the group's id, or -1 with %SC_STORE_ERROR_NOT_FOUND
 */
gint64
sc_store_find_group (ScStore     *self,
                     const char  *name,
                     GError     **error)
{
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  id = lookup_id (self, "SELECT id FROM report_groups WHERE name = ? ORDER BY id LIMIT 1",
                  name, error);
  if (id == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no report group named “%s”"), name);
      return -1;
    }

  return id;
}

/**
 * sc_store_add_kpi:
 * @self: a #ScStore
 * @spec: the KPI's definition
 * @error: return location for a #GError
 *
 * Adds a KPI after checking the addon's rules (a name, a target that is
 * finite, not negative, at most 100 for percentages and 0 or 1 for
 * booleans, a priority of 1–5, a name unique within its group).
 *
 * Returns: the new KPI's id, or -1 with @error set
 */
gint64
sc_store_add_kpi (ScStore          *self,
                  const ScKpiSpec  *spec,
                  GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), -1);
  g_return_val_if_fail (spec != NULL, -1);

  if (!validate_spec (spec, error))
    return -1;

  if (!_sc_store_begin (self, error))
    return -1;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO kpis (name, group_id, kpi_type, target_type, target_value, "
                            "  priority, direction, report_type, department, note, formula, "
                            "  source_domain) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto failed;

  bind_spec (stmt, spec);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                     _("A KPI named “%s” already exists in this report group"), spec->name);
      else
        _sc_store_set_error (self, error, rc, _("Adding a KPI"));
      goto failed;
    }

  id = sqlite3_last_insert_rowid (_sc_store_get_db (self));
  if (!_sc_store_commit (self, SC_STORE_CHANGE_KPIS, error))
    return -1;

  return id;

failed:
  _sc_store_rollback (self);
  return -1;
}

/**
 * sc_store_update_kpi:
 * @self: a #ScStore
 * @kpi_id: the KPI to change
 * @spec: its new definition
 * @error: return location for a #GError
 *
 * Rewrites a KPI's definition, with the same checks as sc_store_add_kpi().
 * The KPI's value and history stay.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_update_kpi (ScStore          *self,
                     gint64            kpi_id,
                     const ScKpiSpec  *spec,
                     GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!validate_spec (spec, error))
    return FALSE;

  if (!_sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "UPDATE kpis SET name = ?, group_id = ?, kpi_type = ?, target_type = ?, "
                            "  target_value = ?, priority = ?, direction = ?, report_type = ?, "
                            "  department = ?, note = ?, formula = ?, source_domain = ?, "
                            "  sync_state = CASE sync_state WHEN 'synced' THEN 'dirty' "
                            "                 ELSE sync_state END "
                            "WHERE id = ?",
                            error);
  if (stmt == NULL)
    goto failed;

  bind_spec (stmt, spec);
  sqlite3_bind_int64 (stmt, 13, kpi_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                     _("A KPI named “%s” already exists in this report group"), spec->name);
      else
        _sc_store_set_error (self, error, rc, _("Changing a KPI"));
      goto failed;
    }

  if (sqlite3_changes (_sc_store_get_db (self)) == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no KPI #%" G_GINT64_FORMAT), kpi_id);
      goto failed;
    }

  return _sc_store_commit (self, SC_STORE_CHANGE_KPIS, error);

failed:
  _sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_set_kpi_zones:
 * @self: a #ScStore
 * @kpi_id: a KPI
 * @warn_from: achievement percent where its yellow zone starts
 * @good_from: where its green zone starts
 * @error: return location for a #GError
 *
 * Sets where the KPI's gauge turns from red to yellow and from yellow to
 * green. Both 0 go back to the defaults (70 and 95). These are this app's
 * display settings; they do not sync.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_set_kpi_zones (ScStore  *self,
                        gint64    kpi_id,
                        double    warn_from,
                        double    good_from,
                        GError  **error)
{
  gboolean reset = warn_from == 0.0 && good_from == 0.0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!reset && (!isfinite (warn_from) || !isfinite (good_from) || warn_from <= 0 ||
                 good_from <= warn_from || good_from > 200))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The zones need 0 < yellow from < green from ≤ 200 %%, not %g and %g"),
                   warn_from, good_from);
      return FALSE;
    }

  if (!_sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self, "UPDATE kpis SET warn_from = ?, good_from = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    goto failed;

  if (reset)
    {
      sqlite3_bind_null (stmt, 1);
      sqlite3_bind_null (stmt, 2);
    }
  else
    {
      sqlite3_bind_double (stmt, 1, warn_from);
      sqlite3_bind_double (stmt, 2, good_from);
    }
  sqlite3_bind_int64 (stmt, 3, kpi_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Saving the KPI's zones"));
      goto failed;
    }

  if (sqlite3_changes (_sc_store_get_db (self)) == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no KPI #%" G_GINT64_FORMAT), kpi_id);
      goto failed;
    }

  return _sc_store_commit (self, SC_STORE_CHANGE_KPIS, error);

failed:
  _sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_assign_user:
 * @self: a #ScStore
 * @kpi_id: a KPI
 * @user_id: a user
 * @error: return location for a #GError
 *
 * Adds @user_id to the users who report @kpi_id.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_assign_user (ScStore  *self,
                      gint64    kpi_id,
                      gint64    user_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!_sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "INSERT OR IGNORE INTO kpi_assignees (kpi_id, user_id) VALUES (?, ?)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, kpi_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Assigning a user to a KPI"));
      goto failed;
    }

  return _sc_store_commit (self, SC_STORE_CHANGE_KPIS, error);

failed:
  _sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_kpi:
 * @self: a #ScStore
 * @kpi_id: a KPI id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the KPI, or %NULL with %SC_STORE_ERROR_NOT_FOUND
 */
ScKpi *
sc_store_get_kpi (ScStore  *self,
                  gint64    kpi_id,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  ScKpi *kpi = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self, "SELECT " KPI_COLUMNS KPI_FROM "WHERE k.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, kpi_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    kpi = kpi_from_row (self, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                 _("There is no KPI #%" G_GINT64_FORMAT), kpi_id);
  else
    _sc_store_set_error (self, error, rc, _("Reading a KPI"));
  sqlite3_reset (stmt);

  if (kpi != NULL && !load_assignees (self, NULL, kpi, error))
    g_clear_object (&kpi);

  return kpi;
}

/**
 * sc_store_find_kpi:
 * @self: a #ScStore
 * @reference: a KPI id ("12" or "#12") or its exact name (any case)
 * @error: return location for a #GError
 *
 * Finds the KPI a person means. A name shared by KPIs of several groups is
 * refused with the ids to choose from.
 *
 * Returns: (transfer full): the KPI, or %NULL with @error set
 */
ScKpi *
sc_store_find_kpi (ScStore     *self,
                   const char  *reference,
                   GError     **error)
{
  g_autoptr(GString) ids = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  guint n_found = 0;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  stmt = _sc_store_prepare (self,
                            "SELECT id FROM kpis WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 10",
                            error);
  if (stmt == NULL)
    return NULL;

  ids = g_string_new (NULL);
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      g_string_append_printf (ids, "%s#%" G_GINT64_FORMAT, n_found > 0 ? ", " : "", id);
      n_found++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Looking up a KPI"));
      return NULL;
    }

  if (n_found > 1)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Several KPIs are named “%s” (%s): give the id instead"),
                   reference, ids->str);
      return NULL;
    }

  if (n_found == 0 && !is_id_reference (reference, &id))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no KPI named “%s”"), reference);
      return NULL;
    }

  return sc_store_get_kpi (self, id, error);
}

/**
 * sc_store_list_kpis:
 * @self: a #ScStore
 * @error: return location for a #GError
 *
 * Every KPI with its latest value and achievement, in the addon's order
 * (department, then name).
 *
 * Returns: (transfer container) (element-type ScKpi): the KPIs
 */
GPtrArray *
sc_store_list_kpis (ScStore  *self,
                    GError  **error)
{
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  /* A plain table scan, sorted here: reading in index order costs a
   * B-tree look-up per KPI, and SQLite's own sort copies every column. */
  stmt = _sc_store_prepare (self, "SELECT " KPI_COLUMNS KPI_FROM, error);
  if (stmt == NULL)
    return NULL;

  kpis = g_ptr_array_new_with_free_func (g_object_unref);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScKpi *kpi = kpi_from_row (self, stmt);

      g_ptr_array_add (kpis, kpi);
      g_hash_table_insert (by_id, &kpi->id, kpi);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Reading the KPIs"));
      return NULL;
    }

  if (!load_assignees (self, by_id, NULL, error))
    return NULL;

  g_ptr_array_sort (kpis, compare_addon_order);

  return g_steal_pointer (&kpis);
}
