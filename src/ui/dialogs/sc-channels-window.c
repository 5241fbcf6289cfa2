/* sc-channels-window.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-channels-window"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sc-json-writer.h"
#include "sc-alert-outbox.h"
#include "sc-alert-sender.h"
#include "sc-channel-secrets.h"
#include "sc-channels-window.h"

/* The alert channels: the list with a Send Test button each, and a form
 * to add one. Secrets go to libsecret and tests go out over HTTP, both
 * from worker threads: neither the main loop nor the store thread waits
 * on D-Bus or the network. Adding opens its own connection to the store
 * in that worker, so a channel and its secret are written together, as
 * scorecard-cli does; the window then sees the change like any other. */

#define SEND_TIMEOUT_SECONDS 15

typedef struct
{
  const char *kind;
  const char *label;
} KindInfo;

static const KindInfo kinds[] = {
  { "slack", N_("Slack") },
  { "teams", N_("Microsoft Teams") },
  { "webhook", N_("Webhook") },
  { "powerbi", N_("Power BI Streaming Dataset") },
  { "twilio_sms", N_("SMS (Twilio)") },
  { "twilio_whatsapp", N_("WhatsApp (Twilio)") },
};

struct _ScChannelsWindow
{
  AdwWindow            parent_instance;

  ScContext           *context;
  GCancellable        *cancellable;
  GPtrArray           *channels;        /* ScAlertChannel */
  GPtrArray           *rows;
  char                *status;
  gboolean             success;
  guint                n_results;
  gboolean             busy;
  gboolean             loading;
  gboolean             reload_pending;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *channels_group;
  GtkWidget           *empty_row;
  GtkWidget           *add_button;
  AdwComboRow         *kind_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *url_row;
  AdwEntryRow         *signing_row;
  AdwEntryRow         *sid_row;
  AdwEntryRow         *token_row;
  AdwEntryRow         *from_row;
  AdwEntryRow         *to_row;
  AdwEntryRow         *base_url_row;
};

G_DEFINE_FINAL_TYPE (ScChannelsWindow, sc_channels_window, ADW_TYPE_WINDOW)

typedef struct
{
  char   *path;
  char   *kind;
  char   *name;
  char   *config;
  char   *secret;
  gint64  channel_id;
} ChannelJob;

static void reload (ScChannelsWindow *self);

/* Auxiliary methods */

static void
wipe (char *secret)
{
  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

static void
channel_job_free (gpointer data)
{
  ChannelJob *job = data;

  g_free (job->path);
  g_free (job->kind);
  g_free (job->name);
  g_free (job->config);
  wipe (job->secret);
  g_free (job);
}

static const char *
kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].label);

  return kind;
}

static const char *
selected_kind (ScChannelsWindow *self)
{
  guint index = adw_combo_row_get_selected (self->kind_row);

  return index < G_N_ELEMENTS (kinds) ? kinds[index].kind : kinds[0].kind;
}

static gboolean
is_twilio (const char *kind)
{
  return g_str_has_prefix (kind, "twilio_");
}

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_status (ScChannelsWindow *self,
            const char       *text,
            gboolean          success)
{
  g_free (self->status);
  self->status = g_strdup (text);
  self->success = success;
  self->n_results++;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static gboolean
validate (ScChannelsWindow *self)
{
  const char *kind = selected_kind (self);
  g_autofree char *name = text_of (self->name_row);
  gboolean twilio = is_twilio (kind);
  gboolean valid = *name != '\0';

  gtk_widget_set_visible (GTK_WIDGET (self->url_row), !twilio);
  gtk_widget_set_visible (GTK_WIDGET (self->signing_row), g_str_equal (kind, "webhook"));
  gtk_widget_set_visible (GTK_WIDGET (self->sid_row), twilio);
  gtk_widget_set_visible (GTK_WIDGET (self->token_row), twilio);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), twilio);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), twilio);
  gtk_widget_set_visible (GTK_WIDGET (self->base_url_row), twilio);

  if (twilio)
    {
      AdwEntryRow *needed[] = { self->sid_row, self->token_row, self->from_row, self->to_row };

      for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
        if (*gtk_editable_get_text (GTK_EDITABLE (needed[i])) == '\0')
          valid = FALSE;
    }
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->url_row)) == '\0')
    valid = FALSE;

  gtk_widget_set_sensitive (self->add_button, valid && !self->busy);

  return valid;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return sc_json_node_to_string (root, FALSE);
}

static void
clear_form (ScChannelsWindow *self)
{
  AdwEntryRow *rows[] = { self->name_row, self->url_row, self->signing_row, self->sid_row,
                          self->token_row, self->from_row, self->to_row, self->base_url_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
}

/* Threads */

static void
add_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ChannelJob *job = task_data;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!(store = sc_store_open (job->path, &error)) ||
      !(id = sc_store_add_alert_channel (store, job->kind, job->name, job->config,
                                         g_get_real_time () / G_USEC_PER_SEC, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!sc_channel_secret_store_sync (job->path, id, job->name, job->secret, cancellable, &error))
    {
      /* No channel without its secret. */
      sc_store_remove_alert_channel (store, id, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
test_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ChannelJob *job = task_data;
  g_autoptr(ScAlertSender) sender = sc_alert_sender_new (SEND_TIMEOUT_SECONDS);
  g_auto(ScAlertSendResult) result = { 0, };
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = sc_channel_secret_lookup_sync (job->path, job->channel_id, cancellable, &error);
  if (secret == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("its secret is not in the keyring"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sc_alert_sender_send_test (sender, job->channel_id, job->kind, job->name, job->config, secret,
                             g_get_real_time () / G_USEC_PER_SEC, cancellable, &result);
  wipe (secret);

  if (result.outcome != SC_ALERT_DELIVERY_DELIVERED)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               result.reason != NULL ? result.reason : _("unknown error"));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Callbacks */

static void
add_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  ScChannelsWindow *self = SC_CHANNELS_WINDOW (object);
  ChannelJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->busy = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Could not add “%s”: %s"), job->name, error->message);
      set_status (self, text, FALSE);
      validate (self);
      return;
    }

  text = g_strdup_printf (_("Added the channel “%s”"), job->name);
  set_status (self, text, TRUE);
  clear_form (self);
  validate (self);
  reload (self);
}

static void
test_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ScChannelsWindow *self = SC_CHANNELS_WINDOW (object);
  ChannelJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: the second %s is the reason, e.g. "HTTP 404" */
      text = g_strdup_printf (_("The test did not reach “%s”: %s"), job->name, error->message);
      set_status (self, text, FALSE);
      return;
    }

  text = g_strdup_printf (_("The test reached “%s”"), job->name);
  set_status (self, text, TRUE);
}

static void
on_test_clicked_cb (ScChannelsWindow *self,
                    GtkButton        *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  sc_channels_window_send_test (self, index);
}

static gpointer
list_channels_job (ScStore       *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return sc_store_list_alert_channels (store, error);
}

static void
list_channels_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ScChannelsWindow) self = user_data;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GError) error = NULL;

  self->loading = FALSE;

  channels = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (channels == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message, FALSE);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->channels_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  self->channels = g_ptr_array_ref (channels);

  for (guint i = 0; i < channels->len; i++)
    {
      const ScAlertChannel *channel = g_ptr_array_index (channels, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Send _Test"));
      g_autofree char *subtitle = NULL;

      subtitle = channel->enabled ? g_strdup (kind_label (channel->kind))
                                  : g_strdup_printf (_("%s · turned off"), kind_label (channel->kind));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), channel->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Send a sample alert to this channel now"));
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_test_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->channels_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (self->empty_row, channels->len == 0);

  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      reload (self);
    }
}

static void
reload (ScChannelsWindow *self)
{
  if (self->loading)
    {
      self->reload_pending = TRUE;
      return;
    }

  self->loading = TRUE;
  sc_store_thread_run_async (sc_context_get_store (self->context), list_channels_job, NULL, NULL,
                             (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                             list_channels_cb, g_object_ref (self));
}

static void
on_store_changed_cb (ScChannelsWindow *self,
                     ScStoreChange     changes,
                     ScStoreThread    *store)
{
  if (changes & SC_STORE_CHANGE_SETTINGS)
    reload (self);
}

static void
on_input_changed_cb (ScChannelsWindow *self)
{
  g_assert (SC_IS_CHANNELS_WINDOW (self));

  validate (self);
}

static void
on_add_clicked_cb (ScChannelsWindow *self)
{
  g_assert (SC_IS_CHANNELS_WINDOW (self));

  sc_channels_window_add (self);
}

/* Overrides */

static void
sc_channels_window_dispose (GObject *object)
{
  ScChannelsWindow *self = (ScChannelsWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CHANNELS_WINDOW);

  G_OBJECT_CLASS (sc_channels_window_parent_class)->dispose (object);
}

static void
sc_channels_window_finalize (GObject *object)
{
  ScChannelsWindow *self = (ScChannelsWindow *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (sc_channels_window_parent_class)->finalize (object);
}

static void
sc_channels_window_class_init (ScChannelsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_channels_window_dispose;
  object_class->finalize = sc_channels_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/sc-channels-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, channels_group);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, empty_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, signing_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, sid_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, to_row);
  gtk_widget_class_bind_template_child (widget_class, ScChannelsWindow, base_url_row);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_channels_window_init (ScChannelsWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, _(kinds[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  validate (self);
}

/* Public API */

/**
 * sc_channels_window_present:
 * @context: the app's context
 * @parent: (nullable): the window to be modal to
 *
 * Returns: (transfer none): the window, shown
 */
ScChannelsWindow *
sc_channels_window_present (ScContext *context,
                            GtkWindow *parent)
{
  ScChannelsWindow *self;

  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  self = g_object_new (SC_TYPE_CHANNELS_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (sc_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * sc_channels_window_get_n_channels:
 * @self: a #ScChannelsWindow
 *
 * Returns: how many channels the list shows
 */
guint
sc_channels_window_get_n_channels (ScChannelsWindow *self)
{
  g_return_val_if_fail (SC_IS_CHANNELS_WINDOW (self), 0);
  return self->channels != NULL ? self->channels->len : 0;
}

/**
 * sc_channels_window_set_form:
 * @self: a #ScChannelsWindow
 * @kind: a channel kind such as "webhook"
 * @name: its name
 * @url: its URL, the secret
 *
 * Fills the form to add a channel with a URL.
 */
void
sc_channels_window_set_form (ScChannelsWindow *self,
                             const char       *kind,
                             const char       *name,
                             const char       *url)
{
  g_return_if_fail (SC_IS_CHANNELS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
}

gboolean
sc_channels_window_can_add (ScChannelsWindow *self)
{
  g_return_val_if_fail (SC_IS_CHANNELS_WINDOW (self), FALSE);
  return gtk_widget_get_sensitive (self->add_button);
}

/**
 * sc_channels_window_add:
 * @self: a #ScChannelsWindow
 *
 * Adds the channel the form describes, with its secret in the keyring,
 * from a worker thread; a toast says how it went.
 */
void
sc_channels_window_add (ScChannelsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) secret = json_builder_new ();
  g_autoptr(JsonBuilder) config = json_builder_new ();
  ChannelJob *job;

  g_return_if_fail (SC_IS_CHANNELS_WINDOW (self));

  if (!validate (self) || self->busy)
    return;

  job = g_new0 (ChannelJob, 1);
  job->path = g_strdup (sc_store_thread_get_path (sc_context_get_store (self->context)));
  job->kind = g_strdup (selected_kind (self));
  job->name = text_of (self->name_row);

  json_builder_begin_object (secret);
  json_builder_begin_object (config);
  if (is_twilio (job->kind))
    {
      g_autofree char *sid = text_of (self->sid_row);
      g_autofree char *from = text_of (self->from_row);
      g_autofree char *to = text_of (self->to_row);
      g_autofree char *base = text_of (self->base_url_row);

      add_member (secret, "account_sid", sid);
      add_member (secret, "auth_token", gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
      add_member (config, "from", from);
      add_member (config, "to", to);
      add_member (config, "base_url", base);
    }
  else
    {
      g_autofree char *url = text_of (self->url_row);

      add_member (secret, "url", url);
      if (g_str_equal (job->kind, "webhook"))
        add_member (secret, "signing_key", gtk_editable_get_text (GTK_EDITABLE (self->signing_row)));
    }
  job->secret = builder_to_string (secret);
  job->config = builder_to_string (config);

  self->busy = TRUE;
  validate (self);

  task = g_task_new (self, self->cancellable, add_cb, NULL);
  g_task_set_source_tag (task, sc_channels_window_add);
  g_task_set_task_data (task, job, channel_job_free);
  g_task_run_in_thread (task, add_in_thread);
}

/**
 * sc_channels_window_send_test:
 * @self: a #ScChannelsWindow
 * @index: a channel, in the order of the list
 *
 * Sends a sample alert to the channel from a worker thread, records
 * nothing, and says in a toast whether it arrived or why not.
 */
void
sc_channels_window_send_test (ScChannelsWindow *self,
                              guint             index)
{
  g_autoptr(GTask) task = NULL;
  const ScAlertChannel *channel;
  ChannelJob *job;

  g_return_if_fail (SC_IS_CHANNELS_WINDOW (self));
  g_return_if_fail (self->channels != NULL && index < self->channels->len);

  channel = g_ptr_array_index (self->channels, index);
  job = g_new0 (ChannelJob, 1);
  job->path = g_strdup (sc_store_thread_get_path (sc_context_get_store (self->context)));
  job->channel_id = channel->id;
  job->kind = g_strdup (channel->kind);
  job->name = g_strdup (channel->name);
  job->config = g_strdup (channel->config);

  task = g_task_new (self, self->cancellable, test_cb, NULL);
  g_task_set_source_tag (task, sc_channels_window_send_test);
  g_task_set_task_data (task, job, channel_job_free);
  g_task_run_in_thread (task, test_in_thread);
}

/**
 * sc_channels_window_get_n_results:
 * @self: a #ScChannelsWindow
 *
 * Returns: how many adds and tests finished
 */
guint
sc_channels_window_get_n_results (ScChannelsWindow *self)
{
  g_return_val_if_fail (SC_IS_CHANNELS_WINDOW (self), 0);
  return self->n_results;
}

/**
 * sc_channels_window_get_status:
 * @self: a #ScChannelsWindow
 * @success: (out) (optional): whether it went well
 *
 * Returns: (nullable): the last toast's text
 */
const char *
sc_channels_window_get_status (ScChannelsWindow *self,
                               gboolean         *success)
{
  g_return_val_if_fail (SC_IS_CHANNELS_WINDOW (self), NULL);

  if (success != NULL)
    *success = self->success;

  return self->status;
}
