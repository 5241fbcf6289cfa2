/* sc-insights-suggest.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-insights-suggest.h"

/* Improvement suggestions, said only where the data supports them: which
 * department or person drives a decline, and which KPIs move together.
 * When the numbers point nowhere in particular, nothing is said. */

/* A change counts as a decline from here. */
#define DECLINE_PERCENT (-5.0)
/* A department or person "drives" a decline with at least this share of
 * it, over at least two of their KPIs. */
#define DRIVER_SHARE 0.5
#define MIN_PAIRS 20

typedef struct
{
  const char *name;
  double      total;
  guint       count;
  const char *worst_kpi;
  double      worst;
} Bucket;

static const Bucket *
find_driver (const ScDeclineItem *items,
             gsize                n_items,
             gboolean             by_owner,
             double              *total_out,
             GArray              *buckets)
{
  double total = 0.0;
  const Bucket *best = NULL;

  g_array_set_size (buckets, 0);

  for (gsize i = 0; i < n_items; i++)
    {
      const char *key = by_owner ? items[i].owner : items[i].department;
      Bucket *bucket = NULL;

      if (!isfinite (items[i].change_percent) || items[i].change_percent > DECLINE_PERCENT)
        continue;

      total += -items[i].change_percent;
      if (key == NULL)
        continue;

      for (guint b = 0; b < buckets->len; b++)
        if (g_strcmp0 (g_array_index (buckets, Bucket, b).name, key) == 0)
          bucket = &g_array_index (buckets, Bucket, b);

      if (bucket == NULL)
        {
          Bucket fresh = { key, 0.0, 0, NULL, 0.0 };

          g_array_append_val (buckets, fresh);
          bucket = &g_array_index (buckets, Bucket, buckets->len - 1);
        }

      bucket->total += -items[i].change_percent;
      bucket->count++;
      if (bucket->worst_kpi == NULL || items[i].change_percent < bucket->worst)
        {
          bucket->worst_kpi = items[i].kpi_name;
          bucket->worst = items[i].change_percent;
        }
    }

  for (guint b = 0; b < buckets->len; b++)
    {
      const Bucket *bucket = &g_array_index (buckets, Bucket, b);

      if (best == NULL || bucket->total > best->total)
        best = bucket;
    }

  *total_out = total;

  if (best == NULL || best->count < 2 || total <= 0.0 || best->total / total < DRIVER_SHARE)
    return NULL;

  return best;
}

/**
 * sc_insights_decline_driver:
 * @items: (array length=n_items): KPIs with their recent change
 * @n_items: the number of items
 *
 * Looks for a department, or else a person, behind most of the recent
 * declines: at least two of their KPIs fell 5 % or more and they account
 * for at least half of all the decline.
 *
 * Returns: (transfer full) (nullable): a sentence such as "Sales drives
 *   most of the decline: 3 of its KPIs fell, Revenue the most (down
 *   18 %).", or %NULL when no one stands out
 */
char *
sc_insights_decline_driver (const ScDeclineItem *items,
                            gsize                n_items)
{
  g_autoptr(GArray) buckets = g_array_new (FALSE, FALSE, sizeof (Bucket));
  const Bucket *driver;
  double total;

  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  if ((driver = find_driver (items, n_items, FALSE, &total, buckets)) != NULL)
    /* Translators: %1$s is a department, %2$u a count, %3$s a KPI, %4$.0f a percentage */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$s drives most of the decline: %2$u of its KPIs fell, "
                                         "%3$s the most (down %4$.0f %%).",
                                         "%1$s drives most of the decline: %2$u of its KPIs fell, "
                                         "%3$s the most (down %4$.0f %%).",
                                         driver->count),
                            driver->name, driver->count, driver->worst_kpi, -driver->worst);

  if ((driver = find_driver (items, n_items, TRUE, &total, buckets)) != NULL)
    /* Translators: %1$s is a person, %2$u a count, %3$s a KPI, %4$.0f a percentage */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Most of the decline is in KPIs %1$s reports: %2$u fell, "
                                         "%3$s the most (down %4$.0f %%).",
                                         "Most of the decline is in KPIs %1$s reports: %2$u fell, "
                                         "%3$s the most (down %4$.0f %%).",
                                         driver->count),
                            driver->name, driver->count, driver->worst_kpi, -driver->worst);

  return NULL;
}

/* Pearson correlation of the changes of two series over their last
 * @window common periods. Daily series are compared week over week: two
 * KPIs that both dip every weekend are not telling anything about each
 * other. */
static gboolean
change_correlation (const ScSeries *a,
                    const ScSeries *b,
                    gsize           window,
                    double         *r_out,
                    gsize          *n_out)
{
  gint64 lag = a->period == SC_ANALYTICS_PERIOD_DAILY ? 7 : 1;
  gint64 first = MAX (a->first_index, b->first_index) + lag;
  gint64 last = MIN (a->first_index + (gint64)a->n, b->first_index + (gint64)b->n) - 1;
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  gsize n = 0;

  if (a->period != b->period || last < first)
    return FALSE;

  first = MAX (first, last - (gint64)window + 1);

  for (gint64 t = first; t <= last; t++)
    {
      double a0 = a->values[t - lag - a->first_index], a1 = a->values[t - a->first_index];
      double b0 = b->values[t - lag - b->first_index], b1 = b->values[t - b->first_index];
      double x, y;

      if (!isfinite (a0) || !isfinite (a1) || !isfinite (b0) || !isfinite (b1))
        continue;

      x = a1 - a0;
      y = b1 - b0;
      sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
      n++;
    }

  if (n < MIN_PAIRS)
    return FALSE;

  {
    double cov = sxy - sx * sy / n;
    double vx = sxx - sx * sx / n;
    double vy = syy - sy * sy / n;

    if (vx <= 0 || vy <= 0)
      return FALSE;

    *r_out = cov / sqrt (vx * vy);
    *n_out = n;
  }

  return TRUE;
}

/**
 * sc_insights_comovement:
 * @names: (array length=n_series): the KPIs' names
 * @series: (array length=n_series): their histories, resampled
 * @n_series: the number of KPIs
 * @window: how many recent periods to compare
 * @min_correlation: the smallest |r| worth saying, e.g. 0.8
 *
 * Finds the two KPIs whose changes are the most correlated (positively or
 * negatively) over the last @window periods, with at least 20 periods in
 * common: from one period to the next, or week over week for daily
 * KPIs, so that a shared weekday pattern does not count as moving
 * together.
 *
 * Returns: (transfer full) (nullable): a sentence such as "Daily Sales and
 *   Basket Size move together (correlation 0.86 over the last 90 days).",
 *   or %NULL when no pair reaches @min_correlation
 */
char *
sc_insights_comovement (const char * const *names,
                        ScSeries * const   *series,
                        gsize               n_series,
                        gsize               window,
                        double              min_correlation)
{
  double best_r = 0.0;
  gsize best_n = 0;
  gsize best_i = 0, best_j = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (names != NULL || n_series == 0, NULL);
  g_return_val_if_fail (series != NULL || n_series == 0, NULL);

  for (gsize i = 0; i < n_series; i++)
    for (gsize j = i + 1; j < n_series; j++)
      {
        double r;
        gsize n;

        if (series[i] == NULL || series[j] == NULL ||
            !change_correlation (series[i], series[j], window, &r, &n))
          continue;

        if (fabs (r) >= min_correlation && fabs (r) > fabs (best_r))
          {
            best_r = r, best_n = n, best_i = i, best_j = j;
            found = TRUE;
          }
      }

  if (!found)
    return NULL;

  if (best_r > 0)
    /* Translators: two KPIs, a correlation such as 0.86 and a number of periods */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s and %s move together (correlation %.2f over the "
                                         "last %zu period).",
                                         "%s and %s move together (correlation %.2f over the "
                                         "last %zu periods).",
                                         best_n),
                            names[best_i], names[best_j], best_r, best_n);

  /* Translators: two KPIs, a negative correlation such as −0.81 and a number of periods */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s and %s move in opposite directions (correlation %.2f "
                                       "over the last %zu period).",
                                       "%s and %s move in opposite directions (correlation %.2f "
                                       "over the last %zu periods).",
                                       best_n),
                          names[best_i], names[best_j], best_r, best_n);
}
