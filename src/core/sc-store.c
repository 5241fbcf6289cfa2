/* sc-store.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-enums.h"
#include "sc-store-private.h"

/* PRAGMA application_id of every Scorecard store: "SCKP". */
#define SC_STORE_APPLICATION_ID 0x53434b50

#define BUSY_TIMEOUT_MSEC 5000

struct _ScStore
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;
  GHashTable    *statements;
  char          *currency;
  int            schema_version;
  guint          depth;
  ScStoreChange  pending_changes;
  gint64         data_version;
};

G_DEFINE_FINAL_TYPE (ScStore, sc_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sc-store-error-quark, sc_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary methods */

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  sqlite3_finalize (stmt);
  *rc_out = rc;

  return rc == SQLITE_OK;
}

static void
set_open_error (GError    **error,
                const char *path,
                sqlite3    *db,
                int         rc)
{
  const char *reason = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_A_STORE,
                   _("“%s” is not a Scorecard store or is damaged (%s). "
                     "The file was left as it is."),
                   path, reason);
      break;

    default:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO,
                   _("Cannot open the store “%s”: %s"), path, reason);
      break;
    }
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static gboolean
check_file_access (const char  *path,
                   gboolean    *exists,
                   GError     **error)
{
  g_autofree char *dir = NULL;

  *exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (*exists)
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO,
                       _("Cannot open the store “%s”: it is a folder"), path);
          return FALSE;
        }

      if (g_access (path, R_OK | W_OK) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO,
                       _("Cannot open the store “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }

      return TRUE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO,
                   _("Cannot create the folder “%s” for the store: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Reads the header fields without writing anything, so that a file we must
 * refuse stays byte-for-byte as it was. */
static gboolean
inspect_header (ScStore  *self,
                gint64   *user_version,
                GError  **error)
{
  gint64 application_id = 0;
  gint64 n_tables = 0;
  int rc;

  if (!query_int (self->db, "PRAGMA application_id", &application_id, &rc) ||
      !query_int (self->db, "PRAGMA user_version", user_version, &rc) ||
      !query_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_tables, &rc))
    {
      set_open_error (error, self->path, self->db, rc);
      return FALSE;
    }

  if (application_id != SC_STORE_APPLICATION_ID &&
      (application_id != 0 || n_tables != 0))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_A_STORE,
                   _("“%s” is an SQLite database, but not a Scorecard store. "
                     "The file was left as it is."),
                   self->path);
      return FALSE;
    }

  if (*user_version > SC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NEWER_SCHEMA,
                   _("The store “%s” was written by a newer version of Scorecard "
                     "(schema %d; this version reads up to schema %d). "
                     "Update Scorecard to open it. The file was left as it is."),
                   self->path, (int)*user_version, SC_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (ScStore  *self,
                      GError  **error)
{
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MSEC);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* synchronous=NORMAL in WAL mode keeps the database consistent across a
   * crash or power loss; at worst the last commits before a power cut are
   * rolled back, never half applied. */
  return _sc_store_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA temp_store = MEMORY;",
                         error);
}

static void
load_currency (ScStore *self)
{
  g_autofree char *currency = sc_store_get_setting (self, "company_currency");

  g_free (self->currency);
  self->currency = currency != NULL && *currency != '\0' ? g_steal_pointer (&currency)
                                                         : g_strdup ("USD");
}

/* Overrides */

static void
sc_store_finalize (GObject *object)
{
  ScStore *self = (ScStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (sc_store_parent_class)->finalize (object);
}

static void
sc_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ScStore *self = SC_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_store_class_init (ScStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_store_finalize;
  object_class->get_property = sc_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScStore::changed:
   * @self: the store
   * @changes: an #ScStoreChange mask of what changed
   *
   * Emitted after a transaction that changed the store commits, and when
   * sc_store_poll_external_changes() notices a commit by another process.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SC_TYPE_STORE_CHANGE);
}

static void
sc_store_init (ScStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Private API */

sqlite3 *
_sc_store_get_db (ScStore *self)
{
  g_assert (SC_IS_STORE (self));

  return self->db;
}

void
_sc_store_set_error (ScStore     *self,
                     GError     **error,
                     int          rc,
                     const char  *what)
{
  const char *reason = sqlite3_errmsg (self->db);

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                   _("%s was refused by the store: %s"), what, reason);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_A_STORE,
                   _("The store “%s” is damaged: %s"), self->path, reason);
      break;

    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_IO,
                   _("%s failed in the store “%s”: %s"), what, self->path, reason);
      break;

    default:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_FAILED,
                   _("%s failed: %s"), what, reason);
      break;
    }
}

/* Runs a statement that returns no row, then resets it; @what names the
 * write in the error. */
gboolean
_sc_store_step_done (ScStore       *self,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

/* Returns a cached, reset statement: the caller binds and steps it, and
 * must not finalize it. */
sqlite3_stmt *
_sc_store_prepare (ScStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (SC_IS_STORE (self));

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sc_store_set_error (self, error, rc, _("Reading the store"));
      return NULL;
    }

  /* Keyed by a copy: callers may pass SQL they build and free. */
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
_sc_store_exec (ScStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc;

  g_assert (SC_IS_STORE (self));

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _sc_store_set_error (self, error, rc, _("Updating the store"));
      return FALSE;
    }

  return TRUE;
}

/* Transactions nest through savepoints; the outermost one is a BEGIN
 * IMMEDIATE so that a writer never fails half-way on a busy database. */
gboolean
_sc_store_begin (ScStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_assert (SC_IS_STORE (self));

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT sc_%u", self->depth);

  if (!_sc_store_exec (self, sql, error))
    return FALSE;

  self->depth++;

  return TRUE;
}

gboolean
_sc_store_commit (ScStore        *self,
                  ScStoreChange   changes,
                  GError        **error)
{
  g_autofree char *sql = NULL;

  g_assert (SC_IS_STORE (self));
  g_assert (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE sc_%u", self->depth - 1);

  if (!_sc_store_exec (self, sql, error))
    {
      _sc_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  self->pending_changes |= changes;

  if (self->depth == 0 && self->pending_changes != 0)
    {
      ScStoreChange pending = self->pending_changes;
      gint64 version = 0;
      int rc;

      self->pending_changes = 0;
      if (query_int (self->db, "PRAGMA data_version", &version, &rc))
        self->data_version = version;
      _sc_store_emit_changed (self, pending);
    }

  return TRUE;
}

void
_sc_store_rollback (ScStore *self)
{
  g_autofree char *sql = NULL;

  g_assert (SC_IS_STORE (self));

  if (self->depth == 0)
    return;

  if (self->depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->pending_changes = 0;
    }
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO sc_%u; RELEASE sc_%u", self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }

  self->depth--;
}

gboolean
_sc_store_in_transaction (ScStore *self)
{
  g_assert (SC_IS_STORE (self));

  return self->depth > 0;
}

void
_sc_store_emit_changed (ScStore       *self,
                        ScStoreChange  changes)
{
  g_assert (SC_IS_STORE (self));

  if (changes & SC_STORE_CHANGE_SETTINGS)
    load_currency (self);

  g_signal_emit (self, signals[CHANGED], 0, changes);
}

/* Public API */

/**
 * sc_kpi_spec_init:
 * @spec: a #ScKpiSpec
 *
 * Fills @spec with the addon's defaults: a manual, higher-is-better number
 * KPI of medium priority, reported daily, with a zero target.
 */
void
sc_kpi_spec_init (ScKpiSpec *spec)
{
  g_return_if_fail (spec != NULL);

  memset (spec, 0, sizeof *spec);
  spec->kpi_type = SC_KPI_TYPE_MANUAL;
  spec->target_type = SC_TARGET_TYPE_NUMBER;
  spec->priority = 3;
  spec->direction = SC_DIRECTION_HIGHER_BETTER;
  spec->report_type = SC_REPORT_TYPE_DAILY;
  spec->department = SC_DEPARTMENT_NONE;
}

/**
 * sc_store_default_path:
 *
 * The store used when none is named: `$SCORECARD_STORE` if set, otherwise
 * `$XDG_DATA_HOME/scorecard/scorecard.db`.
 *
 * Returns: (transfer full): a file path
 */
char *
sc_store_default_path (void)
{
  const char *env = g_getenv ("SCORECARD_STORE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "scorecard", "scorecard.db", NULL);
}

/**
 * sc_store_open:
 * @path: (nullable): the database file, or %NULL for sc_store_default_path()
 * @error: return location for a #GError
 *
 * Opens the store at @path, creating it (and its folder) when the file does
 * not exist, and migrates an older schema in one transaction. A file that
 * is not a Scorecard store, is damaged, or was written by a newer version is
 * refused with an error naming it and is not modified.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ScStore *
sc_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(ScStore) self = NULL;
  gboolean exists = FALSE;
  gint64 user_version = 0;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  self = g_object_new (SC_TYPE_STORE, NULL);
  self->path = path != NULL ? g_strdup (path) : sc_store_default_path ();

  if (!check_file_access (self->path, &exists, error))
    return NULL;

  if (!exists)
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, self->path, self->db, rc);
      return NULL;
    }

  /* Before the first read: another connection may be writing, e.g. the
   * app's alert deliveries while scorecard-cli opens the store. */
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MSEC);

  if (!inspect_header (self, &user_version, error))
    return NULL;

  if (!configure_connection (self, error))
    return NULL;

  if (user_version < SC_STORE_SCHEMA_VERSION &&
      !_sc_store_migrate (self, (int)user_version, error))
    return NULL;

  self->schema_version = SC_STORE_SCHEMA_VERSION;
  load_currency (self);

  {
    gint64 version = 0;

    if (query_int (self->db, "PRAGMA data_version", &version, &rc))
      self->data_version = version;
  }

  return g_steal_pointer (&self);
}

const char *
sc_store_get_path (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return self->path;
}

int
sc_store_get_schema_version (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * sc_store_poll_external_changes:
 * @self: a #ScStore
 *
 * Checks whether another connection (scorecard-cli, a sync in another
 * process) committed since we last looked, and emits #ScStore::changed
 * if so. Cheap enough to call from a file monitor or a timer.
 *
 * Returns: %TRUE if the store changed
 */
gboolean
sc_store_poll_external_changes (ScStore *self)
{
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!query_int (self->db, "PRAGMA data_version", &version, &rc))
    return FALSE;

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  _sc_store_emit_changed (self, SC_STORE_CHANGE_ALL);

  return TRUE;
}

/**
 * sc_store_check_integrity:
 * @self: a #ScStore
 * @error: return location for a #GError
 *
 * Reads every page of the store (PRAGMA quick_check), which opening does
 * not do, to find damage before it shows up in the middle of some query.
 *
 * Returns: %TRUE if the store is sound
 */
gboolean
sc_store_check_integrity (ScStore  *self,
                          GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (result == NULL)
    {
      _sc_store_set_error (self, error, rc, _("Checking the store"));
      return FALSE;
    }

  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_A_STORE,
                   _("The store “%s” is damaged: %s"), self->path, result);
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_store_get_setting:
 * @self: a #ScStore
 * @key: the setting's name
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if unset
 */
char *
sc_store_get_setting (ScStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _sc_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *value = g_strdup (_sc_column_text (stmt, 0));

      sqlite3_reset (stmt);
      return value;
    }

  sqlite3_reset (stmt);

  return NULL;
}

gboolean
sc_store_set_setting (ScStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO settings (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error, rc, _("Saving a setting"));
      goto failed;
    }

  return _sc_store_commit (self, SC_STORE_CHANGE_SETTINGS, error);

failed:
  _sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_currency:
 * @self: a #ScStore
 *
 * Returns: the ISO 4217 code of the company's currency, in which currency
 *   targets are shown (synced from Odoo's company; "USD" until known)
 */
const char *
sc_store_get_currency (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return self->currency;
}

static gint64
count_rows (ScStore    *self,
            const char *sql)
{
  sqlite3_stmt *stmt = _sc_store_prepare (self, sql, NULL);
  gint64 count = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

gint64
sc_store_count_kpis (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), 0);

  return count_rows (self, "SELECT count(*) FROM kpis");
}

gint64
sc_store_count_submissions (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), 0);

  return count_rows (self, "SELECT count(*) FROM submissions");
}

gint64
sc_store_count_outbox (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), 0);

  return count_rows (self, "SELECT count(*) FROM outbox");
}
