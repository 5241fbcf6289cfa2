/* test-store-thread.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include "sc-store-thread.h"
#include "test-fixture.h"

/* Results and releases arrive through the main context: let them. */
static void
drain_main_context (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *order;
  GThread   *job_thread;
  gboolean   cancelled;
  guint      n_changed;
  guint      pending;
} State;

static gpointer
record_thread_job (ScStore       *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  State *state = data;

  state->job_thread = g_thread_self ();

  return GINT_TO_POINTER (sc_store_count_kpis (store) + 1);
}

static void
record_thread_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  State *state = user_data;
  g_autoptr(GError) error = NULL;
  gpointer value = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);

  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (value), ==, 1);
  /* The job ran elsewhere; its result arrives here. */
  g_assert_true (state->job_thread != g_thread_self ());
  g_main_loop_quit (state->loop);
}

static void
test_runs_on_thread (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStoreThread) thread = sc_store_thread_new (fixture->path, &error);
  State state = { g_main_loop_new (NULL, FALSE), };

  g_assert_no_error (error);
  g_assert_cmpstr (sc_store_thread_get_path (thread), ==, fixture->path);

  sc_store_thread_run_async (thread, record_thread_job, &state, NULL, NULL, NULL,
                             record_thread_cb, &state);
  g_main_loop_run (state.loop);

  g_main_loop_unref (state.loop);
  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&thread));
}

static gpointer
order_job (ScStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return data;
}

static void
order_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  State *state = user_data;
  g_autoptr(GError) error = NULL;
  gpointer value = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    state->cancelled = TRUE;
  else
    g_ptr_array_add (state->order, value);

  if (--state->pending == 0)
    g_main_loop_quit (state->loop);
}

static void
test_order_and_cancel (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStoreThread) thread = sc_store_thread_new (fixture->path, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  State state = { g_main_loop_new (NULL, FALSE), g_ptr_array_new (), };

  g_cancellable_cancel (cancellable);
  for (guint i = 1; i <= 20; i++)
    {
      state.pending++;
      sc_store_thread_run_async (thread, order_job, GUINT_TO_POINTER (i), NULL, NULL,
                                 i == 10 ? cancellable : NULL, order_cb, &state);
    }
  g_main_loop_run (state.loop);

  /* In order, and the cancelled job did not run. */
  g_assert_true (state.cancelled);
  g_assert_cmpuint (state.order->len, ==, 19);
  for (guint i = 1; i < state.order->len; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (state.order->pdata[i - 1]), <,
                      GPOINTER_TO_UINT (state.order->pdata[i]));

  g_ptr_array_unref (state.order);
  g_main_loop_unref (state.loop);
  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&thread));
}

static gpointer
add_kpi_job (ScStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  add_test_kpi (store, "Revenue", SC_TARGET_TYPE_NUMBER, 10, SC_DIRECTION_HIGHER_BETTER);

  return GINT_TO_POINTER (1);
}

static void
on_changed (ScStoreThread *thread,
            ScStoreChange  changes,
            State         *state)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_true (changes & SC_STORE_CHANGE_KPIS);
  state->n_changed++;
  g_main_loop_quit (state->loop);
}

static gboolean
timeout_cb (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
test_changed_in_main_context (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStoreThread) thread = sc_store_thread_new (fixture->path, &error);
  State state = { g_main_loop_new (NULL, FALSE), };
  guint timeout;

  g_signal_connect (thread, "changed", G_CALLBACK (on_changed), &state);
  timeout = g_timeout_add_seconds (10, timeout_cb, NULL);

  /* A change made through the thread. */
  sc_store_thread_run_async (thread, add_kpi_job, NULL, NULL, NULL, NULL, NULL, NULL);
  g_main_loop_run (state.loop);
  g_assert_cmpuint (state.n_changed, ==, 1);

  /* A change made by another connection, as scorecard-cli would. */
  sc_store_thread_watch (thread);
  {
    g_autoptr(ScStore) other = sc_store_open (fixture->path, &error);
    ScKpiSpec spec;

    g_assert_no_error (error);
    sc_kpi_spec_init (&spec);
    spec.name = "Churn";
    g_assert_cmpint (sc_store_add_kpi (other, &spec, &error), >, 0);
    g_assert_finalize_object (g_steal_pointer (&other));
  }
  g_main_loop_run (state.loop);
  g_assert_cmpuint (state.n_changed, ==, 2);

  g_source_remove (timeout);
  g_signal_handlers_disconnect_by_func (thread, on_changed, &state);
  g_main_loop_unref (state.loop);

  /* Let the watch's last check come back before letting go. */
  g_object_run_dispose (G_OBJECT (thread));
  drain_main_context ();
  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&thread));
}

static void
test_open_error (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStoreThread) thread = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "not a database at all, sorry", -1, NULL));
  thread = sc_store_thread_new (fixture->path, &error);
  g_assert_null (thread);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_A_STORE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/core/store-thread/runs-on-thread", test_runs_on_thread, NULL);
  STORE_TEST ("/core/store-thread/order-and-cancel", test_order_and_cancel, NULL);
  STORE_TEST ("/core/store-thread/changed-in-main-context", test_changed_in_main_context, NULL);
  STORE_TEST ("/core/store-thread/open-error", test_open_error, NULL);

  return g_test_run ();
}
