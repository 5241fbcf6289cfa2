/* sc-migrations.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-migrations"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sc-core-resources.h"
#include "sc-migrations.h"

/* Each schema version is one numbered SQL file in the core resource. A
 * migration never changes an earlier file: it adds the next one. */
static const char * const migration_files[] = {
  "001-initial.sql",
  "002-history-index.sql",
  "003-submissions-check.sql",
  "004-sync-state.sql",
  "005-kpi-zones.sql",
  "006-alert-delivery.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migration_files) == SC_STORE_SCHEMA_VERSION);

#define SC_STORE_APPLICATION_ID_SQL "PRAGMA application_id = 1396919120"

gboolean
_sc_store_apply_migrations (ScStore           *self,
                            const ScMigration *migrations,
                            guint              n_migrations,
                            int                from_version,
                            GError           **error)
{
  int reached = from_version;

  g_assert (SC_IS_STORE (self));

  if (!_sc_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_migrations; i++)
    {
      g_autofree char *set_version = NULL;
      g_autoptr(GError) local_error = NULL;

      if (migrations[i].version <= from_version)
        continue;

      if (!_sc_store_exec (self, migrations[i].sql, &local_error))
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_FAILED,
                       _("Upgrading the store “%s” to schema %d failed, nothing was changed: %s"),
                       sc_store_get_path (self), migrations[i].version, local_error->message);
          _sc_store_rollback (self);
          return FALSE;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", migrations[i].version);
      if (!_sc_store_exec (self, set_version, error))
        {
          _sc_store_rollback (self);
          return FALSE;
        }

      reached = migrations[i].version;
    }

  if (reached != from_version && !_sc_store_exec (self, SC_STORE_APPLICATION_ID_SQL, error))
    {
      _sc_store_rollback (self);
      return FALSE;
    }

  return _sc_store_commit (self, reached != from_version ? SC_STORE_CHANGE_ALL : 0, error);
}

gboolean
_sc_store_migrate (ScStore  *self,
                   int       from_version,
                   GError  **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  ScMigration migrations[G_N_ELEMENTS (migration_files)];

  for (guint i = 0; i < G_N_ELEMENTS (migration_files); i++)
    {
      g_autofree char *path = g_strconcat (APP_PATH "sql/", migration_files[i], NULL);
      GBytes *bytes;

      bytes = g_resource_lookup_data (sc_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      g_ptr_array_add (sources, bytes);

      /* GResource data is always NUL-terminated. */
      migrations[i].version = (int)i + 1;
      migrations[i].sql = g_bytes_get_data (bytes, NULL);
    }

  return _sc_store_apply_migrations (self, migrations, G_N_ELEMENTS (migrations),
                                     from_version, error);
}
