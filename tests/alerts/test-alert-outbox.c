/* test-alert-outbox.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-test"

#include "config.h"

#include <glib/gstdio.h>

#include "sc-alert-outbox.h"
#include "sc-store-private.h"

/* The alert delivery outbox: an event is queued on every enabled channel at
 * once, claimed with a lease, retried with the same idempotency key, and a
 * delivered row is never handed out again. Time is a parameter: no sleeps. */

#define NOW G_GINT64_CONSTANT (1796000000)

typedef struct
{
  char    *dir;
  char    *path;
  ScStore *store;
  gint64   channels[3];
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sc-alert-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->channels[0] = sc_store_add_alert_channel (fixture->store, "slack", "Finance Slack", NULL,
                                                     NOW, &error);
  g_assert_no_error (error);
  fixture->channels[1] = sc_store_add_alert_channel (fixture->store, "webhook", "n8n",
                                                     "{\"note\": \"ops\"}", NOW, &error);
  g_assert_no_error (error);
  fixture->channels[2] = sc_store_add_alert_channel (fixture->store, "teams", "Off", NULL, NOW, &error);
  g_assert_no_error (error);
  g_assert_true (_sc_store_exec (fixture->store, "UPDATE alert_channels SET enabled = 0 "
                                                 "WHERE name = 'Off'", NULL));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
record_event (Fixture *fixture)
{
  g_auto(ScAlertEvent) event = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 id;

  event.type = SC_ALERT_EVENT_FIRED;
  event.rule_id = 7;
  event.rule_name = g_strdup ("Revenue below 90 %");
  event.rule_type = SC_ALERT_TYPE_THRESHOLD;
  event.kpi_id = 0;
  event.kpi_name = g_strdup ("Revenue");
  event.time = NOW;
  event.severity = SC_ALERT_SEVERITY_CRITICAL;
  event.incident = 3;
  event.metric = 84.5;
  event.value = 84500;
  event.has_baseline = TRUE;
  event.baseline = 97000;
  event.level = 90;
  event.clear_level = 92;
  event.message = g_strdup ("Revenue is at 84.5 % of its target, below 90 %");

  id = sc_store_record_alert_event (fixture->store, &event, fixture->channels,
                                    G_N_ELEMENTS (fixture->channels), NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static GPtrArray *
claim (Fixture *fixture,
       gint64   now)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *claimed = sc_store_claim_alert_deliveries (fixture->store, NULL, now, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (claimed);

  return claimed;
}

static void
finish (Fixture                *fixture,
        ScAlertDelivery        *delivery,
        ScAlertDeliveryOutcome  outcome,
        gint64                  next,
        gint64                  now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_store_finish_alert_delivery (fixture->store, delivery->id, outcome,
                                                 outcome == SC_ALERT_DELIVERY_DELIVERED ? 200 : 503,
                                                 outcome == SC_ALERT_DELIVERY_DELIVERED ? NULL : "HTTP 503",
                                                 next, now, &error));
  g_assert_no_error (error);
}

static void
test_queued_on_enabled_channels (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 event = record_event (fixture);
  g_autoptr(GPtrArray) claimed = claim (fixture, NOW);
  g_autoptr(GPtrArray) log = sc_store_list_alert_deliveries (fixture->store, event, NULL);
  ScAlertDelivery *first;

  /* The disabled channel gets nothing; the others one row each. */
  g_assert_cmpuint (claimed->len, ==, 2);
  g_assert_cmpuint (log->len, ==, 2);
  {
    static const char * const slack_only[] = { "slack", NULL };
    g_autoptr(GPtrArray) none = sc_store_claim_alert_deliveries (fixture->store, slack_only,
                                                                  NOW + 1000, 50, NULL);

    /* Each sender claims only the kinds it sends. */
    g_assert_cmpuint (none->len, ==, 1);
    g_assert_cmpstr (((ScAlertDelivery *)g_ptr_array_index (none, 0))->channel_kind, ==, "slack");
  }
  first = g_ptr_array_index (claimed, 0);
  g_assert_cmpstr (first->state, ==, "sending");
  g_assert_cmpuint (first->attempts, ==, 1);
  g_assert_cmpstr (first->rule_name, ==, "Revenue below 90 %");
  g_assert_cmpstr (first->severity, ==, "critical");
  g_assert_cmpstr (first->event_type, ==, "fired");
  g_assert_true (g_str_has_prefix (first->idempotency_key, "scorecard-"));
  g_assert_cmpstr (first->idempotency_key, !=,
                   ((ScAlertDelivery *)g_ptr_array_index (claimed, 1))->idempotency_key);

  /* The numbers that fired it travel with it. */
  g_assert_nonnull (strstr (first->details, "\"metric\":84.5"));
  g_assert_nonnull (strstr (first->details, "\"baseline\":97000"));
  g_assert_nonnull (strstr (first->details, "\"lower95\":null"));
}

static void
test_list_channels (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) channels = sc_store_list_alert_channels (fixture->store, &error);
  ScAlertChannel *channel;

  /* By name: "Finance Slack", "n8n", "Off". */
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, 3);
  channel = g_ptr_array_index (channels, 0);
  g_assert_cmpstr (channel->name, ==, "Finance Slack");
  g_assert_cmpstr (channel->kind, ==, "slack");
  g_assert_cmpstr (channel->config, ==, "{}");
  g_assert_true (channel->enabled);
  g_assert_cmpint (channel->id, ==, fixture->channels[0]);
  channel = g_ptr_array_index (channels, 2);
  g_assert_cmpstr (channel->name, ==, "Off");
  g_assert_false (channel->enabled);

  /* Taken back, e.g. when its secret could not be stored. */
  g_assert_true (sc_store_remove_alert_channel (fixture->store, channel->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&channels, g_ptr_array_unref);
  channels = sc_store_list_alert_channels (fixture->store, &error);
  g_assert_cmpuint (channels->len, ==, 2);
}

static void
test_retry_keeps_key (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) leased = NULL;
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *key = NULL;
  ScAlertDelivery *delivery;

  record_event (fixture);
  first = claim (fixture, NOW);
  delivery = g_ptr_array_index (first, 0);
  key = g_strdup (delivery->idempotency_key);

  /* Claimed: not handed out again while its lease runs. */
  leased = claim (fixture, NOW + 10);
  g_assert_cmpuint (leased->len, ==, 0);

  finish (fixture, delivery, SC_ALERT_DELIVERY_RETRY, NOW + 60, NOW + 1);
  finish (fixture, g_ptr_array_index (first, 1), SC_ALERT_DELIVERY_DELIVERED, 0, NOW + 1);
  early = claim (fixture, NOW + 59);
  g_assert_cmpuint (early->len, ==, 0);

  again = claim (fixture, NOW + 60);
  g_assert_cmpuint (again->len, ==, 1);
  delivery = g_ptr_array_index (again, 0);
  g_assert_cmpstr (delivery->idempotency_key, ==, key);
  g_assert_cmpuint (delivery->attempts, ==, 2);
  g_assert_cmpuint (delivery->last_status, ==, 503);
  g_assert_cmpstr (delivery->last_error, ==, "HTTP 503");

  finish (fixture, delivery, SC_ALERT_DELIVERY_DELIVERED, 0, NOW + 61);
  /* A late report of an older attempt changes nothing. */
  finish (fixture, delivery, SC_ALERT_DELIVERY_RETRY, NOW + 100, NOW + 62);
  after = claim (fixture, NOW + 1000000);
  g_assert_cmpuint (after->len, ==, 0);

  log = sc_store_list_alert_deliveries (fixture->store, 0, NULL);
  for (guint i = 0; i < log->len; i++)
    {
      ScAlertDelivery *row = g_ptr_array_index (log, i);

      g_assert_cmpstr (row->state, ==, "delivered");
      g_assert_null (row->last_error);
      g_assert_cmpint (row->delivered_at, >, 0);
    }
}

static void
test_crash_mid_send (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) too_soon = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  record_event (fixture);
  first = claim (fixture, NOW);
  key = g_strdup (((ScAlertDelivery *)g_ptr_array_index (first, 0))->idempotency_key);

  /* The process dies while sending: a new one opens the store. */
  g_clear_object (&fixture->store);
  fixture->store = sc_store_open (fixture->path, &error);
  g_assert_no_error (error);

  too_soon = claim (fixture, NOW + SC_ALERT_DELIVERY_LEASE_SECONDS - 1);
  g_assert_cmpuint (too_soon->len, ==, 0);
  again = claim (fixture, NOW + SC_ALERT_DELIVERY_LEASE_SECONDS);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpstr (((ScAlertDelivery *)g_ptr_array_index (again, 0))->idempotency_key, ==, key);
}

static void
test_failed_for_good (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) log = NULL;

  record_event (fixture);
  first = claim (fixture, NOW);
  g_assert_true (sc_store_finish_alert_delivery (fixture->store,
                                                 ((ScAlertDelivery *)g_ptr_array_index (first, 0))->id,
                                                 SC_ALERT_DELIVERY_FAILED, 404,
                                                 "The Slack webhook no longer exists (HTTP 404)",
                                                 0, NOW + 1, NULL));
  later = claim (fixture, NOW + 1000000);
  g_assert_cmpuint (later->len, ==, 1);

  log = sc_store_list_alert_deliveries (fixture->store, 0, NULL);
  g_assert_cmpuint (log->len, ==, 2);
  for (guint i = 0; i < log->len; i++)
    {
      ScAlertDelivery *row = g_ptr_array_index (log, i);

      if (g_strcmp0 (row->channel_kind, "slack") == 0)
        {
          g_assert_cmpstr (row->state, ==, "failed");
          g_assert_cmpuint (row->last_status, ==, 404);
          g_assert_nonnull (strstr (row->last_error, "no longer exists"));
        }
    }
}

static void
test_retry_delay (void)
{
  gint64 previous = 0;

  for (guint attempts = 1; attempts <= 30; attempts++)
    {
      gint64 low = sc_alert_retry_delay (attempts, 0.0);
      gint64 high = sc_alert_retry_delay (attempts, 0.999999);

      g_assert_cmpint (low, >=, 15);
      g_assert_cmpint (high, <=, 6 * 3600);
      g_assert_cmpint (low, <=, high);
      g_assert_cmpint (high, >=, previous);
      previous = high;
    }
  g_assert_cmpint (sc_alert_retry_delay (1, 0.999999), ==, 29);
  g_assert_cmpint (sc_alert_retry_delay (2, 0.0), ==, 30);
  g_assert_cmpint (sc_alert_retry_delay (100, 0.0), ==, 3 * 3600);
}

static void
test_hurry_when_online (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  ScAlertDelivery *offline, *throttled;

  record_event (fixture);
  first = claim (fixture, NOW);
  offline = g_ptr_array_index (first, 0);
  throttled = g_ptr_array_index (first, 1);

  /* One failed for want of a network, one was told to wait (429). */
  g_assert_true (sc_store_finish_alert_delivery (fixture->store, offline->id, SC_ALERT_DELIVERY_RETRY, 0,
                                                 "unreachable", NOW + 3600, NOW, NULL));
  g_assert_true (sc_store_finish_alert_delivery (fixture->store, throttled->id, SC_ALERT_DELIVERY_RETRY, 429,
                                                 "slow down", NOW + 3600, NOW, NULL));

  /* The network is back: the first is due now, the second still waits. */
  g_assert_cmpuint (sc_store_hurry_alert_deliveries (fixture->store, NOW + 10, &error), ==, 1);
  g_assert_no_error (error);
  again = claim (fixture, NOW + 10);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpint (((ScAlertDelivery *)g_ptr_array_index (again, 0))->id, ==, offline->id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/alerts/outbox/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("queued-on-enabled-channels", test_queued_on_enabled_channels);
  ADD ("list-channels", test_list_channels);
  ADD ("retry-keeps-key", test_retry_keeps_key);
  ADD ("crash-mid-send", test_crash_mid_send);
  ADD ("failed-for-good", test_failed_for_good);
  ADD ("hurry-when-online", test_hurry_when_online);
#undef ADD
  g_test_add_func ("/alerts/outbox/retry-delay", test_retry_delay);

  return g_test_run ();
}
