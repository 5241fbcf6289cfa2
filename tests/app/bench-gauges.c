/* bench-gauges.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-bench"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "sc-gauge.h"

/* 100 gauges animating at once, as on a busy dashboard after a sync:
 * every 700 ms each gets a new value and glides to it. For every frame the
 * frame clock produces, we time the work between its "before-paint" and
 * "after-paint" signals (layout and drawing) and the interval between
 * frames, and print the median and worst of each. Run it under the
 * renderer you care about (GSK_RENDERER=cairo under Xvfb is the slow,
 * software worst case). */

#define N_GAUGES 100
#define RETARGET_MSEC 700

typedef struct
{
  GArray    *paint_ms;
  GArray    *interval_ms;
  GPtrArray *gauges;
  GRand     *rand;
  gint64     before_paint;
  gint64     last_after_paint;
  gint64     end;
  gboolean   done;
} Bench;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Bench         *bench)
{
  bench->before_paint = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  double paint = (now - bench->before_paint) / 1000.0;

  g_array_append_val (bench->paint_ms, paint);
  if (bench->last_after_paint != 0)
    {
      double interval = (now - bench->last_after_paint) / 1000.0;

      g_array_append_val (bench->interval_ms, interval);
    }
  bench->last_after_paint = now;
}

static gboolean
retarget_cb (gpointer data)
{
  Bench *bench = data;

  if (g_get_monotonic_time () > bench->end)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  for (guint i = 0; i < bench->gauges->len; i++)
    sc_gauge_set_value (g_ptr_array_index (bench->gauges, i),
                        g_rand_double_range (bench->rand, 20, 130));

  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return da < db ? -1 : da > db;
}

static void
report (const char *name,
        GArray     *values)
{
  double median, worst, p95;

  g_array_sort (values, compare_doubles);
  median = g_array_index (values, double, values->len / 2);
  p95 = g_array_index (values, double, (guint)(values->len * 0.95));
  worst = g_array_index (values, double, values->len - 1);

  g_print ("%s-median-ms: %.2f\n", name, median);
  g_print ("%s-p95-ms: %.2f\n", name, p95);
  g_print ("%s-worst-ms: %.2f\n", name, worst);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0, };
  GtkWidget *window;
  GtkWidget *flow;
  GtkWidget *scroller;
  GdkFrameClock *clock;
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 5.0;

  gtk_init ();
  adw_init ();

  bench.paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.gauges = g_ptr_array_new ();
  bench.rand = g_rand_new_with_seed (7);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1000);
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 10);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 10);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);

  for (guint i = 0; i < N_GAUGES; i++)
    {
      GtkWidget *gauge = sc_gauge_new ((ScGaugeStyle)(i % 4));

      gtk_widget_set_size_request (gauge, 110, 90);
      sc_gauge_set_target (SC_GAUGE (gauge), 100);
      sc_gauge_set_value (SC_GAUGE (gauge), 50);
      sc_gauge_skip_animation (SC_GAUGE (gauge));
      gtk_flow_box_append (GTK_FLOW_BOX (flow), gauge);
      g_ptr_array_add (bench.gauges, gauge);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), flow);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));

  /* Let the window settle before measuring. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);

  bench.end = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);
  retarget_cb (&bench);
  g_timeout_add (RETARGET_MSEC, retarget_cb, &bench);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("gauges: %u\nframes: %u\n", N_GAUGES, bench.paint_ms->len);
  if (bench.paint_ms->len < 2)
    {
      g_printerr ("bench-gauges: no frames were drawn\n");
      return EXIT_FAILURE;
    }

  report ("frame-work", bench.paint_ms);
  report ("frame-interval", bench.interval_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (bench.gauges);
  g_array_unref (bench.paint_ms);
  g_array_unref (bench.interval_ms);
  g_rand_free (bench.rand);

  return EXIT_SUCCESS;
}
