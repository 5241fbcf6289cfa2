/* sc-context.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-context"

#include "config.h"

#include "sc-context.h"
#include "sc-kpi.h"
#include "sc-secrets.h"

/* The services every page shares: the store thread, the settings, and one
 * list of KPIs kept up to date with the store. Pages get the context as a
 * construct property instead of reaching for globals.
 *
 * When the store changes, the list is reloaded on the store thread and
 * merged: a KPI that is still there keeps its ScKpi object and only the
 * properties that changed are notified, so a gauge bound to it glides to
 * its new value.
 */

struct _ScContext
{
  GObject         parent_instance;

  ScStoreThread  *store;
  GSettings      *settings;
  GNetworkMonitor *monitor;
  ScSyncScheduler *sync;
  GListStore     *kpis;
  GHashTable     *kpis_by_id;
  GHashTable     *method_choices;  /* KPI id → ScForecast, sc_forecast_copy_choice() */
  GCancellable   *cancellable;
  guint           loading : 1;
  guint           reload_pending : 1;
  guint           loaded : 1;
};

G_DEFINE_FINAL_TYPE (ScContext, sc_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_NETWORK_MONITOR,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64  kpi_id;
  double  value;
  gint64  date;
  char   *note;
  gint64  since;
  guint   limit;
  double  good_from;
} JobData;

/* Analysis of several KPIs: their histories are read on the store
 * thread, then the analytics run on a worker thread, so neither the store
 * nor the main loop waits on them. */
#define ANALYSIS_HISTORY_DAYS 730

typedef struct
{
  GArray    *facts;      /* ScKpiFacts */
  GPtrArray *histories;  /* GArray of ScHistoryPoint, one per KPI */
  GPtrArray *previous;   /* ScForecast choices to reuse, one per KPI, or NULL */
  gint64     now;
} AnalyzeData;

/* The app signs in with the secret kept in the keyring, and only there. */
static const ScSyncSecretFuncs keyring_funcs = {
  sc_secrets_lookup_async,
  sc_secrets_lookup_finish,
  sc_secrets_free,
};

/* Auxiliary methods */

static gboolean
minutes_to_msec (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_uint (value, MIN (g_variant_get_uint32 (variant), 1440) * 60 * 1000);
  return TRUE;
}

static void
analyze_data_free (gpointer data)
{
  AnalyzeData *analyze = data;

  for (guint i = 0; analyze->facts != NULL && i < analyze->facts->len; i++)
    sc_kpi_facts_clear (&g_array_index (analyze->facts, ScKpiFacts, i));
  g_clear_pointer (&analyze->facts, g_array_unref);
  g_clear_pointer (&analyze->histories, g_ptr_array_unref);
  g_clear_pointer (&analyze->previous, g_ptr_array_unref);
  g_free (analyze);
}

static gpointer
histories_job (ScStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  AnalyzeData *analyze = data;
  g_autoptr(GPtrArray) histories = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  gint64 since = analyze->now - (gint64)ANALYSIS_HISTORY_DAYS * 86400;

  for (guint i = 0; i < analyze->facts->len; i++)
    {
      GArray *points;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      points = sc_store_get_history (store, g_array_index (analyze->facts, ScKpiFacts, i).kpi_id,
                                     since, 0, error);
      if (points == NULL)
        return NULL;
      g_ptr_array_add (histories, points);
    }

  return g_steal_pointer (&histories);
}

static void
analyze_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AnalyzeData *analyze = task_data;
  g_autoptr(GPtrArray) analyses = g_ptr_array_new_with_free_func ((GDestroyNotify)sc_kpi_analysis_free);

  for (guint i = 0; i < analyze->facts->len; i++)
    {
      GArray *points = g_ptr_array_index (analyze->histories, i);

      if (g_task_return_error_if_cancelled (task))
        return;

      g_ptr_array_add (analyses,
                       sc_kpi_analysis_compute_reusing (&g_array_index (analyze->facts, ScKpiFacts, i),
                                                        (const ScHistoryPoint *)(gpointer)points->data,
                                                        points->len, analyze->now, NULL,
                                                        g_ptr_array_index (analyze->previous, i)));
    }

  g_task_return_pointer (task, g_steal_pointer (&analyses), (GDestroyNotify)g_ptr_array_unref);
}

static void
histories_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnalyzeData *analyze = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  analyze->histories = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (analyze->histories == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, analyze_in_thread);
}

static void
job_data_free (gpointer data)
{
  JobData *job = data;

  g_free (job->note);
  g_free (job);
}

static gpointer
list_kpis_job (ScStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return sc_store_list_kpis (store, error);
}

static gpointer
submit_job (ScStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  JobData *job = data;
  ScSubmitResult *result = g_new0 (ScSubmitResult, 1);

  if (!sc_store_submit (store, job->kpi_id, 0, job->value, job->date, job->note, result, error))
    {
      g_free (result);
      return NULL;
    }

  return result;
}

static gpointer
zones_job (ScStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  JobData *job = data;

  if (!sc_store_set_kpi_zones (store, job->kpi_id, job->value, job->good_from, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static gpointer
history_job (ScStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  JobData *job = data;

  return sc_store_get_history (store, job->kpi_id, job->since, job->limit, error);
}

static gpointer
submissions_job (ScStore       *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  JobData *job = data;

  return sc_store_list_submissions (store, job->kpi_id, job->limit, error);
}

static void
merge_kpis (ScContext *self,
            GPtrArray *fresh)
{
  g_autofree gpointer *items = g_new0 (gpointer, fresh->len + 1);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->kpis));
  gboolean same_order = n_old == fresh->len;

  for (guint i = 0; i < fresh->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (fresh, i);
      gint64 id = sc_kpi_get_id (kpi);
      ScKpi *existing = g_hash_table_lookup (self->kpis_by_id, &id);

      if (existing != NULL)
        {
          sc_kpi_update_from (existing, kpi);
          items[i] = existing;
        }
      else
        items[i] = kpi;

      if (same_order)
        {
          g_autoptr(ScKpi) at = g_list_model_get_item (G_LIST_MODEL (self->kpis), i);

          same_order = at == items[i];
        }
    }

  if (same_order)
    return;

  /* Rebuild the index, then replace the list in one change. The list
   * still holds the old objects, so items[] stays valid until the splice. */
  g_hash_table_remove_all (self->kpis_by_id);
  for (guint i = 0; i < fresh->len; i++)
    {
      ScKpi *kpi = g_object_ref (items[i]);
      gint64 *key = g_new (gint64, 1);

      *key = sc_kpi_get_id (kpi);
      g_hash_table_insert (self->kpis_by_id, key, kpi);
    }

  g_list_store_splice (self->kpis, 0, n_old, items, fresh->len);
}

static void
list_kpis_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ScContext) self = user_data;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GError) error = NULL;

  self->loading = FALSE;

  kpis = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (kpis == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the KPIs: %s", error->message);
      return;
    }

  merge_kpis (self, kpis);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      sc_context_reload (self);
    }
}

static void
on_store_changed_cb (ScContext     *self,
                     ScStoreChange  changes,
                     ScStoreThread *store)
{
  if (changes & (SC_STORE_CHANGE_KPIS | SC_STORE_CHANGE_SUBMISSIONS |
                 SC_STORE_CHANGE_GROUPS | SC_STORE_CHANGE_SETTINGS))
    sc_context_reload (self);
}

/* Overrides */

static void
sc_context_constructed (GObject *object)
{
  ScContext *self = (ScContext *)object;

  G_OBJECT_CLASS (sc_context_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sc_store_thread_watch (self->store);

  self->sync = sc_sync_scheduler_new (self->store, self->monitor);
  sc_sync_scheduler_set_secret_funcs (self->sync, &keyring_funcs);
  if (self->settings != NULL)
    g_settings_bind_with_mapping (self->settings, "sync-interval", self->sync, "interval",
                                  G_SETTINGS_BIND_GET, minutes_to_msec, NULL, NULL, NULL);
}

static void
sc_context_dispose (GObject *object)
{
  ScContext *self = (ScContext *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL && self->sync != NULL)
    g_settings_unbind (self->sync, "interval");
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (sc_context_parent_class)->dispose (object);
}

static void
sc_context_finalize (GObject *object)
{
  ScContext *self = (ScContext *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->monitor);
  g_clear_object (&self->kpis);
  g_clear_pointer (&self->kpis_by_id, g_hash_table_unref);
  g_clear_pointer (&self->method_choices, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sc_context_parent_class)->finalize (object);
}

static void
sc_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ScContext *self = SC_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ScContext *self = SC_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_NETWORK_MONITOR:
      self->monitor = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_context_class_init (ScContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sc_context_constructed;
  object_class->dispose = sc_context_dispose;
  object_class->finalize = sc_context_finalize;
  object_class->get_property = sc_context_get_property;
  object_class->set_property = sc_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE_THREAD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_context_init (ScContext *self)
{
  self->kpis = g_list_store_new (SC_TYPE_KPI);
  self->kpis_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->method_choices = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify)sc_forecast_free);
  self->cancellable = g_cancellable_new ();
}

/* Public API */

ScContext *
sc_context_new (ScStoreThread *store,
                GSettings     *settings)
{
  g_return_val_if_fail (SC_IS_STORE_THREAD (store), NULL);
  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SC_TYPE_CONTEXT,
                       "store", store,
                       "settings", settings,
                       NULL);
}

ScStoreThread *
sc_context_get_store (ScContext *self)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), NULL);
  return self->store;
}

/**
 * sc_context_get_settings:
 * @self: a #ScContext
 *
 * Returns: (transfer none) (nullable): the app's settings
 */
GSettings *
sc_context_get_settings (ScContext *self)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), NULL);
  return self->settings;
}

/**
 * sc_context_get_sync:
 * @self: a #ScContext
 *
 * Returns: (transfer none): the sync scheduler of the store's Odoo account
 */
ScSyncScheduler *
sc_context_get_sync (ScContext *self)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), NULL);
  return self->sync;
}

/**
 * sc_context_get_kpis:
 * @self: a #ScContext
 *
 * Returns: (transfer none): every KPI, in the addon's order
 */
GListModel *
sc_context_get_kpis (ScContext *self)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), NULL);
  return G_LIST_MODEL (self->kpis);
}

gboolean
sc_context_get_loaded (ScContext *self)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), FALSE);
  return self->loaded;
}

/**
 * sc_context_lookup_kpi:
 * @self: a #ScContext
 * @kpi_id: a KPI id
 *
 * Returns: (transfer none) (nullable): the KPI as the pages show it
 */
ScKpi *
sc_context_lookup_kpi (ScContext *self,
                       gint64     kpi_id)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), NULL);
  return g_hash_table_lookup (self->kpis_by_id, &kpi_id);
}

/**
 * sc_context_reload:
 * @self: a #ScContext
 *
 * Reads the KPIs again on the store thread. Calls made while a reload is
 * running fold into one more reload after it.
 */
void
sc_context_reload (ScContext *self)
{
  g_return_if_fail (SC_IS_CONTEXT (self));

  if (self->loading)
    {
      self->reload_pending = TRUE;
      return;
    }

  self->loading = TRUE;
  sc_store_thread_run_async (self->store, list_kpis_job, NULL, NULL,
                             (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                             list_kpis_cb, g_object_ref (self));
}

void
sc_context_submit_async (ScContext           *self,
                         gint64               kpi_id,
                         double               value,
                         gint64               date,
                         const char          *note,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  JobData *job = g_new0 (JobData, 1);

  g_return_if_fail (SC_IS_CONTEXT (self));

  job->kpi_id = kpi_id;
  job->value = value;
  job->date = date;
  job->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;

  sc_store_thread_run_async (self->store, submit_job, job, job_data_free, g_free,
                             cancellable, callback, user_data);
}

/**
 * sc_context_submit_finish:
 * @self: a #ScContext
 * @result: the #GAsyncResult
 * @submit_result: (out caller-allocates) (optional): what was written
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the value was stored and queued for sync
 */
gboolean
sc_context_submit_finish (ScContext       *self,
                          GAsyncResult    *result,
                          ScSubmitResult  *submit_result,
                          GError         **error)
{
  g_autofree ScSubmitResult *written = NULL;

  g_return_val_if_fail (SC_IS_CONTEXT (self), FALSE);

  written = sc_store_thread_run_finish (self->store, result, error);
  if (written == NULL)
    return FALSE;

  if (submit_result != NULL)
    *submit_result = *written;

  return TRUE;
}

void
sc_context_history_async (ScContext           *self,
                          gint64               kpi_id,
                          gint64               since,
                          guint                limit,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  JobData *job = g_new0 (JobData, 1);

  g_return_if_fail (SC_IS_CONTEXT (self));

  job->kpi_id = kpi_id;
  job->since = since;
  job->limit = limit;

  sc_store_thread_run_async (self->store, history_job, job, job_data_free,
                             (GDestroyNotify)g_array_unref, cancellable, callback, user_data);
}

/**
 * sc_context_history_finish:
 * @self: a #ScContext
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ScHistoryPoint): oldest first
 */
GArray *
sc_context_history_finish (ScContext     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), NULL);
  return sc_store_thread_run_finish (self->store, result, error);
}

void
sc_context_submissions_async (ScContext           *self,
                              gint64               kpi_id,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  JobData *job = g_new0 (JobData, 1);

  g_return_if_fail (SC_IS_CONTEXT (self));

  job->kpi_id = kpi_id;
  job->limit = limit;

  sc_store_thread_run_async (self->store, submissions_job, job, job_data_free,
                             (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * sc_context_set_zones_async:
 * @self: a #ScContext
 * @kpi_id: a KPI
 * @warn_from: achievement percent where its yellow zone starts
 * @good_from: where its green zone starts; both 0 for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves a KPI's colour zones on the store thread.
 */
void
sc_context_set_zones_async (ScContext           *self,
                            gint64               kpi_id,
                            double               warn_from,
                            double               good_from,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  JobData *job = g_new0 (JobData, 1);

  g_return_if_fail (SC_IS_CONTEXT (self));

  job->kpi_id = kpi_id;
  job->value = warn_from;
  job->good_from = good_from;

  sc_store_thread_run_async (self->store, zones_job, job, job_data_free, NULL, cancellable,
                             callback, user_data);
}

gboolean
sc_context_set_zones_finish (ScContext     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), FALSE);

  return sc_store_thread_run_finish (self->store, result, error) != NULL;
}

/**
 * sc_context_analyze_async:
 * @self: a #ScContext
 * @kpis: (element-type ScKpi): the KPIs to analyse
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the main context with the analyses
 * @user_data: data for @callback
 *
 * Analyses the KPIs (trend, forecast, anomalies, risk and insights) off the
 * main loop: their last two years are read on the store thread and the
 * computation runs on a worker thread.
 */
void
sc_context_analyze_async (ScContext           *self,
                          GPtrArray           *kpis,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AnalyzeData *analyze = g_new0 (AnalyzeData, 1);

  g_return_if_fail (SC_IS_CONTEXT (self));
  g_return_if_fail (kpis != NULL);

  analyze->now = g_get_real_time () / G_USEC_PER_SEC;
  analyze->facts = g_array_sized_new (FALSE, TRUE, sizeof (ScKpiFacts), kpis->len);
  analyze->previous = g_ptr_array_new_full (kpis->len, (GDestroyNotify)sc_forecast_free);
  for (guint i = 0; i < kpis->len; i++)
    {
      ScKpiFacts facts;
      const ScForecast *choice;

      sc_kpi_facts_from_kpi (&facts, g_ptr_array_index (kpis, i));
      g_array_append_val (analyze->facts, facts);

      /* The worker gets its own copy of the last choice of method. */
      choice = g_hash_table_lookup (self->method_choices, &facts.kpi_id);
      g_ptr_array_add (analyze->previous, choice != NULL ? sc_forecast_copy_choice (choice) : NULL);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_context_analyze_async);
  g_task_set_task_data (task, analyze, analyze_data_free);

  /* The store job only borrows the facts; the task owns them. */
  sc_store_thread_run_async (self->store, histories_job, analyze, NULL,
                             (GDestroyNotify)g_ptr_array_unref, cancellable,
                             histories_cb, g_steal_pointer (&task));
}

/**
 * sc_context_analyze_finish:
 * @self: a #ScContext
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ScKpiAnalysis): one analysis per
 *   KPI, in the order given
 */
GPtrArray *
sc_context_analyze_finish (ScContext     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  GPtrArray *analyses;

  g_return_val_if_fail (SC_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  analyses = g_task_propagate_pointer (G_TASK (result), error);

  /* Keep each KPI's choice of forecast method for the next analysis: the
   * backtest that makes it is most of an analysis' cost.
   */
  for (guint i = 0; analyses != NULL && i < analyses->len; i++)
    {
      const ScKpiAnalysis *analysis = g_ptr_array_index (analyses, i);

      g_hash_table_replace (self->method_choices,
                            g_memdup2 (&analysis->facts.kpi_id, sizeof (gint64)),
                            sc_forecast_copy_choice (analysis->forecast));
    }

  return analyses;
}

/**
 * sc_context_submissions_finish:
 * @self: a #ScContext
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ScSubmission): newest first
 */
GPtrArray *
sc_context_submissions_finish (ScContext     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (SC_IS_CONTEXT (self), NULL);
  return sc_store_thread_run_finish (self->store, result, error);
}
