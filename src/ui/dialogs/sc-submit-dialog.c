/* sc-submit-dialog.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-submit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-format.h"
#include "sc-period.h"
#include "sc-score.h"
#include "sc-submit-dialog.h"
#include "sc-window.h"

/* Records a value for a manual KPI. Input is checked as it is typed, with
 * the reason shown, so Submit is only offered for a value the store will
 * take; the write itself happens on the store thread. */

struct _ScSubmitDialog
{
  AdwWindow       parent_instance;

  ScContext      *context;
  ScKpi          *kpi;
  GCancellable   *cancellable;
  char           *error;
  double          value;
  gint64          date;
  gboolean        valid;
  gboolean        busy;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *submit_button;
  AdwEntryRow    *value_row;
  AdwActionRow   *achieved_row;
  GtkSwitch      *achieved_switch;
  AdwEntryRow    *date_row;
  AdwEntryRow    *note_row;
  GtkLabel       *unit_label;
  GtkLabel       *error_label;
  GtkLabel       *hint_label;
};

G_DEFINE_FINAL_TYPE (ScSubmitDialog, sc_submit_dialog, ADW_TYPE_WINDOW)

/* Auxiliary methods */

static gboolean
is_boolean (ScSubmitDialog *self)
{
  return sc_kpi_get_target_type (self->kpi) == SC_TARGET_TYPE_BOOLEAN;
}

static void
set_error (ScSubmitDialog *self,
           const char     *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_text (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
validate (ScSubmitDialog *self)
{
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (value_text));

  self->valid = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  if (is_boolean (self))
    self->value = gtk_switch_get_active (self->achieved_switch) ? 1.0 : 0.0;
  else if (*trimmed == '\0')
    {
      set_error (self, NULL);
      goto out;
    }
  else if (!sc_parse_number (trimmed, &self->value))
    {
      message = g_strdup_printf (_("“%s” is not a number"), trimmed);
      gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
      set_error (self, message);
      goto out;
    }
  else if (sc_score_achievement (self->value, sc_kpi_get_target_value (self->kpi),
                                 sc_kpi_get_target_type (self->kpi),
                                 sc_kpi_get_direction (self->kpi)) < 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
      set_error (self, _("This value would give a negative achievement, which Odoo refuses"));
      goto out;
    }

  if (!sc_time_parse_user (date_text, NULL, &self->date, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      set_error (self, error->message);
      goto out;
    }

  set_error (self, NULL);
  self->valid = TRUE;

out:
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), self->valid && !self->busy);
}

static void
on_input_changed_cb (ScSubmitDialog *self)
{
  validate (self);
}

static void
submit_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScSubmitDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ScSubmitResult written;
  GtkWindow *parent;

  self->busy = FALSE;

  if (!sc_context_submit_finish (self->context, result, &written, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      validate (self);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (SC_IS_WINDOW (parent))
    {
      g_autofree char *shown = sc_format_measure (self->value, sc_kpi_get_target_type (self->kpi),
                                                  sc_kpi_get_currency (self->kpi));
      g_autofree char *text = NULL;

      if (written.replaced)
        /* Translators: a toast after a submit that overwrote today's value */
        text = g_strdup_printf (_("Replaced today’s value of “%s” with %s"),
                                sc_kpi_get_name (self->kpi), shown);
      else
        /* Translators: a toast after a submit */
        text = g_strdup_printf (_("Recorded %s for “%s”"), shown, sc_kpi_get_name (self->kpi));

      sc_window_add_toast (SC_WINDOW (parent), text);
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_submit_clicked_cb (ScSubmitDialog *self)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  validate (self);
  if (!self->valid || self->busy)
    return;

  self->busy = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), FALSE);
  sc_context_submit_async (self->context, sc_kpi_get_id (self->kpi), self->value, self->date,
                           note, self->cancellable, submit_cb, g_object_ref (self));
}

static void
setup_for_kpi (ScSubmitDialog *self)
{
  g_autofree char *today = sc_date_format_local (g_get_real_time () / G_USEC_PER_SEC, NULL);
  g_autofree char *target = sc_kpi_format_target (self->kpi);
  g_autofree char *hint = NULL;
  const char *unit = "";

  adw_window_title_set_subtitle (self->window_title, sc_kpi_get_name (self->kpi));

  switch (sc_kpi_get_target_type (self->kpi))
    {
    case SC_TARGET_TYPE_PERCENT:
      unit = "%";
      break;
    case SC_TARGET_TYPE_CURRENCY:
      unit = sc_currency_symbol (sc_kpi_get_currency (self->kpi));
      break;
    case SC_TARGET_TYPE_DURATION:
      /* Translators: the unit after a duration entry, hours */
      unit = _("h");
      break;
    case SC_TARGET_TYPE_NUMBER:
    case SC_TARGET_TYPE_BOOLEAN:
    default:
      break;
    }
  gtk_label_set_text (self->unit_label, unit);

  gtk_widget_set_visible (GTK_WIDGET (self->value_row), !is_boolean (self));
  gtk_widget_set_visible (GTK_WIDGET (self->achieved_row), is_boolean (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  hint = g_strdup_printf (_("Target: %s. One value per KPI, user and day: a second value on "
                            "the same day replaces the first, as in Odoo. It is sent to Odoo "
                            "with the next sync."),
                          target);
  gtk_label_set_text (self->hint_label, hint);

  validate (self);
}

/* Overrides */

static void
sc_submit_dialog_dispose (GObject *object)
{
  ScSubmitDialog *self = (ScSubmitDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SUBMIT_DIALOG);

  G_OBJECT_CLASS (sc_submit_dialog_parent_class)->dispose (object);
}

static void
sc_submit_dialog_finalize (GObject *object)
{
  ScSubmitDialog *self = (ScSubmitDialog *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->kpi);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sc_submit_dialog_parent_class)->finalize (object);
}

static void
sc_submit_dialog_class_init (ScSubmitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_submit_dialog_dispose;
  object_class->finalize = sc_submit_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/sc-submit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, achieved_row);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, achieved_switch);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScSubmitDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_submit_dialog_init (ScSubmitDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_submit_dialog_present:
 * @context: the context
 * @kpi: a manual KPI
 * @parent: (nullable): the window to be modal to
 *
 * Returns: (transfer none): the dialog, shown
 */
ScSubmitDialog *
sc_submit_dialog_present (ScContext *context,
                          ScKpi     *kpi,
                          GtkWindow *parent)
{
  ScSubmitDialog *self;

  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);

  self = g_object_new (SC_TYPE_SUBMIT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->kpi = g_object_ref (kpi);
  setup_for_kpi (self);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (is_boolean (self) ? GTK_WIDGET (self->achieved_switch)
                                                       : GTK_WIDGET (self->value_row)));

  return self;
}

void
sc_submit_dialog_set_value (ScSubmitDialog *self,
                            const char     *text)
{
  g_return_if_fail (SC_IS_SUBMIT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->value_row), text);
}

gboolean
sc_submit_dialog_can_submit (ScSubmitDialog *self)
{
  g_return_val_if_fail (SC_IS_SUBMIT_DIALOG (self), FALSE);

  return self->valid && !self->busy;
}

/**
 * sc_submit_dialog_get_error:
 * @self: a #ScSubmitDialog
 *
 * Returns: (nullable): why the input cannot be submitted
 */
const char *
sc_submit_dialog_get_error (ScSubmitDialog *self)
{
  g_return_val_if_fail (SC_IS_SUBMIT_DIALOG (self), NULL);

  return self->error;
}

void
sc_submit_dialog_submit (ScSubmitDialog *self)
{
  g_return_if_fail (SC_IS_SUBMIT_DIALOG (self));

  on_submit_clicked_cb (self);
}
