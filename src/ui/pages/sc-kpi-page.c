/* sc-kpi-page.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-kpi-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include <string.h>

#include "sc-format.h"
#include "sc-kpi-page.h"
#include "sc-period.h"
#include "sc-score.h"
#include "sc-sparkline.h"

/* Every KPI in a sortable, searchable table. GtkColumnView only creates
 * rows for what is on screen, so ten thousand KPIs scroll smoothly; the
 * sparklines of visible rows are read from the store on demand and kept. */

#define SPARKLINE_POINTS 20

typedef enum
{
  COLUMN_NAME,
  COLUMN_DEPARTMENT,
  COLUMN_VALUE,
  COLUMN_TARGET,
  COLUMN_ACHIEVEMENT,
  COLUMN_SCORE,
  COLUMN_TREND,
  COLUMN_LAST_SUBMITTED,
  N_COLUMNS
} Column;

struct _ScKpiPage
{
  GtkWidget           parent_instance;

  ScContext          *context;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GHashTable         *history;
  GHashTable         *history_requested;
  GHashTable         *history_waiting;
  GCancellable       *cancellable;
  char               *search_folded;
  ScDepartment        department;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *department_dropdown;
  GtkColumnView      *column_view;
  GtkStack           *state_stack;
};

G_DEFINE_FINAL_TYPE (ScKpiPage, sc_kpi_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  ScKpiPage *self;
  gint64     kpi_id;
} HistoryRequest;

/* Auxiliary methods */

static char *
cell_text (Column  column,
           ScKpi  *kpi)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (sc_kpi_get_name (kpi));
    case COLUMN_DEPARTMENT:
      return g_strdup (sc_department_label (sc_kpi_get_department (kpi)));
    case COLUMN_VALUE:
      return sc_kpi_has_value (kpi) ? sc_kpi_format_value (kpi) : g_strdup ("—");
    case COLUMN_TARGET:
      return sc_kpi_format_target (kpi);
    case COLUMN_ACHIEVEMENT:
      return sc_kpi_has_value (kpi) ? sc_format_percent (sc_kpi_get_achievement (kpi))
                                    : g_strdup ("—");
    case COLUMN_SCORE:
      return sc_kpi_has_value (kpi) ? g_strdup (sc_score_band_label (sc_kpi_get_score_band (kpi)))
                                    : g_strdup ("");
    case COLUMN_LAST_SUBMITTED:
      return sc_kpi_get_last_submitted (kpi) != 0
               ? sc_time_format_local (sc_kpi_get_last_submitted (kpi), NULL)
               : g_strdup (_("Never"));
    case COLUMN_TREND:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
history_request_free (HistoryRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}

static void
show_history (GtkWidget *sparkline,
              GArray    *values)
{
  sc_sparkline_set_values (SC_SPARKLINE (sparkline),
                           values->len > 0 ? &g_array_index (values, double, 0) : NULL,
                           values->len);
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HistoryRequest *request = user_data;
  ScKpiPage *self = request->self;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;
  GArray *values;

  g_hash_table_remove (self->history_requested, &request->kpi_id);
  points = sc_context_history_finish (self->context, result, &error);

  if (points != NULL && self->history != NULL)
    {
      gint64 *key = g_new (gint64, 1);

      values = g_array_sized_new (FALSE, FALSE, sizeof (double), points->len);
      for (guint i = 0; i < points->len; i++)
        g_array_append_val (values, g_array_index (points, ScHistoryPoint, i).value);
      *key = request->kpi_id;
      g_hash_table_insert (self->history, key, values);

      /* The row that asked, if it still shows this KPI. */
      {
        GWeakRef *ref = g_hash_table_lookup (self->history_waiting, &request->kpi_id);
        g_autoptr(GtkWidget) sparkline = ref != NULL ? g_weak_ref_get (ref) : NULL;

        if (sparkline != NULL &&
            GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (sparkline), "kpi-id")) ==
              (gsize)request->kpi_id)
          show_history (sparkline, values);
        g_hash_table_remove (self->history_waiting, &request->kpi_id);
      }
    }

  history_request_free (request);
}

static void
request_history (ScKpiPage *self,
                 gint64     kpi_id,
                 GtkWidget *sparkline)
{
  HistoryRequest *request;
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  gint64 *key;

  key = g_new (gint64, 1);
  *key = kpi_id;
  g_weak_ref_init (ref, sparkline);
  g_hash_table_insert (self->history_waiting, key, ref);

  if (g_hash_table_contains (self->history_requested, &kpi_id))
    return;

  key = g_new (gint64, 1);
  *key = kpi_id;
  g_hash_table_add (self->history_requested, key);

  request = g_new0 (HistoryRequest, 1);
  request->self = g_object_ref (self);
  request->kpi_id = kpi_id;
  sc_context_history_async (self->context, kpi_id, 0, SPARKLINE_POINTS, self->cancellable,
                            history_cb, request);
}

static void
update_cell (GtkListItem *item)
{
  ScKpi *kpi = gtk_list_item_get_item (item);
  GtkWidget *widget = gtk_list_item_get_child (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "column"));
  ScKpiPage *self = g_object_get_data (G_OBJECT (widget), "page");

  if (kpi == NULL)
    return;

  if (column == COLUMN_TREND)
    {
      gint64 id = sc_kpi_get_id (kpi);
      GArray *values = g_hash_table_lookup (self->history, &id);

      g_object_set_data (G_OBJECT (widget), "kpi-id", GSIZE_TO_POINTER ((gsize)id));
      if (values != NULL)
        show_history (widget, values);
      else
        {
          sc_sparkline_set_values (SC_SPARKLINE (widget), NULL, 0);
          request_history (self, id, widget);
        }
      return;
    }

  {
    g_autofree char *text = cell_text (column, kpi);

    gtk_label_set_text (GTK_LABEL (widget), text);
  }

  if (column == COLUMN_ACHIEVEMENT || column == COLUMN_SCORE)
    {
      for (guint b = SC_SCORE_BAND_EXCELLENT; b <= SC_SCORE_BAND_UNDERPERFORMANCE; b++)
        gtk_widget_remove_css_class (widget, sc_score_band_css_class ((ScScoreBand)b));
      if (sc_kpi_has_value (kpi))
        gtk_widget_add_css_class (widget, sc_score_band_css_class (sc_kpi_get_score_band (kpi)));
    }
}

static void
on_kpi_notify_cb (GtkListItem *item)
{
  update_cell (item);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ScKpiPage                *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *widget;

  if (column == COLUMN_TREND)
    widget = sc_sparkline_new ();
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (widget),
                            column == COLUMN_VALUE || column == COLUMN_TARGET ||
                            column == COLUMN_ACHIEVEMENT ? 1.0 : 0.0);
      if (column == COLUMN_VALUE || column == COLUMN_TARGET || column == COLUMN_ACHIEVEMENT)
        gtk_widget_add_css_class (widget, "numeric");
      if (column == COLUMN_NAME)
        gtk_widget_add_css_class (widget, "heading");
    }

  g_object_set_data (G_OBJECT (widget), "column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (widget), "page", self);
  gtk_list_item_set_child (item, widget);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ScKpiPage                *self)
{
  ScKpi *kpi = gtk_list_item_get_item (item);

  update_cell (item);
  g_signal_connect_object (kpi, "notify", G_CALLBACK (on_kpi_notify_cb), item, G_CONNECT_SWAPPED);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ScKpiPage                *self)
{
  ScKpi *kpi = gtk_list_item_get_item (item);

  if (kpi != NULL)
    g_signal_handlers_disconnect_by_func (kpi, on_kpi_notify_cb, item);
}

static int
compare_column (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  ScKpi *ka = (ScKpi *)a;
  ScKpi *kb = (ScKpi *)b;
  double da = 0, db = 0;

  switch (column)
    {
    case COLUMN_NAME:
      return g_utf8_collate (sc_kpi_get_name (ka), sc_kpi_get_name (kb));
    case COLUMN_DEPARTMENT:
      return g_utf8_collate (sc_department_label (sc_kpi_get_department (ka)),
                             sc_department_label (sc_kpi_get_department (kb)));
    case COLUMN_VALUE:
      da = sc_kpi_get_value (ka), db = sc_kpi_get_value (kb);
      break;
    case COLUMN_TARGET:
      da = sc_kpi_get_target_value (ka), db = sc_kpi_get_target_value (kb);
      break;
    case COLUMN_ACHIEVEMENT:
    case COLUMN_SCORE:
      da = sc_kpi_get_achievement (ka), db = sc_kpi_get_achievement (kb);
      break;
    case COLUMN_TREND:
      da = sc_kpi_get_change (ka), db = sc_kpi_get_change (kb);
      break;
    case COLUMN_LAST_SUBMITTED:
      da = (double)sc_kpi_get_last_submitted (ka), db = (double)sc_kpi_get_last_submitted (kb);
      break;
    case N_COLUMNS:
    default:
      break;
    }

  return da < db ? GTK_ORDERING_SMALLER : da > db ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_column (ScKpiPage  *self,
            Column      column,
            const char *title,
            gboolean    expand,
            int         fixed_width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkCustomSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  sorter = gtk_custom_sorter_new (compare_column, GINT_TO_POINTER (column), NULL);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);

  gtk_column_view_append_column (self->column_view, view_column);
}

static gboolean
filter_kpi (gpointer item,
            gpointer user_data)
{
  ScKpiPage *self = user_data;
  ScKpi *kpi = item;
  g_autofree char *name = NULL;

  if (self->department != SC_DEPARTMENT_NONE && sc_kpi_get_department (kpi) != self->department)
    return FALSE;

  if (self->search_folded == NULL)
    return TRUE;

  name = g_utf8_casefold (sc_kpi_get_name (kpi), -1);
  if (strstr (name, self->search_folded) != NULL)
    return TRUE;

  if (sc_kpi_get_group_name (kpi) != NULL)
    {
      g_autofree char *group = g_utf8_casefold (sc_kpi_get_group_name (kpi), -1);

      if (strstr (group, self->search_folded) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
update_state (ScKpiPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0 &&
                   g_list_model_get_n_items (sc_context_get_kpis (self->context)) > 0;

  gtk_stack_set_visible_child_name (self->state_stack, empty ? "no-results" : "list");
}

static void
on_search_changed_cb (ScKpiPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_folded, g_free);
  if (*stripped != '\0')
    self->search_folded = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
on_stop_search_cb (ScKpiPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_department_changed_cb (ScKpiPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);

  self->department = selected != GTK_INVALID_LIST_POSITION ? (ScDepartment)selected
                                                          : SC_DEPARTMENT_NONE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
on_row_activated_cb (ScKpiPage *self,
                     guint      position)
{
  g_autoptr(ScKpi) kpi = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (kpi != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-kpi", "x", sc_kpi_get_id (kpi));
}

static void
on_store_changed_cb (ScKpiPage *self)
{
  /* Values changed: sparklines are read again as rows are bound. */
  g_hash_table_remove_all (self->history);
}

static void
on_map_cb (ScKpiPage *self)
{
  GtkSelectionModel *selection;

  if (gtk_column_view_get_model (self->column_view) != NULL)
    return;

  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
}

/* Overrides */

static void
sc_kpi_page_constructed (GObject *object)
{
  ScKpiPage *self = (ScKpiPage *)object;
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  G_OBJECT_CLASS (sc_kpi_page_parent_class)->constructed (object);

  gtk_string_list_append (departments, _("All Departments"));
  for (guint d = 1; d <= SC_N_DEPARTMENTS; d++)
    gtk_string_list_append (departments, sc_department_label ((ScDepartment)d));
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (departments));
  g_signal_connect_swapped (self->department_dropdown, "notify::selected",
                            G_CALLBACK (on_department_changed_cb), self);

  self->filter = gtk_custom_filter_new (filter_kpi, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (sc_context_get_kpis (self->context)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  add_column (self, COLUMN_NAME, _("KPI"), TRUE, -1);
  add_column (self, COLUMN_DEPARTMENT, _("Department"), FALSE, 120);
  add_column (self, COLUMN_VALUE, _("Value"), FALSE, 130);
  add_column (self, COLUMN_TARGET, _("Target"), FALSE, 130);
  add_column (self, COLUMN_ACHIEVEMENT, _("Achievement"), FALSE, 110);
  add_column (self, COLUMN_SCORE, _("Score"), FALSE, 150);
  add_column (self, COLUMN_TREND, _("Trend"), FALSE, 110);
  add_column (self, COLUMN_LAST_SUBMITTED, _("Last Submitted"), FALSE, 150);

  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  /* The table gets its model when first shown, so that loading thousands
   * of KPIs at start-up does not wait on a page nobody looks at yet. */
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sc_context_get_store (self->context), "changed",
                           G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
sc_kpi_page_dispose (GObject *object)
{
  ScKpiPage *self = (ScKpiPage *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KPI_PAGE);
  {
    GtkWidget *child;

    /* The template's unnamed children too. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (sc_kpi_page_parent_class)->dispose (object);
}

static void
sc_kpi_page_finalize (GObject *object)
{
  ScKpiPage *self = (ScKpiPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->history, g_hash_table_unref);
  g_clear_pointer (&self->history_requested, g_hash_table_unref);
  g_clear_pointer (&self->history_waiting, g_hash_table_unref);
  g_clear_pointer (&self->search_folded, g_free);

  G_OBJECT_CLASS (sc_kpi_page_parent_class)->finalize (object);
}

static void
sc_kpi_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScKpiPage *self = SC_KPI_PAGE (object);

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
sc_kpi_page_class_init (ScKpiPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_kpi_page_constructed;
  object_class->dispose = sc_kpi_page_dispose;
  object_class->finalize = sc_kpi_page_finalize;
  object_class->set_property = sc_kpi_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SC_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/sc-kpi-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKpiPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScKpiPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScKpiPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ScKpiPage, state_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_set_css_name (widget_class, "kpipage");
}

static void
sc_kpi_page_init (ScKpiPage *self)
{
  self->history = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify)g_array_unref);
  self->history_requested = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->history_waiting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, weak_ref_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_kpi_page_new (ScContext *context)
{
  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  return g_object_new (SC_TYPE_KPI_PAGE, "context", context, NULL);
}

void
sc_kpi_page_focus_search (ScKpiPage *self)
{
  g_return_if_fail (SC_IS_KPI_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
sc_kpi_page_set_search (ScKpiPage  *self,
                        const char *text)
{
  g_return_if_fail (SC_IS_KPI_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  on_search_changed_cb (self);
}

void
sc_kpi_page_set_department (ScKpiPage  *self,
                            const char *key)
{
  ScDepartment department = SC_DEPARTMENT_NONE;

  g_return_if_fail (SC_IS_KPI_PAGE (self));

  sc_department_from_key (key, &department);
  gtk_drop_down_set_selected (self->department_dropdown, department);
}

/**
 * sc_kpi_page_get_shown:
 * @self: a #ScKpiPage
 *
 * Returns: (transfer none): the KPIs as shown: filtered and sorted
 */
GListModel *
sc_kpi_page_get_shown (ScKpiPage *self)
{
  g_return_val_if_fail (SC_IS_KPI_PAGE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/**
 * sc_kpi_page_get_column_view:
 * @self: a #ScKpiPage
 *
 * Returns: (transfer none): the table
 */
GtkColumnView *
sc_kpi_page_get_column_view (ScKpiPage *self)
{
  g_return_val_if_fail (SC_IS_KPI_PAGE (self), NULL);

  return self->column_view;
}
