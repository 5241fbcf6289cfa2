/* test-secrets.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sc-secrets.h"

/* sc-secrets against libsecret's file backend: meson sets SECRET_BACKEND,
 * SECRET_FILE_TEST_PATH and SECRET_FILE_TEST_PASSWORD. */

#define URL      "http://127.0.0.1:8069"
#define DATABASE "kpi"
#define LOGIN    "admin"

/* Auxiliary methods */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

/* The same for a write. libsecret 0.20.5's file backend leaks the previous
 * etag of the keyring file on each write after the first (the string GIO
 * returns from g_file_replace_contents_finish()); lsan.supp here names this
 * function, and the sync store and clear of libsecret, to ignore that. */
static GAsyncResult *
await_keyring_write (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
clear_all (void)
{
  g_assert_true (sc_secrets_clear_sync (URL, DATABASE, LOGIN, NULL, NULL));
  g_assert_true (sc_secrets_clear_sync (URL, DATABASE, "kpiuser", NULL, NULL));
  g_assert_true (sc_secrets_clear_sync (URL, "other", LOGIN, NULL, NULL));
}

/* Tests */

static void
test_sync_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  clear_all ();

  secret = sc_secrets_lookup_sync (URL, DATABASE, LOGIN, NULL, &error);
  g_assert_null (secret);
  g_assert_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No password is saved for admin on " URL));
  g_assert_nonnull (strstr (error->message, "scorecard-cli login"));
  g_clear_error (&error);

  g_assert_true (sc_secrets_store_sync (URL, DATABASE, LOGIN, "s3cret", NULL, &error));
  g_assert_no_error (error);

  secret = sc_secrets_lookup_sync (URL, DATABASE, LOGIN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "s3cret");
  sc_secrets_free (secret);

  /* Storing again replaces it. */
  g_assert_true (sc_secrets_store_sync (URL, DATABASE, LOGIN, "n3w", NULL, &error));
  g_assert_no_error (error);
  secret = sc_secrets_lookup_sync (URL, DATABASE, LOGIN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "n3w");
  sc_secrets_free (secret);

  g_assert_true (sc_secrets_clear_sync (URL, DATABASE, LOGIN, NULL, &error));
  g_assert_no_error (error);
  secret = sc_secrets_lookup_sync (URL, DATABASE, LOGIN, NULL, &error);
  g_assert_null (secret);
  g_assert_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Clearing what is not there is not an error. */
  g_assert_true (sc_secrets_clear_sync (URL, DATABASE, LOGIN, NULL, &error));
  g_assert_no_error (error);
}

static void
test_keyed_by_account (void)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  clear_all ();

  g_assert_true (sc_secrets_store_sync (URL, DATABASE, LOGIN, "admin-pw", NULL, &error));
  g_assert_true (sc_secrets_store_sync (URL, DATABASE, "kpiuser", "user-pw", NULL, &error));
  g_assert_true (sc_secrets_store_sync (URL, "other", LOGIN, "other-pw", NULL, &error));
  g_assert_no_error (error);

  secret = sc_secrets_lookup_sync (URL, DATABASE, LOGIN, NULL, &error);
  g_assert_cmpstr (secret, ==, "admin-pw");
  sc_secrets_free (secret);
  secret = sc_secrets_lookup_sync (URL, DATABASE, "kpiuser", NULL, &error);
  g_assert_cmpstr (secret, ==, "user-pw");
  sc_secrets_free (secret);
  secret = sc_secrets_lookup_sync (URL, "other", LOGIN, NULL, &error);
  g_assert_cmpstr (secret, ==, "other-pw");
  sc_secrets_free (secret);
  g_assert_no_error (error);

  secret = sc_secrets_lookup_sync ("http://elsewhere:8069", DATABASE, LOGIN, NULL, &error);
  g_assert_null (secret);
  g_assert_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Clearing one account leaves the others. */
  g_assert_true (sc_secrets_clear_sync (URL, DATABASE, LOGIN, NULL, &error));
  secret = sc_secrets_lookup_sync (URL, DATABASE, "kpiuser", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "user-pw");
  sc_secrets_free (secret);

  clear_all ();
}

static void
test_async_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  char *secret;

  clear_all ();

  sc_secrets_store_async (URL, DATABASE, LOGIN, "async-pw", NULL, store_result_cb, &result);
  g_assert_true (sc_secrets_store_finish (await_keyring_write (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  sc_secrets_lookup_async (URL, DATABASE, LOGIN, NULL, store_result_cb, &result);
  secret = sc_secrets_lookup_finish (await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "async-pw");
  sc_secrets_free (secret);
  g_clear_object (&result);

  sc_secrets_clear_async (URL, DATABASE, LOGIN, NULL, store_result_cb, &result);
  g_assert_true (sc_secrets_clear_finish (await_keyring_write (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  sc_secrets_lookup_async (URL, DATABASE, LOGIN, NULL, store_result_cb, &result);
  secret = sc_secrets_lookup_finish (await_result (&result), &error);
  g_assert_null (secret);
  g_assert_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "admin"));
  g_clear_object (&result);
}

static void
test_missing_account (void)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  g_assert_false (sc_secrets_store_sync ("", DATABASE, LOGIN, "pw", NULL, &error));
  g_assert_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_null (sc_secrets_lookup_sync (URL, DATABASE, NULL, NULL, &error));
  g_assert_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_FAILED);
  g_clear_error (&error);

  sc_secrets_lookup_async (URL, "", LOGIN, NULL, store_result_cb, &result);
  g_assert_null (sc_secrets_lookup_finish (await_result (&result), &error));
  g_assert_error (error, SC_SECRETS_ERROR, SC_SECRETS_ERROR_FAILED);
  g_clear_object (&result);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_strcmp0 (g_getenv ("SECRET_BACKEND"), "file") != 0)
    {
      g_test_skip ("needs SECRET_BACKEND=file, as meson sets it");
      return g_test_run ();
    }

  g_test_add_func ("/integrations/secrets/sync", test_sync_round_trip);
  g_test_add_func ("/integrations/secrets/keyed-by-account", test_keyed_by_account);
  g_test_add_func ("/integrations/secrets/async", test_async_round_trip);
  g_test_add_func ("/integrations/secrets/missing-account", test_missing_account);

  return g_test_run ();
}
