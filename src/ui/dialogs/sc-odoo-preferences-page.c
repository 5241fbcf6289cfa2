/* sc-odoo-preferences-page.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-odoo-preferences-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-odoo-preferences-page.h"
#include "sc-secrets.h"
#include "sc-sync-account.h"

/* The "Odoo Server" page of the preferences: the server, the database
 * (picked from the server's list when it gives one), the login and the
 * password or API key. "Test Connection" shows the server's version,
 * whether the KPI Tracking addon is installed and the user's KPI role, or
 * the precise error. "Sign In and Save" does what `scorecard-cli login`
 * does: sign in, keep the secret in the keyring and the account in the
 * store's settings (sc-sync-account), then the scheduler syncs. An empty
 * password field means the one already in the keyring. */

#define LIST_DATABASES_DELAY_MSEC 700

struct _ScOdooPreferencesPage
{
  AdwPreferencesPage  parent_instance;

  ScContext          *context;
  GCancellable       *cancellable;
  GCancellable       *list_cancellable;
  ScSyncAccount      *saved;
  char               *pinned;
  char               *offered;
  guint               list_source;
  gboolean            busy;

  /* Template widgets */
  AdwEntryRow        *url_row;
  AdwComboRow        *database_combo;
  GtkStringList      *databases;
  AdwEntryRow        *database_row;
  AdwEntryRow        *login_row;
  AdwPasswordEntryRow *secret_row;
  AdwActionRow       *status_row;
  GtkStack           *status_stack;
  GtkImage           *status_icon;
  GtkSpinner         *status_spinner;
  GtkWidget          *test_button;
  GtkWidget          *save_button;
  GtkWidget          *trust_button;
};

typedef struct
{
  ScOdooPreferencesPage *self;
  gboolean               save;
  ScOdooClient          *client;
  ScOdooVersion         *version;
  ScSyncAccount          account;
  char                  *secret;
} Check;

G_DEFINE_FINAL_TYPE (ScOdooPreferencesPage, sc_odoo_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void check_login (Check *check);

/* Auxiliary methods */

static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static void
check_free (Check *check)
{
  g_clear_object (&check->self);
  g_clear_object (&check->client);
  g_clear_pointer (&check->version, sc_odoo_version_free);
  g_free (check->account.url);
  g_free (check->account.database);
  g_free (check->account.login);
  g_free (check->account.certificate);
  g_clear_pointer (&check->secret, wipe_free);
  g_free (check);
}

static const char *
role_sentence (ScOdooRole role)
{
  switch (role)
    {
    case SC_ODOO_ROLE_ADMIN:
      return _("Your KPI role: KPI Admin, who submits and corrects values.");
    case SC_ODOO_ROLE_MANAGER:
      return _("Your KPI role: KPI Manager, who submits values but cannot change them.");
    case SC_ODOO_ROLE_USER:
      return _("Your KPI role: KPI User, who reads KPIs but cannot submit values.");
    case SC_ODOO_ROLE_NONE:
    default:
      return _("You are in no KPI group: ask a KPI Admin to add you to one.");
    }
}

static void
set_status (ScOdooPreferencesPage *self,
            const char            *icon_name,
            const char            *title,
            const char            *subtitle)
{
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle != NULL ? subtitle : "");

  if (g_strcmp0 (icon_name, "dialog-warning-symbolic") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (g_strcmp0 (icon_name, "emblem-ok-symbolic") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
}

static void
set_busy (ScOdooPreferencesPage *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->status_spinner, busy);
  gtk_stack_set_visible_child_name (self->status_stack, busy ? "spinner" : "icon");
  gtk_widget_set_sensitive (self->test_button, !busy);
  gtk_widget_set_sensitive (self->save_button, !busy);
}

static char *
trimmed_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static char *
database_text (ScOdooPreferencesPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->database_combo)))
    {
      guint selected = adw_combo_row_get_selected (self->database_combo);

      if (selected == GTK_INVALID_LIST_POSITION)
        return g_strdup ("");
      return g_strdup (gtk_string_list_get_string (self->databases, selected));
    }

  return trimmed_text (self->database_row);
}

static void
fail_check (Check        *check,
            const GError *error)
{
  ScOdooPreferencesPage *self = check->self;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_busy (self, FALSE);
      set_status (self, "dialog-warning-symbolic",
                  check->save ? _("Not Saved") : _("Connection Failed"), error->message);

      /* A certificate the system does not trust (self-signed): the user
       * may trust it by its fingerprint, which the message shows. */
      g_clear_pointer (&self->offered, g_free);
      if (g_error_matches (error, SC_SYNC_ERROR, SC_SYNC_ERROR_CERTIFICATE))
        self->offered = g_strdup (sc_sync_error_get_certificate_fingerprint (error));
      gtk_widget_set_visible (self->trust_button, self->offered != NULL);
    }

  check_free (check);
}

static void
show_connected (Check *check)
{
  ScOdooPreferencesPage *self = check->self;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean signed_in = sc_odoo_client_get_uid (check->client) > 0;

  /* Translators: %s is Odoo's version, such as "17.0" */
  title = g_strdup_printf (_("Odoo %s"), check->version->server_version);

  if (!signed_in)
    subtitle = g_strdup (_("Type a login and a password or API key to check the KPI Tracking "
                           "addon and your KPI role."));
  else if (!sc_odoo_client_get_addon_installed (check->client))
    subtitle = g_strdup (_("The KPI Tracking addon (kpi_tracking) is not installed on this "
                           "database: there is nothing to sync until it is."));
  else
    subtitle = g_strdup_printf ("%s\n%s", _("The KPI Tracking addon is installed."),
                                role_sentence (sc_odoo_client_get_role (check->client)));

  if (sc_odoo_client_get_pinned_certificate (check->client) != NULL)
    {
      g_autofree char *with_pin = g_strdup_printf ("%s\n%s", subtitle,
                                                   _("The server’s certificate is trusted by its "
                                                     "fingerprint."));

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_pin);
    }

  set_busy (self, FALSE);
  set_status (self, signed_in ? "emblem-ok-symbolic" : "network-server-symbolic", title, subtitle);
}

static void
account_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Check *check = user_data;
  ScOdooPreferencesPage *self = check->self;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  if (!sc_sync_account_save_finish (SC_STORE_THREAD (object), result, &error))
    {
      fail_check (check, error);
      return;
    }

  /* Another account replaced: its secret has no use any more. */
  if (sc_sync_account_is_configured (self->saved) &&
      !sc_sync_account_same_identity (self->saved, &check->account))
    sc_secrets_clear_async (self->saved->url, self->saved->database, self->saved->login, NULL,
                            NULL, NULL);
  g_clear_pointer (&self->saved, sc_sync_account_free);
  self->saved = sc_sync_account_copy (&check->account);

  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  show_connected (check);
  {
    g_autofree char *subtitle = g_strconcat (adw_action_row_get_subtitle (self->status_row), "\n",
                                             _("Saved: Scorecard syncs with this account."),
                                             NULL);

    adw_action_row_set_subtitle (self->status_row, subtitle);
  }

  sc_sync_scheduler_reload_account (sc_context_get_sync (self->context));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root),
                                      adw_toast_new (_("Signed in and saved")));

  check_free (check);
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(GError) error = NULL;

  if (!sc_secrets_store_finish (result, &error))
    {
      fail_check (check, error);
      return;
    }

  check->account.role = sc_odoo_client_get_role (check->client);
  sc_sync_account_save_async (sc_context_get_store (check->self->context), &check->account,
                              check->self->cancellable, account_saved_cb, check);
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(GError) error = NULL;

  if (sc_odoo_client_login_finish (SC_ODOO_CLIENT (object), result, &error) <= 0)
    {
      fail_check (check, error);
      return;
    }

  if (!check->save)
    {
      show_connected (check);
      check_free (check);
      return;
    }

  sc_secrets_store_async (check->account.url, check->account.database, check->account.login,
                          check->secret, check->self->cancellable, secret_stored_cb, check);
}

static void
check_login (Check *check)
{
  if (check->secret == NULL || check->account.login[0] == '\0')
    {
      if (check->save)
        {
          g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                         _("Type your login and your password "
                                                           "or API key"));
          fail_check (check, error);
          return;
        }

      show_connected (check);
      check_free (check);
      return;
    }

  sc_odoo_client_login_async (check->client, check->account.login, check->secret,
                              check->self->cancellable, login_cb, check);
}

static void
stored_secret_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  /* None saved is not an error here: the test then stops at the version. */
  secret = sc_secrets_lookup_finish (result, &error);
  check->secret = g_strdup (secret);
  sc_secrets_free (secret);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      check_free (check);
      return;
    }

  check_login (check);
}

static void
version_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(GError) error = NULL;

  check->version = sc_odoo_client_version_finish (SC_ODOO_CLIENT (object), result, &error);
  if (check->version == NULL)
    {
      fail_check (check, error);
      return;
    }

  if (check->secret == NULL && check->account.login[0] != '\0')
    {
      sc_secrets_lookup_async (check->account.url, check->account.database, check->account.login,
                               check->self->cancellable, stored_secret_cb, check);
      return;
    }

  check_login (check);
}

static void
start_check (ScOdooPreferencesPage *self,
             gboolean               save)
{
  g_autofree char *url = trimmed_text (self->url_row);
  g_autofree char *database = database_text (self);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  Check *check;

  if (self->busy)
    return;

  if (*url == '\0' || *database == '\0')
    {
      set_status (self, "dialog-warning-symbolic", _("Connection Failed"),
                  *url == '\0' ? _("Type the server’s address, such as https://odoo.example.com")
                               : _("Type or choose the Odoo database"));
      return;
    }

  check = g_new0 (Check, 1);
  check->self = g_object_ref (self);
  check->save = save;
  check->client = sc_odoo_client_new (url, database);
  check->account.url = g_strdup (sc_odoo_client_get_url (check->client));
  check->account.database = g_steal_pointer (&database);
  check->account.login = trimmed_text (self->login_row);
  if (*secret != '\0')
    check->secret = g_strdup (secret);
  if (self->pinned != NULL && sc_odoo_client_set_pinned_certificate (check->client, self->pinned))
    check->account.certificate = g_strdup (self->pinned);
  gtk_widget_set_visible (self->trust_button, FALSE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  set_status (self, "network-server-symbolic",
              save ? _("Signing In…") : _("Testing the Connection…"), NULL);
  sc_odoo_client_version_async (check->client, self->cancellable, version_cb, check);
}

static void
databases_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ScOdooPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *current = NULL;
  guint selected = 0;

  names = sc_odoo_client_list_databases_finish (SC_ODOO_CLIENT (object), result, &error);
  g_object_unref (object);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The server hides its list (list_db = False) or cannot be reached yet:
   * the database is typed. */
  if (names == NULL || names[0] == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->database_combo), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->database_row), TRUE);
      return;
    }

  current = trimmed_text (self->database_row);
  gtk_string_list_splice (self->databases, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->databases)),
                          (const char * const *)names);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], current) == 0)
      selected = i;
  adw_combo_row_set_selected (self->database_combo, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->database_combo), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->database_row), FALSE);
}

static gboolean
list_databases_cb (gpointer data)
{
  ScOdooPreferencesPage *self = data;
  g_autofree char *url = trimmed_text (self->url_row);
  ScOdooClient *client;

  self->list_source = 0;

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);

  if (*url == '\0')
    return G_SOURCE_REMOVE;

  self->list_cancellable = g_cancellable_new ();
  client = sc_odoo_client_new (url, "");
  sc_odoo_client_set_timeout (client, 10);
  sc_odoo_client_list_databases_async (client, self->list_cancellable, databases_cb,
                                       g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
account_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ScOdooPreferencesPage) self = user_data;
  g_autoptr(ScSyncAccount) account = NULL;

  account = sc_sync_account_load_finish (SC_STORE_THREAD (object), result, NULL);
  if (!sc_sync_account_is_configured (account))
    return;

  self->saved = g_steal_pointer (&account);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), self->saved->url);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), self->saved->database);
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), self->saved->login);
  set_status (self, "emblem-ok-symbolic", _("Set Up"), role_sentence (self->saved->role));
}

/* Callbacks */

static void
on_url_changed_cb (ScOdooPreferencesPage *self)
{
  g_autofree char *url = trimmed_text (self->url_row);

  /* A trusted certificate belongs to its server. */
  g_clear_pointer (&self->pinned, g_free);
  if (self->saved != NULL && g_strcmp0 (self->saved->url, url) == 0)
    self->pinned = g_strdup (self->saved->certificate);

  g_clear_handle_id (&self->list_source, g_source_remove);
  self->list_source = g_timeout_add (LIST_DATABASES_DELAY_MSEC, list_databases_cb, self);
}

static void
on_field_changed_cb (ScOdooPreferencesPage *self)
{
  /* The result shown was for other values. */
  if (!self->busy && self->saved == NULL)
    set_status (self, "network-server-symbolic", _("Not tested yet"),
                _("Test the connection to see the server’s version, whether the KPI Tracking "
                  "addon is installed, and your KPI role."));
}

static void
on_trust_clicked_cb (ScOdooPreferencesPage *self)
{
  g_free (self->pinned);
  self->pinned = g_steal_pointer (&self->offered);
  start_check (self, FALSE);
}

static void
on_test_clicked_cb (ScOdooPreferencesPage *self)
{
  start_check (self, FALSE);
}

static void
on_save_clicked_cb (ScOdooPreferencesPage *self)
{
  start_check (self, TRUE);
}

/* Overrides */

static void
sc_odoo_preferences_page_constructed (GObject *object)
{
  ScOdooPreferencesPage *self = (ScOdooPreferencesPage *)object;

  G_OBJECT_CLASS (sc_odoo_preferences_page_parent_class)->constructed (object);

  sc_sync_account_load_async (sc_context_get_store (self->context), self->cancellable,
                              account_loaded_cb, g_object_ref (self));
}

static void
sc_odoo_preferences_page_dispose (GObject *object)
{
  ScOdooPreferencesPage *self = (ScOdooPreferencesPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->list_cancellable);
  g_clear_handle_id (&self->list_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ODOO_PREFERENCES_PAGE);

  G_OBJECT_CLASS (sc_odoo_preferences_page_parent_class)->dispose (object);
}

static void
sc_odoo_preferences_page_finalize (GObject *object)
{
  ScOdooPreferencesPage *self = (ScOdooPreferencesPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_pointer (&self->saved, sc_sync_account_free);
  g_clear_pointer (&self->pinned, g_free);
  g_clear_pointer (&self->offered, g_free);

  G_OBJECT_CLASS (sc_odoo_preferences_page_parent_class)->finalize (object);
}

static void
sc_odoo_preferences_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ScOdooPreferencesPage *self = SC_ODOO_PREFERENCES_PAGE (object);

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
sc_odoo_preferences_page_class_init (ScOdooPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_odoo_preferences_page_constructed;
  object_class->dispose = sc_odoo_preferences_page_dispose;
  object_class->finalize = sc_odoo_preferences_page_finalize;
  object_class->set_property = sc_odoo_preferences_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SC_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/sc-odoo-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, database_combo);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, databases);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, database_row);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, status_stack);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScOdooPreferencesPage, trust_button);
  gtk_widget_class_bind_template_callback (widget_class, on_url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_trust_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
}

static void
sc_odoo_preferences_page_init (ScOdooPreferencesPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_odoo_preferences_page_new (ScContext *context)
{
  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  return g_object_new (SC_TYPE_ODOO_PREFERENCES_PAGE, "context", context, NULL);
}

/**
 * sc_odoo_preferences_page_get_status:
 * @self: a #ScOdooPreferencesPage
 * @subtitle: (out) (optional) (transfer none): the details
 *
 * Returns: (transfer none): the headline of the last test or save
 */
const char *
sc_odoo_preferences_page_get_status (ScOdooPreferencesPage  *self,
                                     const char            **subtitle)
{
  g_return_val_if_fail (SC_IS_ODOO_PREFERENCES_PAGE (self), NULL);

  if (subtitle != NULL)
    *subtitle = adw_action_row_get_subtitle (self->status_row);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->status_row));
}

gboolean
sc_odoo_preferences_page_get_busy (ScOdooPreferencesPage *self)
{
  g_return_val_if_fail (SC_IS_ODOO_PREFERENCES_PAGE (self), FALSE);
  return self->busy;
}
