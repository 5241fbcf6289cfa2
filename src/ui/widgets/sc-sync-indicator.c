/* sc-sync-indicator.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-period.h"
#include "sc-sync-indicator.h"
#include "sc-sync-issues.h"

/* The header bar's sync button: an icon for the state (idle, syncing,
 * offline, error, not set up), and a popover that says when the last sync
 * was, what waits in the outbox, why the last sync failed, and lists the
 * changes Odoo refused and the conflicts, with a way to retry or
 * re-apply them. As Calendar's sync indicator does, the spinner appears
 * only when a sync lasts longer than SPINNER_DELAY_MSEC, so quick syncs
 * do not flicker. */

#define SPINNER_DELAY_MSEC 500

struct _ScSyncIndicator
{
  GtkWidget        parent_instance;

  ScContext       *context;
  ScSyncScheduler *sync;
  GCancellable    *cancellable;
  guint            spinner_source;
  guint            loading_issues : 1;
  guint            reload_issues : 1;

  /* Template widgets */
  GtkMenuButton   *button;
  GtkStack        *icon_stack;
  GtkImage        *icon;
  GtkSpinner      *spinner;
  GtkPopover      *popover;
  GtkImage        *status_image;
  GtkLabel        *title_label;
  GtkLabel        *detail_label;
  GtkProgressBar  *progress_bar;
  GtkLabel        *last_sync_label;
  GtkLabel        *pending_label;
  GtkWidget       *account_title;
  GtkLabel        *account_label;
  GtkWidget       *sync_button;
  GtkWidget       *setup_button;
  GtkWidget       *failed_title;
  GtkListBox      *failed_list;
  GtkWidget       *conflicts_title;
  GtkListBox      *conflicts_list;
};

G_DEFINE_FINAL_TYPE (ScSyncIndicator, sc_sync_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_issues (ScSyncIndicator *self);

/* Auxiliary methods */

static const char *
role_name (ScOdooRole role)
{
  switch (role)
    {
    case SC_ODOO_ROLE_ADMIN:
      return _("KPI Admin");
    case SC_ODOO_ROLE_MANAGER:
      return _("KPI Manager");
    case SC_ODOO_ROLE_USER:
      return _("KPI User");
    case SC_ODOO_ROLE_NONE:
    default:
      return _("no KPI group");
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_last_sync (GDateTime *time)
{
  if (time == NULL)
    return g_strdup (C_("last sync", "Never"));

  return sc_time_format_local (g_date_time_to_unix (time), NULL);
}

static void
show_spinner (ScSyncIndicator *self,
              gboolean         spinning)
{
  gtk_spinner_set_spinning (self->spinner, spinning);
  gtk_stack_set_visible_child_name (self->icon_stack, spinning ? "spinner" : "icon");
}

static gboolean
spinner_timeout_cb (gpointer data)
{
  ScSyncIndicator *self = data;

  self->spinner_source = 0;
  show_spinner (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
update (ScSyncIndicator *self)
{
  ScSyncStatus state = sc_sync_scheduler_get_state (self->sync);
  const char *error = sc_sync_scheduler_get_error_message (self->sync);
  const char *login = sc_sync_scheduler_get_login (self->sync);
  guint pending = sc_sync_scheduler_get_pending (self->sync);
  guint issues = sc_sync_scheduler_get_failed (self->sync) +
                 sc_sync_scheduler_get_conflicts (self->sync);
  double progress = sc_sync_scheduler_get_progress (self->sync);
  g_autofree char *last_sync = format_last_sync (sc_sync_scheduler_get_last_sync (self->sync));
  g_autofree char *pending_text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *percent = NULL;
  const char *icon_name = "emblem-synchronizing-symbolic";
  const char *title = NULL;

  switch (state)
    {
    case SC_SYNC_STATUS_NOT_CONFIGURED:
      title = _("Not Connected to Odoo");
      detail = g_strdup (_("Scorecard works offline. Set up an Odoo server to sync your KPIs."));
      tooltip = g_strdup (_("Not connected to Odoo"));
      break;
    case SC_SYNC_STATUS_IDLE:
      title = _("Up to Date");
      if (issues > 0)
        {
          /* Refused changes and conflicts wait for the user: say so on the button. */
          icon_name = "dialog-warning-symbolic";
          detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u change needs your attention: see below.",
                                                 "%u changes need your attention: see below.",
                                                 issues),
                                    issues);
          tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Synced; %u change needs your attention",
                                                  "Synced; %u changes need your attention",
                                                  issues),
                                     issues);
        }
      else
        tooltip = g_strdup_printf (_("Synced; last sync %s"), last_sync);
      break;
    case SC_SYNC_STATUS_SYNCING:
      title = _("Syncing…");
      percent = g_strdup_printf (_("%.0f %%"), progress * 100.0);
      tooltip = g_strdup_printf (_("Syncing with Odoo (%s)"), percent);
      break;
    case SC_SYNC_STATUS_OFFLINE:
      icon_name = "network-offline-symbolic";
      title = _("Offline");
      detail = g_strdup (_("Values you submit are kept here and sent when the network is back."));
      tooltip = g_strdup (_("Offline: changes are kept until the network is back"));
      break;
    case SC_SYNC_STATUS_ERROR:
    default:
      icon_name = "dialog-warning-symbolic";
      title = _("Sync Failed");
      if (sc_sync_scheduler_get_retry_delay (self->sync) > 0)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          guint delay = sc_sync_scheduler_get_retry_delay (self->sync);
          g_autoptr(GDateTime) next = g_date_time_add_seconds (now, delay / 1000.0);
          g_autofree char *at = g_date_time_format (next, "%H:%M:%S");

          /* Translators: an error message, then the time of the next try */
          detail = g_strdup_printf (_("%s\nScorecard tries again at %s."), error, at);
        }
      else
        detail = g_strdup (error);
      tooltip = g_strdup_printf (_("Sync failed: %s"), error);
      break;
    }

  /* The icon of the button */
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_image_set_from_icon_name (self->status_image, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  if (state == SC_SYNC_STATUS_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  if (state == SC_SYNC_STATUS_IDLE && issues > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
  if (state == SC_SYNC_STATUS_NOT_CONFIGURED || state == SC_SYNC_STATUS_OFFLINE)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "dim-label");

  if (state == SC_SYNC_STATUS_SYNCING)
    {
      if (self->spinner_source == 0 && !gtk_spinner_get_spinning (self->spinner))
        self->spinner_source = g_timeout_add (SPINNER_DELAY_MSEC, spinner_timeout_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->spinner_source, g_source_remove);
      show_spinner (self, FALSE);
    }

  /* The popover */
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == SC_SYNC_STATUS_SYNCING);
  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  gtk_progress_bar_set_text (self->progress_bar, percent);

  gtk_label_set_text (self->last_sync_label, last_sync);
  pending_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", pending),
                                  pending);
  gtk_label_set_text (self->pending_label, pending_text);

  if (login != NULL)
    {
      g_autofree char *account = g_strdup_printf (_("%s, %s"), login,
                                                  role_name (sc_sync_scheduler_get_role (self->sync)));

      gtk_label_set_text (self->account_label, account);
    }
  gtk_widget_set_visible (self->account_title, login != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->account_label), login != NULL);

  gtk_widget_set_visible (self->sync_button, state != SC_SYNC_STATUS_NOT_CONFIGURED);
  gtk_widget_set_sensitive (self->sync_button, state == SC_SYNC_STATUS_IDLE ||
                                               state == SC_SYNC_STATUS_ERROR);
  gtk_widget_set_visible (self->setup_button, state == SC_SYNC_STATUS_NOT_CONFIGURED ||
                                              state == SC_SYNC_STATUS_ERROR);
}

static void
act_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ScSyncIndicator) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sc_sync_issues_act_finish (SC_STORE_THREAD (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("%s", error->message);
      return;
    }

  /* What was queued again goes now, if it can. */
  sc_sync_scheduler_sync_now (self->sync);
  load_issues (self);
}

static void
on_issue_button_clicked_cb (GtkButton       *button,
                            ScSyncIndicator *self)
{
  ScSyncIssue *issue = g_object_get_data (G_OBJECT (button), "issue");
  gboolean dismiss = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "dismiss"));

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  sc_sync_issues_act_async (sc_context_get_store (self->context), issue, dismiss,
                            self->cancellable, act_cb, g_object_ref (self));
}

static GtkWidget *
issue_button (ScSyncIndicator   *self,
              const ScSyncIssue *issue,
              const char        *label,
              const char        *icon_name,
              gboolean           dismiss)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_mnemonic (label);
  ScSyncIssue *copy = g_new0 (ScSyncIssue, 1);

  copy->kind = issue->kind;
  copy->id = issue->id;
  g_object_set_data_full (G_OBJECT (button), "issue", copy, (GDestroyNotify)sc_sync_issue_free);
  g_object_set_data (G_OBJECT (button), "dismiss", GINT_TO_POINTER (dismiss));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (icon_name != NULL)
    {
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_add_css_class (button, "flat");
    }
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_issue_button_clicked_cb), self, 0);

  return button;
}

static GtkWidget *
issue_row (ScSyncIndicator   *self,
           const ScSyncIssue *issue)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = issue->date > 0 ? sc_time_format_local (issue->date, NULL) : NULL;

  /* Translators: a KPI's name and a value submitted for it */
  title = g_strdup_printf (_("%s: %g"), issue->kpi_name != NULL ? issue->kpi_name : _("Unknown KPI"),
                           issue->value);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (when != NULL && issue->message != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", when, issue->message);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), issue->message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (issue->kind == SC_SYNC_ISSUE_FAILED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               issue_button (self, issue, _("_Retry"), NULL, FALSE));
  else
    {
      if (issue->can_reapply)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   issue_button (self, issue, _("Re-_apply"), NULL, FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 issue_button (self, issue, _("Dismiss"),
                                               "window-close-symbolic", TRUE));
    }

  return row;
}

static void
issues_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScSyncIndicator) self = user_data;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;
  guint n_conflicts = 0;

  self->loading_issues = FALSE;

  issues = sc_sync_issues_list_finish (SC_STORE_THREAD (object), result, &error);
  if (issues == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the sync issues: %s", error->message);
      return;
    }

  clear_list (self->failed_list);
  clear_list (self->conflicts_list);

  for (guint i = 0; i < issues->len; i++)
    {
      ScSyncIssue *issue = g_ptr_array_index (issues, i);
      GtkListBox *list = issue->kind == SC_SYNC_ISSUE_FAILED ? self->failed_list
                                                             : self->conflicts_list;

      gtk_list_box_append (list, issue_row (self, issue));
      if (issue->kind == SC_SYNC_ISSUE_FAILED)
        n_failed++;
      else
        n_conflicts++;
    }

  gtk_widget_set_visible (self->failed_title, n_failed > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->failed_list), n_failed > 0);
  gtk_widget_set_visible (self->conflicts_title, n_conflicts > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_list), n_conflicts > 0);

  if (self->reload_issues)
    {
      self->reload_issues = FALSE;
      load_issues (self);
    }
}

static void
load_issues (ScSyncIndicator *self)
{
  if (self->loading_issues)
    {
      self->reload_issues = TRUE;
      return;
    }

  self->loading_issues = TRUE;
  sc_sync_issues_list_async (sc_context_get_store (self->context), self->cancellable, issues_cb,
                             g_object_ref (self));
}

/* Callbacks */

static void
on_popover_show_cb (ScSyncIndicator *self)
{
  load_issues (self);
}

static void
on_issue_counts_cb (ScSyncIndicator *self)
{
  update (self);
  load_issues (self);
}

/* Overrides */

static void
sc_sync_indicator_constructed (GObject *object)
{
  ScSyncIndicator *self = (ScSyncIndicator *)object;
  static const char *shown[] = {
    "notify::state", "notify::progress", "notify::error-message", "notify::last-sync",
    "notify::pending", "notify::role", "notify::login", "notify::retry-delay",
  };

  G_OBJECT_CLASS (sc_sync_indicator_parent_class)->constructed (object);

  g_assert (SC_IS_CONTEXT (self->context));

  self->sync = g_object_ref (sc_context_get_sync (self->context));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_signal_connect_object (self->sync, shown[i], G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::failed", G_CALLBACK (on_issue_counts_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::conflicts", G_CALLBACK (on_issue_counts_cb), self,
                           G_CONNECT_SWAPPED);

  update (self);
  load_issues (self);
}

static void
sc_sync_indicator_dispose (GObject *object)
{
  ScSyncIndicator *self = (ScSyncIndicator *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (sc_sync_indicator_parent_class)->dispose (object);
}

static void
sc_sync_indicator_finalize (GObject *object)
{
  ScSyncIndicator *self = (ScSyncIndicator *)object;

  g_clear_object (&self->sync);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sc_sync_indicator_parent_class)->finalize (object);
}

static void
sc_sync_indicator_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScSyncIndicator *self = SC_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_sync_indicator_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScSyncIndicator *self = SC_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_sync_indicator_class_init (ScSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_sync_indicator_constructed;
  object_class->dispose = sc_sync_indicator_dispose;
  object_class->finalize = sc_sync_indicator_finalize;
  object_class->get_property = sc_sync_indicator_get_property;
  object_class->set_property = sc_sync_indicator_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SC_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/widgets/sc-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, status_image);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, last_sync_label);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, pending_label);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, account_title);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, account_label);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, sync_button);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, setup_button);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, failed_title);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, failed_list);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, conflicts_title);
  gtk_widget_class_bind_template_child (widget_class, ScSyncIndicator, conflicts_list);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "syncindicator");
}

static void
sc_sync_indicator_init (ScSyncIndicator *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_sync_indicator_new (ScContext *context)
{
  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  return g_object_new (SC_TYPE_SYNC_INDICATOR, "context", context, NULL);
}

/**
 * sc_sync_indicator_get_status_title:
 * @self: a #ScSyncIndicator
 *
 * Returns: the popover's headline, such as "Up to Date"
 */
const char *
sc_sync_indicator_get_status_title (ScSyncIndicator *self)
{
  g_return_val_if_fail (SC_IS_SYNC_INDICATOR (self), NULL);
  return gtk_label_get_text (self->title_label);
}

/**
 * sc_sync_indicator_get_icon_name:
 * @self: a #ScSyncIndicator
 *
 * Returns: (nullable): the button's icon, or "spinner" while it spins
 */
const char *
sc_sync_indicator_get_icon_name (ScSyncIndicator *self)
{
  g_return_val_if_fail (SC_IS_SYNC_INDICATOR (self), NULL);

  if (gtk_spinner_get_spinning (self->spinner))
    return "spinner";

  return gtk_image_get_icon_name (self->icon);
}

/**
 * sc_sync_indicator_get_popover:
 * @self: a #ScSyncIndicator
 *
 * Returns: (transfer none): the popover with the details
 */
GtkPopover *
sc_sync_indicator_get_popover (ScSyncIndicator *self)
{
  g_return_val_if_fail (SC_IS_SYNC_INDICATOR (self), NULL);
  return self->popover;
}

/**
 * sc_sync_indicator_get_n_issues:
 * @self: a #ScSyncIndicator
 *
 * Returns: the rows of refused changes and conflicts the popover lists
 */
guint
sc_sync_indicator_get_n_issues (ScSyncIndicator *self)
{
  guint n = 0;

  g_return_val_if_fail (SC_IS_SYNC_INDICATOR (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->failed_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}
