/* test-fixture.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sc-store.h"

/* A fresh folder per test, with the path of a store in it. */
typedef struct
{
  char    *dir;
  char    *path;
  ScStore *store;
} StoreFixture;

static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static inline void
store_fixture_setup (StoreFixture  *fixture,
                     gconstpointer  open_store)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("scorecard-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);

  if (open_store != NULL)
    {
      fixture->store = sc_store_open (fixture->path, &error);
      g_assert_no_error (error);
    }
}

static inline void
store_fixture_teardown (StoreFixture  *fixture,
                        gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* One integer from a query on a separate connection, as another process
 * would see the file. */
static inline gint64
query_int64 (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static inline gint64
add_test_kpi (ScStore      *store,
              const char   *name,
              ScTargetType  type,
              double        target,
              ScDirection   direction)
{
  g_autoptr(GError) error = NULL;
  ScKpiSpec spec;
  gint64 id;

  sc_kpi_spec_init (&spec);
  spec.name = name;
  spec.target_type = type;
  spec.target_value = target;
  spec.direction = direction;
  id = sc_store_add_kpi (store, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

#define STORE_TEST(path, func, open) \
  g_test_add (path, StoreFixture, open, store_fixture_setup, func, store_fixture_teardown)
