/* sc-zones-dialog.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-zones-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-zones-dialog.h"

/* Where a KPI's gauge turns from red to yellow and from yellow to green,
 * as percents of its target. The defaults follow the score bands. */

struct _ScZonesDialog
{
  AdwWindow       parent_instance;

  ScContext      *context;
  ScKpi          *kpi;
  GCancellable   *cancellable;

  GtkSpinButton  *warn_spin;
  GtkSpinButton  *good_spin;
  GtkButton      *save_button;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ScZonesDialog, sc_zones_dialog, ADW_TYPE_WINDOW)

static void
validate (ScZonesDialog *self)
{
  gboolean valid = sc_zones_dialog_is_valid (self);

  gtk_label_set_text (self->error_label,
                      valid ? "" : _("The green zone must start above the yellow one."));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !valid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ScZonesDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sc_context_set_zones_finish (self->context, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_reset_clicked_cb (ScZonesDialog *self)
{
  sc_zones_dialog_set (self, 70, 95);
}

static GtkWidget *
spin_row (const char     *title,
          const char     *subtitle,
          GtkSpinButton **spin_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 200, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  *spin_out = GTK_SPIN_BUTTON (spin);

  return row;
}

static void
build (ScZonesDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Reset to Score Bands"));

  gtk_window_set_title (GTK_WINDOW (self), _("Colour Zones"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (sc_zones_dialog_save), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sc_kpi_get_name (self->kpi));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Where the gauge turns yellow and green, in percent of "
                                           "the target. Below the yellow zone it is red."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (_("Yellow From"), _("Default 70 %: Average"), &self->warn_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (_("Green From"), _("Default 95 %: Excellent"), &self->good_spin));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));

  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_halign (reset, GTK_ALIGN_START);
  gtk_widget_set_margin_top (reset, 12);
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (on_reset_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reset);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  sc_zones_dialog_set (self, sc_kpi_get_warn_from (self->kpi), sc_kpi_get_good_from (self->kpi));
  g_signal_connect_swapped (self->warn_spin, "value-changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->good_spin, "value-changed", G_CALLBACK (validate), self);
  validate (self);
}

static void
sc_zones_dialog_dispose (GObject *object)
{
  ScZonesDialog *self = (ScZonesDialog *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (sc_zones_dialog_parent_class)->dispose (object);
}

static void
sc_zones_dialog_finalize (GObject *object)
{
  ScZonesDialog *self = (ScZonesDialog *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->kpi);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sc_zones_dialog_parent_class)->finalize (object);
}

static void
sc_zones_dialog_class_init (ScZonesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_zones_dialog_dispose;
  object_class->finalize = sc_zones_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_zones_dialog_init (ScZonesDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
}

/**
 * sc_zones_dialog_present:
 * @context: the context
 * @kpi: a KPI
 * @parent: (nullable): the window to be modal to
 *
 * Returns: (transfer none): the dialog, shown
 */
ScZonesDialog *
sc_zones_dialog_present (ScContext *context,
                         ScKpi     *kpi,
                         GtkWindow *parent)
{
  ScZonesDialog *self;

  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SC_IS_KPI (kpi), NULL);

  self = g_object_new (SC_TYPE_ZONES_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->kpi = g_object_ref (kpi);
  build (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

void
sc_zones_dialog_set (ScZonesDialog *self,
                     double         warn_from,
                     double         good_from)
{
  g_return_if_fail (SC_IS_ZONES_DIALOG (self));

  gtk_spin_button_set_value (self->warn_spin, warn_from);
  gtk_spin_button_set_value (self->good_spin, good_from);
}

gboolean
sc_zones_dialog_is_valid (ScZonesDialog *self)
{
  g_return_val_if_fail (SC_IS_ZONES_DIALOG (self), FALSE);

  return gtk_spin_button_get_value (self->good_spin) > gtk_spin_button_get_value (self->warn_spin);
}

void
sc_zones_dialog_save (ScZonesDialog *self)
{
  double warn, good;

  g_return_if_fail (SC_IS_ZONES_DIALOG (self));

  if (!sc_zones_dialog_is_valid (self))
    return;

  warn = gtk_spin_button_get_value (self->warn_spin);
  good = gtk_spin_button_get_value (self->good_spin);

  /* The defaults are stored as none, so they follow any later change. */
  if (warn == 70 && good == 95)
    warn = good = 0;

  sc_context_set_zones_async (self->context, sc_kpi_get_id (self->kpi), warn, good,
                              self->cancellable, save_cb, g_object_ref (self));
}
