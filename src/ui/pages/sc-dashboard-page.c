/* sc-dashboard-page.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-dashboard-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sc-dashboard-page.h"
#include "sc-format.h"
#include "sc-gauge.h"
#include "sc-insights.h"
#include "sc-insights-suggest.h"
#include <math.h>
#include "sc-alert-store.h"
#include "sc-kpi-card.h"
#include "sc-score.h"

/* The morning view: a summary row, then a tile per KPI, grouped by
 * department. A department shows at most MAX_TILES tiles, its most
 * important KPIs; "Show All" opens the KPI list on that department, so the
 * page stays quick with ten thousand KPIs. */

#define MAX_TILES 12

enum {
  CARD_OVERALL,
  CARD_ON_TARGET,
  CARD_MOVERS,
  CARD_ATTENTION,
  CARD_ALERTS,
  N_CARDS
};

/* Analysis waits for the page to settle after a change. */
#define ANALYSIS_DELAY_MSEC 300
#define MAX_OUTLOOK_LINES 5

static const char *period_keys[] = { "all", "daily", "weekly", "monthly", "yearly" };

struct _ScDashboardPage
{
  GtkWidget      parent_instance;

  ScContext     *context;
  GHashTable    *tiles;
  GtkWidget     *cards[N_CARDS];
  GCancellable  *alerts_cancellable;
  guint          alerts_loading : 1;
  guint          alerts_pending : 1;
  GtkStringList *group_names;
  guint          rebuild_source;
  gboolean       ready;
  gboolean       updating_groups;

  /* Template widgets */
  GtkStack      *state_stack;
  GtkFlowBox    *summary_box;
  GtkBox        *sections_box;
  GtkDropDown   *department_dropdown;
  GtkDropDown   *group_dropdown;
  GtkDropDown   *period_dropdown;
  GtkBox        *outlook_box;
  GtkLabel      *outlook_summary;
  GtkLabel      *outlook_details;

  guint          analysis_source;
  GCancellable  *analysis_cancellable;
  guint          n_at_risk;
};

G_DEFINE_FINAL_TYPE (ScDashboardPage, sc_dashboard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void queue_rebuild  (ScDashboardPage *self);
static void queue_analysis (ScDashboardPage *self);

/* Auxiliary methods */

static ScGaugeStyle
gauge_style (ScDashboardPage *self)
{
  GSettings *settings = sc_context_get_settings (self->context);
  g_autofree char *style = NULL;
  static const char *names[] = { "circular", "linear", "speedometer", "thermometer" };

  if (settings == NULL)
    return SC_GAUGE_STYLE_CIRCULAR;

  style = g_settings_get_string (settings, "gauge-style");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (style, names[i]) == 0)
      return (ScGaugeStyle)i;

  return SC_GAUGE_STYLE_CIRCULAR;
}

static void
update_tile (GtkWidget *tile,
             ScKpi     *kpi)
{
  ScGauge *gauge = g_object_get_data (G_OBJECT (tile), "gauge");
  GtkLabel *caption = g_object_get_data (G_OBJECT (tile), "caption");
  GtkLabel *name = g_object_get_data (G_OBJECT (tile), "name");
  g_autofree char *value = sc_kpi_has_value (kpi) ? sc_kpi_format_value (kpi) : g_strdup ("—");
  g_autofree char *target = sc_kpi_format_target (kpi);
  /* Translators: a KPI's latest value and its target, under its gauge */
  g_autofree char *text = g_strdup_printf (_("%s of %s"), value, target);

  sc_gauge_set_kpi (gauge, kpi);
  gtk_label_set_text (name, sc_kpi_get_name (kpi));
  gtk_label_set_text (caption, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sc_kpi_get_name (kpi),
                                  -1);
}

static void
on_kpi_notify_cb (GtkWidget  *tile,
                  GParamSpec *pspec,
                  ScKpi      *kpi)
{
  ScDashboardPage *self;

  update_tile (tile, kpi);

  /* A changed value can change the summary and the order of tiles. */
  self = SC_DASHBOARD_PAGE (gtk_widget_get_ancestor (tile, SC_TYPE_DASHBOARD_PAGE));
  if (self != NULL)
    queue_rebuild (self);
}

static GtkWidget *
create_tile (ScDashboardPage *self,
             ScKpi           *kpi)
{
  GtkWidget *tile = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *gauge = sc_gauge_new (gauge_style (self));
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_add_css_class (tile, "card");
  gtk_widget_add_css_class (tile, "gauge-tile");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_set_halign (gauge, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (gauge, 140, 120);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 22);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");

  gtk_box_append (GTK_BOX (box), gauge);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (tile), box);

  g_object_set_data (G_OBJECT (tile), "gauge", gauge);
  g_object_set_data (G_OBJECT (tile), "name", name);
  g_object_set_data (G_OBJECT (tile), "caption", caption);
  g_object_set_data_full (G_OBJECT (tile), "kpi", g_object_ref (kpi), g_object_unref);

  update_tile (tile, kpi);
  sc_gauge_skip_animation (SC_GAUGE (gauge));

  g_signal_connect_object (kpi, "notify::value", G_CALLBACK (on_kpi_notify_cb), tile,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kpi, "notify::target-value", G_CALLBACK (on_kpi_notify_cb), tile,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kpi, "notify::name", G_CALLBACK (on_kpi_notify_cb), tile,
                           G_CONNECT_SWAPPED);

  return tile;
}

static void
on_tile_activated_cb (GtkFlowBox      *box,
                      GtkFlowBoxChild *tile,
                      ScDashboardPage *self)
{
  ScKpi *kpi = g_object_get_data (G_OBJECT (tile), "kpi");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-kpi", "x", sc_kpi_get_id (kpi));
}

static gboolean
kpi_matches_filters (ScDashboardPage *self,
                     ScKpi           *kpi)
{
  guint department = gtk_drop_down_get_selected (self->department_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  /* Index 0 of each filter is "all"; departments follow ScDepartment. */
  if (department > 0 && department != GTK_INVALID_LIST_POSITION &&
      sc_kpi_get_department (kpi) != (ScDepartment)department)
    return FALSE;

  if (period > 0 && period != GTK_INVALID_LIST_POSITION &&
      sc_kpi_get_report_type (kpi) != (ScReportType)(period - 1))
    return FALSE;

  if (group > 0 && group != GTK_INVALID_LIST_POSITION)
    {
      const char *name = gtk_string_list_get_string (self->group_names, group);

      if (g_strcmp0 (sc_kpi_get_group_name (kpi), name) != 0)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  ScKpi *kpi;
  char  *collate_key;
} TileOrder;

static int
compare_tiles (gconstpointer a,
               gconstpointer b)
{
  const TileOrder *ta = a;
  const TileOrder *tb = b;
  int pa = sc_kpi_get_priority (ta->kpi);
  int pb = sc_kpi_get_priority (tb->kpi);

  if (pa != pb)
    return pb - pa;

  return strcmp (ta->collate_key, tb->collate_key);
}

/* The department's most important KPIs, highest priority first, then by
 * name. Collation keys are made once per KPI: comparing names with
 * g_utf8_collate() in the sort costs more than everything else here with
 * ten thousand KPIs. */
static GPtrArray *
top_tiles (GPtrArray *kpis)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (TileOrder), kpis->len);
  GPtrArray *top = g_ptr_array_new ();

  for (guint i = 0; i < kpis->len; i++)
    {
      TileOrder entry = { g_ptr_array_index (kpis, i), NULL };

      entry.collate_key = g_utf8_collate_key (sc_kpi_get_name (entry.kpi), -1);
      g_array_append_val (order, entry);
    }

  g_array_sort (order, compare_tiles);

  for (guint i = 0; i < order->len; i++)
    {
      TileOrder *entry = &g_array_index (order, TileOrder, i);

      if (i < MAX_TILES)
        g_ptr_array_add (top, entry->kpi);
      g_free (entry->collate_key);
    }

  return top;
}

static void
update_summary (ScDashboardPage *self,
                GPtrArray       *kpis)
{
  g_autofree double *achievements = g_new0 (double, kpis->len + 1);
  g_autofree int *weights = g_new0 (int, kpis->len + 1);
  g_autoptr(GString) attention = g_string_new (NULL);
  g_autofree char *overall_text = NULL;
  g_autofree char *overall_detail = NULL;
  g_autofree char *on_target_text = NULL;
  g_autofree char *attention_text = NULL;
  g_autofree char *up_text = NULL;
  g_autofree char *down_text = NULL;
  ScKpi *best = NULL;
  ScKpi *worst = NULL;
  guint n_values = 0;
  guint n_on_target = 0;
  guint n_attention = 0;
  double overall;

  for (guint i = 0; i < kpis->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (kpis, i);
      double change = sc_kpi_get_change (kpi);

      if (!sc_kpi_has_value (kpi))
        continue;

      achievements[n_values] = sc_kpi_get_achievement (kpi);
      weights[n_values] = sc_kpi_get_priority (kpi);
      n_values++;

      if (sc_kpi_get_achievement (kpi) >= 100.0)
        n_on_target++;

      if (sc_kpi_get_achievement (kpi) < 70.0)
        {
          if (n_attention < 3)
            g_string_append_printf (attention, "%s%s", n_attention > 0 ? ", " : "",
                                    sc_kpi_get_name (kpi));
          n_attention++;
        }

      if (sc_kpi_get_previous_value (kpi, NULL))
        {
          if (change > 0 && (best == NULL || change > sc_kpi_get_change (best)))
            best = kpi;
          if (change < 0 && (worst == NULL || change < sc_kpi_get_change (worst)))
            worst = kpi;
        }
    }

  overall = sc_score_group (achievements, weights, n_values);
  overall_text = sc_format_percent (overall);
  overall_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u KPI", "%s · %u KPIs",
                                                 n_values),
                                    sc_score_band_label (sc_score_band (overall)), n_values);
  sc_kpi_card_set_metric (SC_KPI_CARD (self->cards[CARD_OVERALL]), _("Overall Achievement"),
                          overall_text, overall_detail, "sc-target-symbolic",
                          sc_score_band_css_class (sc_score_band (overall)));

  /* Translators: "12 of 40" KPIs */
  on_target_text = g_strdup_printf (_("%u of %u"), n_on_target, n_values);
  sc_kpi_card_set_metric (SC_KPI_CARD (self->cards[CARD_ON_TARGET]), _("On Target"),
                          on_target_text, _("KPIs at or above their target"),
                          "sc-completed-symbolic",
                          n_on_target * 2 >= n_values ? "score-excellent" : "score-average");

  if (best != NULL)
    {
      g_autofree char *percent = sc_format_percent (sc_kpi_get_change (best));

      /* Translators: the KPI that improved most, and by how much */
      up_text = g_strdup_printf (_("↑ %s +%s"), sc_kpi_get_name (best), percent);
    }
  if (worst != NULL)
    {
      g_autofree char *percent = sc_format_percent (-sc_kpi_get_change (worst));

      /* Translators: the KPI that declined most, and by how much */
      down_text = g_strdup_printf (_("↓ %s −%s"), sc_kpi_get_name (worst), percent);
    }
  sc_kpi_card_set_metric (SC_KPI_CARD (self->cards[CARD_MOVERS]), _("Biggest Movers"),
                          up_text != NULL ? up_text : _("No rises"),
                          down_text != NULL ? down_text : _("No declines"),
                          "sc-trending-up-symbolic", NULL);

  attention_text = g_strdup_printf ("%u", n_attention);
  sc_kpi_card_set_metric (SC_KPI_CARD (self->cards[CARD_ATTENTION]), _("Needs Attention"),
                          attention_text,
                          n_attention > 0 ? attention->str : _("Every KPI is at 70 % or better"),
                          n_attention > 0 ? "sc-attention-symbolic" : "sc-completed-symbolic",
                          n_attention > 0 ? "score-underperformance" : "score-excellent");
}

/* The alerts card: open alerts by severity, most severe first. */

static gpointer
list_open_alerts_job (ScStore       *store,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return sc_store_list_alerts (store, FALSE, error);
}

static void load_alerts (ScDashboardPage *self);

static void
update_alerts_card (ScDashboardPage *self,
                    GPtrArray       *alerts)
{
  guint counts[SC_ALERT_N_SEVERITIES] = { 0, };
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *value = NULL;
  const char *css_class = "score-excellent";
  guint n_open = 0;

  for (guint i = 0; i < alerts->len; i++)
    {
      const ScAlertRow *alert = g_ptr_array_index (alerts, i);

      if (alert->status != SC_ALERT_STATUS_FIRING && alert->status != SC_ALERT_STATUS_ACKNOWLEDGED)
        continue;
      counts[alert->severity]++;
      n_open++;
    }

  for (int s = SC_ALERT_N_SEVERITIES - 1; s >= 0; s--)
    {
      g_autofree char *label = NULL;

      if (counts[s] == 0)
        continue;
      label = g_utf8_strdown (sc_alert_severity_label ((ScAlertSeverity)s), -1);
      if (detail->len > 0)
        g_string_append (detail, " · ");
      /* Translators: a count and a severity, e.g. "2 critical" */
      g_string_append_printf (detail, C_("alert count", "%u %s"), counts[s], label);
    }

  if (counts[SC_ALERT_SEVERITY_URGENT] + counts[SC_ALERT_SEVERITY_CRITICAL] > 0)
    css_class = "score-underperformance";
  else if (counts[SC_ALERT_SEVERITY_WARNING] > 0)
    css_class = "score-average";
  else if (n_open > 0)
    css_class = "score-good";

  value = g_strdup_printf ("%u", n_open);
  sc_kpi_card_set_metric (SC_KPI_CARD (self->cards[CARD_ALERTS]), _("Open Alerts"), value,
                          n_open > 0 ? detail->str : _("No alert rule is firing"),
                          n_open > 0 ? "sc-attention-symbolic" : "sc-completed-symbolic",
                          css_class);

  /* The card's accessible label is its title only: say the numbers too. */
  {
    g_autofree char *summary = NULL;

    if (n_open > 0)
      /* Translators: e.g. "3 open alerts: 1 urgent · 2 critical. Opens the Alerts page." */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open alert: %s. Opens the Alerts page.",
                                              "%u open alerts: %s. Opens the Alerts page.", n_open),
                                 n_open, detail->str);
    else
      summary = g_strdup (_("No open alerts. Opens the Alerts page."));

    gtk_widget_set_tooltip_text (self->cards[CARD_ALERTS], summary);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->cards[CARD_ALERTS]),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  }
}

static void
list_open_alerts_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScDashboardPage) self = user_data;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;

  self->alerts_loading = FALSE;

  alerts = sc_store_thread_run_finish (SC_STORE_THREAD (object), result, &error);
  if (alerts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the alerts: %s", error->message);
      return;
    }

  update_alerts_card (self, alerts);

  if (self->alerts_pending)
    {
      self->alerts_pending = FALSE;
      load_alerts (self);
    }
}

static void
load_alerts (ScDashboardPage *self)
{
  if (self->alerts_loading)
    {
      self->alerts_pending = TRUE;
      return;
    }

  self->alerts_loading = TRUE;
  sc_store_thread_run_async (sc_context_get_store (self->context), list_open_alerts_job, NULL,
                             NULL, (GDestroyNotify)g_ptr_array_unref, self->alerts_cancellable,
                             list_open_alerts_cb, g_object_ref (self));
}

static void
on_store_changed_for_alerts_cb (ScDashboardPage *self,
                                ScStoreChange    changes,
                                ScStoreThread   *store)
{
  if (changes & (SC_STORE_CHANGE_SETTINGS | SC_STORE_CHANGE_OUTBOX | SC_STORE_CHANGE_KPIS))
    load_alerts (self);
}

static void
on_summary_activated_cb (ScDashboardPage *self,
                         GtkFlowBoxChild *child,
                         GtkFlowBox      *box)
{
  if (gtk_flow_box_child_get_child (child) == self->cards[CARD_ALERTS])
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "alerts");
}

static GtkWidget *
create_section (ScDashboardPage *self,
                ScDepartment     department,
                GPtrArray       *kpis)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (sc_department_label (department));
  g_autofree char *count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u KPI",
                                                              "%u KPIs", kpis->len),
                                                 kpis->len);
  GtkWidget *count = gtk_label_new (count_text);
  GtkWidget *flow = gtk_flow_box_new ();
  g_autoptr(GPtrArray) top = NULL;

  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_set_valign (count, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (title, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), count);

  if (kpis->len > MAX_TILES)
    {
      GtkWidget *all = gtk_button_new_with_label (_("Show All"));

      gtk_widget_add_css_class (all, "flat");
      gtk_widget_set_hexpand (all, TRUE);
      gtk_widget_set_halign (all, GTK_ALIGN_END);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (all), "win.show-department");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (all), "s",
                                        sc_department_to_key (department));
      gtk_box_append (GTK_BOX (header), all);
    }

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  g_signal_connect (flow, "child-activated", G_CALLBACK (on_tile_activated_cb), self);

  top = top_tiles (kpis);
  for (guint i = 0; i < top->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (top, i);
      gint64 id = sc_kpi_get_id (kpi);
      GtkWidget *tile = g_hash_table_lookup (self->tiles, &id);

      if (tile == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = id;
          tile = create_tile (self, kpi);
          g_hash_table_insert (self->tiles, key, g_object_ref_sink (tile));
        }

      gtk_flow_box_append (GTK_FLOW_BOX (flow), tile);
    }

  gtk_box_append (GTK_BOX (section), header);
  gtk_box_append (GTK_BOX (section), flow);

  return section;
}

static void
clear_sections (ScDashboardPage *self)
{
  GtkWidget *section;

  while ((section = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    {
      GtkWidget *flow = gtk_widget_get_last_child (section);
      GtkWidget *tile;

      /* Tiles live on in self->tiles, to be put back without a redraw of
       * their gauges from zero. */
      while ((tile = gtk_widget_get_first_child (flow)) != NULL)
        gtk_flow_box_remove (GTK_FLOW_BOX (flow), tile);

      gtk_box_remove (self->sections_box, section);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

static void
update_group_filter (ScDashboardPage *self,
                     GListModel      *model)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *selected = NULL;
  guint n = g_list_model_get_n_items (model);
  guint position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScKpi) kpi = g_list_model_get_item (model, i);
      const char *group = sc_kpi_get_group_name (kpi);

      if (group != NULL && g_hash_table_add (seen, (gpointer)group))
        g_ptr_array_add (names, (gpointer)group);
    }
  g_ptr_array_sort (names, compare_names);

  if (gtk_drop_down_get_selected (self->group_dropdown) > 0)
    selected = g_strdup (gtk_string_list_get_string (self->group_names,
                                                     gtk_drop_down_get_selected (self->group_dropdown)));
  else if (sc_context_get_settings (self->context) != NULL)
    selected = g_settings_get_string (sc_context_get_settings (self->context), "group-filter");

  self->updating_groups = TRUE;
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->group_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->group_names)) - 1,
                          (const char * const *)names->pdata);
  for (guint i = 0; names->pdata[i] != NULL; i++)
    if (g_strcmp0 (names->pdata[i], selected) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (self->group_dropdown, position);
  self->updating_groups = FALSE;
}

static int
compare_outlook (gconstpointer a,
                 gconstpointer b)
{
  const ScKpiAnalysis *aa = *(ScKpiAnalysis **)a;
  const ScKpiAnalysis *ab = *(ScKpiAnalysis **)b;
  double pa = aa->forecast->has_target ? aa->forecast->probability_target : 1.0;
  double pb = ab->forecast->has_target ? ab->forecast->probability_target : 1.0;

  return pa < pb ? -1 : pa > pb;
}

static void
analyze_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScDashboardPage) self = user_data;
  g_autoptr(GPtrArray) analyses = NULL;
  g_autoptr(GPtrArray) at_risk = g_ptr_array_new ();
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const ScKpiAnalysis *drop = NULL;

  analyses = sc_context_analyze_finish (SC_CONTEXT (object), result, &error);
  if (analyses == NULL)
    return;

  for (guint i = 0; i < analyses->len; i++)
    {
      ScKpiAnalysis *analysis = g_ptr_array_index (analyses, i);
      const ScTrendChange *month = &analysis->trend.month;

      if (analysis->at_risk)
        g_ptr_array_add (at_risk, analysis);

      /* The biggest drop is the worst change for the KPI's direction. */
      if (month->available &&
          (drop == NULL ||
           (analysis->facts.direction == SC_DIRECTION_LOWER_BETTER ? -month->percent
                                                                   : month->percent) <
           (drop->facts.direction == SC_DIRECTION_LOWER_BETTER ? -drop->trend.month.percent
                                                               : drop->trend.month.percent)))
        drop = analysis;
    }

  g_ptr_array_sort (at_risk, compare_outlook);
  self->n_at_risk = at_risk->len;

  summary = sc_insights_group_summary (NULL, at_risk->len, analyses->len,
                                       drop != NULL ? drop->facts.name : NULL,
                                       drop != NULL
                                         ? (drop->facts.direction == SC_DIRECTION_LOWER_BETTER
                                              ? -drop->trend.month.percent
                                              : drop->trend.month.percent)
                                         : 0.0);

  for (guint i = 0; i < MIN (at_risk->len, MAX_OUTLOOK_LINES); i++)
    {
      ScKpiAnalysis *analysis = g_ptr_array_index (at_risk, i);

      /* The first sentence says where the KPI is heading; the KPI's own
       * page has the rest. */
      g_string_append_printf (details, "%s• %s", i > 0 ? "\n" : "",
                              analysis->insights->len > 0
                                ? (const char *)g_ptr_array_index (analysis->insights, 0)
                                : analysis->facts.name);
    }

  /* Suggestions, where the data supports one. */
  {
    g_autoptr(GArray) declines = g_array_new (FALSE, FALSE, sizeof (ScDeclineItem));
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    g_autoptr(GPtrArray) series = g_ptr_array_new ();
    g_autofree char *driver = NULL;
    g_autofree char *together = NULL;

    for (guint i = 0; i < analyses->len; i++)
      {
        ScKpiAnalysis *analysis = g_ptr_array_index (analyses, i);
        ScDeclineItem item = {
          analysis->facts.name, analysis->facts.department, analysis->facts.owner,
          analysis->trend.month.available
            ? (analysis->facts.direction == SC_DIRECTION_LOWER_BETTER
                 ? -analysis->trend.month.percent : analysis->trend.month.percent)
            : NAN,
        };

        g_array_append_val (declines, item);
        g_ptr_array_add (names, analysis->facts.name);
        g_ptr_array_add (series, analysis->series);
      }

    driver = sc_insights_decline_driver ((const ScDeclineItem *)(gpointer)declines->data,
                                         declines->len);
    together = sc_insights_comovement ((const char * const *)names->pdata,
                                       (ScSeries * const *)series->pdata, series->len, 90, 0.8);

    if (driver != NULL || together != NULL)
      {
        GString *joined = g_string_new (summary);

        if (driver != NULL)
          g_string_append_printf (joined, " %s", driver);
        if (together != NULL)
          g_string_append_printf (joined, " %s", together);
        g_free (summary);
        summary = g_string_free (joined, FALSE);
      }
  }

  gtk_label_set_text (self->outlook_summary, summary);
  gtk_label_set_text (self->outlook_details, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->outlook_details), details->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->outlook_box), TRUE);
}

/* Analyses the KPIs with a tile, the ones the page is about. */
static gboolean
analysis_timeout_cb (gpointer data)
{
  ScDashboardPage *self = data;
  g_autoptr(GPtrArray) kpis = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  self->analysis_source = 0;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (gtk_widget_get_parent (value) != NULL)
      g_ptr_array_add (kpis, g_object_get_data (value, "kpi"));

  if (kpis->len == 0)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);
  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_object (&self->alerts_cancellable);
  self->analysis_cancellable = g_cancellable_new ();

  sc_context_analyze_async (self->context, kpis, self->analysis_cancellable, analyze_cb,
                            g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
queue_analysis (ScDashboardPage *self)
{
  g_clear_handle_id (&self->analysis_source, g_source_remove);
  self->analysis_source = g_timeout_add (ANALYSIS_DELAY_MSEC, analysis_timeout_cb, self);
}

static gboolean
rebuild_cb (gpointer data)
{
  ScDashboardPage *self = data;
  GListModel *model = sc_context_get_kpis (self->context);
  g_autoptr(GPtrArray) filtered = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *by_department[SC_N_DEPARTMENTS + 1] = { NULL, };
  GHashTableIter iter;
  gpointer key;
  guint n = g_list_model_get_n_items (model);

  self->rebuild_source = 0;

  if (!sc_context_get_loaded (self->context))
    return G_SOURCE_REMOVE;

  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      goto done;
    }

  update_group_filter (self, model);

  for (guint i = 0; i < n; i++)
    {
      ScKpi *kpi = g_list_model_get_item (model, i);

      if (kpi_matches_filters (self, kpi))
        g_ptr_array_add (filtered, kpi);
      else
        g_object_unref (kpi);
    }

  update_summary (self, filtered);
  clear_sections (self);

  for (guint i = 0; i < filtered->len; i++)
    {
      ScKpi *kpi = g_ptr_array_index (filtered, i);
      ScDepartment department = sc_kpi_get_department (kpi);

      if (by_department[department] == NULL)
        by_department[department] = g_ptr_array_new ();
      g_ptr_array_add (by_department[department], kpi);
    }

  /* Named departments first, KPIs without one last. */
  for (guint d = 1; d <= SC_N_DEPARTMENTS + 1; d++)
    {
      guint department = d % (SC_N_DEPARTMENTS + 1);

      if (by_department[department] == NULL)
        continue;

      gtk_box_append (self->sections_box,
                      create_section (self, (ScDepartment)department, by_department[department]));
      g_ptr_array_unref (by_department[department]);
    }

  /* Forget tiles of KPIs that left the page. */
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkWidget *tile = g_hash_table_lookup (self->tiles, key);

      if (gtk_widget_get_parent (tile) == NULL)
        g_hash_table_iter_remove (&iter);
    }

  gtk_stack_set_visible_child_name (self->state_stack, "dashboard");
  queue_analysis (self);

done:
  if (!self->ready)
    {
      self->ready = TRUE;
      g_signal_emit (self, signals[READY], 0);
    }

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (ScDashboardPage *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_cb, self, NULL);
}

static void
on_kpis_changed_cb (ScDashboardPage *self)
{
  queue_rebuild (self);
}

static void
on_filter_changed_cb (ScDashboardPage *self)
{
  GSettings *settings = sc_context_get_settings (self->context);
  guint department = gtk_drop_down_get_selected (self->department_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->updating_groups)
    return;

  if (settings != NULL)
    {
      g_settings_set_string (settings, "department-filter",
                             department > 0 && department != GTK_INVALID_LIST_POSITION
                               ? sc_department_to_key ((ScDepartment)department) : "");
      g_settings_set_string (settings, "group-filter",
                             group > 0 && group != GTK_INVALID_LIST_POSITION
                               ? gtk_string_list_get_string (self->group_names, group) : "");
      if (period < G_N_ELEMENTS (period_keys))
        g_settings_set_string (settings, "period-filter", period_keys[period]);
    }

  queue_rebuild (self);
}

static void
on_gauge_style_changed_cb (ScDashboardPage *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sc_gauge_set_style (g_object_get_data (value, "gauge"), gauge_style (self));
}

static void
setup_filters (ScDashboardPage *self)
{
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  GSettings *settings = sc_context_get_settings (self->context);

  gtk_string_list_append (departments, _("All Departments"));
  for (guint d = 1; d <= SC_N_DEPARTMENTS; d++)
    gtk_string_list_append (departments, sc_department_label ((ScDepartment)d));
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (departments));

  self->group_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->group_names, _("All Report Groups"));
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->group_names));

  gtk_string_list_append (periods, _("All Periods"));
  for (guint r = SC_REPORT_TYPE_DAILY; r <= SC_REPORT_TYPE_YEARLY; r++)
    gtk_string_list_append (periods, sc_report_type_label ((ScReportType)r));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));

  if (settings != NULL)
    {
      g_autofree char *department = g_settings_get_string (settings, "department-filter");
      g_autofree char *period = g_settings_get_string (settings, "period-filter");
      ScDepartment value = SC_DEPARTMENT_NONE;

      if (sc_department_from_key (department, &value))
        gtk_drop_down_set_selected (self->department_dropdown, value);
      for (guint i = 0; i < G_N_ELEMENTS (period_keys); i++)
        if (g_strcmp0 (period, period_keys[i]) == 0)
          gtk_drop_down_set_selected (self->period_dropdown, i);

      g_signal_connect_object (settings, "changed::gauge-style",
                               G_CALLBACK (on_gauge_style_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_swapped (self->department_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->group_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
}

/* Overrides */

static void
sc_dashboard_page_constructed (GObject *object)
{
  ScDashboardPage *self = (ScDashboardPage *)object;

  G_OBJECT_CLASS (sc_dashboard_page_parent_class)->constructed (object);

  for (guint i = 0; i < N_CARDS; i++)
    {
      self->cards[i] = sc_kpi_card_new (SC_KPI_CARD_STYLE_METRIC);
      gtk_flow_box_append (self->summary_box, self->cards[i]);
    }

  /* Only the alerts card opens something: the Alerts page. */
  for (guint i = 0; i < N_CARDS; i++)
    gtk_widget_set_focusable (gtk_widget_get_parent (self->cards[i]), i == CARD_ALERTS);
  g_signal_connect_object (self->summary_box, "child-activated",
                           G_CALLBACK (on_summary_activated_cb), self, G_CONNECT_SWAPPED);
  self->alerts_cancellable = g_cancellable_new ();
  g_signal_connect_object (sc_context_get_store (self->context), "changed",
                           G_CALLBACK (on_store_changed_for_alerts_cb), self, G_CONNECT_SWAPPED);
  load_alerts (self);

  setup_filters (self);

  g_signal_connect_object (sc_context_get_kpis (self->context), "items-changed",
                           G_CALLBACK (on_kpis_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::loaded",
                           G_CALLBACK (on_kpis_changed_cb), self, G_CONNECT_SWAPPED);
  queue_rebuild (self);
}

static void
sc_dashboard_page_dispose (GObject *object)
{
  ScDashboardPage *self = (ScDashboardPage *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->analysis_source, g_source_remove);
  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);
  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_object (&self->alerts_cancellable);
  if (self->sections_box != NULL)
    clear_sections (self);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_DASHBOARD_PAGE);
  {
    GtkWidget *child;

    /* The template's unnamed children too. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (sc_dashboard_page_parent_class)->dispose (object);
}

static void
sc_dashboard_page_finalize (GObject *object)
{
  ScDashboardPage *self = (ScDashboardPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->group_names);

  G_OBJECT_CLASS (sc_dashboard_page_parent_class)->finalize (object);
}

static void
sc_dashboard_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScDashboardPage *self = SC_DASHBOARD_PAGE (object);

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
sc_dashboard_page_class_init (ScDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_dashboard_page_constructed;
  object_class->dispose = sc_dashboard_page_dispose;
  object_class->finalize = sc_dashboard_page_finalize;
  object_class->set_property = sc_dashboard_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SC_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScDashboardPage::ready:
   *
   * The dashboard shows the store's data for the first time.
   */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/sc-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, outlook_box);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, outlook_summary);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, outlook_details);

  gtk_widget_class_set_css_name (widget_class, "dashboard");
}

static void
sc_dashboard_page_init (ScDashboardPage *self)
{
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  g_type_ensure (SC_TYPE_GAUGE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_dashboard_page_new (ScContext *context)
{
  g_return_val_if_fail (SC_IS_CONTEXT (context), NULL);

  return g_object_new (SC_TYPE_DASHBOARD_PAGE, "context", context, NULL);
}

guint
sc_dashboard_page_get_n_tiles (ScDashboardPage *self)
{
  g_return_val_if_fail (SC_IS_DASHBOARD_PAGE (self), 0);

  return g_hash_table_size (self->tiles);
}

/**
 * sc_dashboard_page_get_tile:
 * @self: a #ScDashboardPage
 * @kpi_id: a KPI
 *
 * Returns: (transfer none) (nullable): the KPI's tile, if it is shown
 */
GtkWidget *
sc_dashboard_page_get_tile (ScDashboardPage *self,
                            gint64           kpi_id)
{
  g_return_val_if_fail (SC_IS_DASHBOARD_PAGE (self), NULL);

  return g_hash_table_lookup (self->tiles, &kpi_id);
}

/**
 * sc_dashboard_page_get_alerts_card:
 * @self: a #ScDashboardPage
 *
 * Returns: (transfer none): the card of open alerts by severity
 */
GtkWidget *
sc_dashboard_page_get_alerts_card (ScDashboardPage *self)
{
  g_return_val_if_fail (SC_IS_DASHBOARD_PAGE (self), NULL);
  return self->cards[CARD_ALERTS];
}

/**
 * sc_dashboard_page_get_outlook:
 * @self: a #ScDashboardPage
 * @n_at_risk: (out) (optional): KPIs on the page at risk of missing their
 *   target
 *
 * Returns: (transfer none) (nullable): the outlook sentence, once the
 *   KPIs have been analysed
 */
const char *
sc_dashboard_page_get_outlook (ScDashboardPage *self,
                               guint           *n_at_risk)
{
  g_return_val_if_fail (SC_IS_DASHBOARD_PAGE (self), NULL);

  if (n_at_risk != NULL)
    *n_at_risk = self->n_at_risk;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->outlook_box)))
    return NULL;

  return gtk_label_get_text (self->outlook_summary);
}
