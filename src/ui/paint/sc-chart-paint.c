/* sc-chart-paint.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-paint"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-chart-paint.h"
#include "sc-paint-private.h"

#define DAY            G_GINT64_CONSTANT (86400)
#define HOUR           G_GINT64_CONSTANT (3600)
#define LINE_WIDTH     2.0
#define AREA_OPACITY   0.2
#define ZONE_OPACITY   0.06
#define ZONE_KEY       3.0
#define MARKER         4.0
#define MARKER_RING    2.0
#define DOT            2.5
#define MIN_LABEL_PX   6.0
#define LABEL_GAP      (ZONE_KEY + 5.0)
#define BAND95_OPACITY 0.12
#define BAND80_OPACITY 0.22
#define ANOMALY_RADIUS 5.0
#define ANOMALY_WIDTH  2.0

typedef struct
{
  double font_px;
  gboolean labels;
  gboolean caption;
  double caption_y;
  double plot_x;
  double plot_y;
  double plot_w;
  double plot_h;
  gint64 t0;
  gint64 t1;
  double v0;
  double v1;
  double step;
} ChartLayout;

/* Steps between date labels, the first that fits wins. */
static const struct
{
  gint64      seconds;
  int         months;
  const char *format;
} time_steps[] = {
  { HOUR, 0, "%H:%M" },
  { 2 * HOUR, 0, "%H:%M" },
  { 3 * HOUR, 0, "%H:%M" },
  { 6 * HOUR, 0, "%H:%M" },
  { 12 * HOUR, 0, "%H:%M" },
  { DAY, 0, "%b %d" },
  { 2 * DAY, 0, "%b %d" },
  { 7 * DAY, 0, "%b %d" },
  { 14 * DAY, 0, "%b %d" },
  { 0, 1, "%b %Y" },
  { 0, 2, "%b %Y" },
  { 0, 3, "%b %Y" },
  { 0, 6, "%b %Y" },
  { 0, 12, "%Y" },
  { 0, 24, "%Y" },
  { 0, 60, "%Y" },
  { 0, 120, "%Y" },
  { 0, 600, "%Y" },
};

/* Auxiliary methods */

static gboolean
forecast_point_usable (const ScChartForecastPoint *point)
{
  return isfinite (point->mean) &&
         isfinite (point->lower80) && isfinite (point->upper80) &&
         isfinite (point->lower95) && isfinite (point->upper95);
}

static gboolean
forecast_time_span (const ScChartSpec *spec,
                    gint64            *first,
                    gint64            *last)
{
  gboolean found = FALSE;

  *first = G_MAXINT64;
  *last = G_MININT64;

  for (guint i = 0; i < spec->n_forecast; i++)
    {
      if (!forecast_point_usable (&spec->forecast[i]))
        continue;
      *first = MIN (*first, spec->forecast[i].time);
      *last = MAX (*last, spec->forecast[i].time);
      found = TRUE;
    }

  return found;
}

/* The last point with a value, where the forecast continues the line. */
static const ScChartPoint *
forecast_anchor (const ScChartSpec *spec)
{
  for (guint i = spec->n_points; i-- > 0;)
    {
      if (isfinite (spec->points[i].value))
        return &spec->points[i];
    }

  return NULL;
}

static gboolean
auto_values (const ScChartSpec *spec)
{
  return (spec->value_min == 0.0 && spec->value_max == 0.0) ||
         !(spec->value_max > spec->value_min) ||
         !isfinite (spec->value_max - spec->value_min);
}

static void
compute_time_range (const ScChartSpec *spec,
                    gint64            *t0,
                    gint64            *t1)
{
  gint64 forecast_first, forecast_last;
  gboolean has_forecast = forecast_time_span (spec, &forecast_first, &forecast_last);

  if (spec->time_min != 0 || spec->time_max != 0)
    {
      *t0 = spec->time_min;
      *t1 = spec->time_max;
    }
  else if (spec->n_points > 0)
    {
      *t0 = spec->points[0].time;
      *t1 = spec->points[spec->n_points - 1].time;
    }
  else if (has_forecast)
    {
      *t0 = forecast_first;
      *t1 = forecast_last;
    }
  else
    {
      *t0 = *t1 = 0;
    }

  if (has_forecast)
    *t1 = MAX (*t1, forecast_last);

  /* A single day of data still gets a day either side. */
  if (*t1 <= *t0)
    {
      gint64 middle = *t0;

      *t0 = middle - DAY;
      *t1 = middle + DAY;
    }
}

static void
compute_value_range (const ScChartSpec *spec,
                     ChartLayout       *l)
{
  double lo = INFINITY;
  double hi = -INFINITY;
  double data_lo = INFINITY;
  double pad;
  int count;

  count = CLAMP ((int)floor (l->plot_h / (l->font_px * 3.5)), 2, 6);

  if (!auto_values (spec))
    {
      l->v0 = spec->value_min;
      l->v1 = spec->value_max;
      l->step = _sc_paint_nice_step ((l->v1 - l->v0) / count);
      return;
    }

  for (guint i = 0; i < spec->n_points; i++)
    {
      double v = spec->points[i].value;

      if (!isfinite (v))
        continue;
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }

  for (guint i = 0; i < spec->n_forecast; i++)
    {
      const ScChartForecastPoint *point = &spec->forecast[i];

      if (!forecast_point_usable (point))
        continue;
      lo = MIN (lo, MIN (point->mean, point->lower95));
      hi = MAX (hi, MAX (point->mean, point->upper95));
    }
  data_lo = lo;

  if (spec->show_target && isfinite (spec->target))
    {
      lo = MIN (lo, spec->target);
      hi = MAX (hi, spec->target);
    }

  /* The thresholds between zones; their outer ends are only a gauge's
   * scale and would squash the data. */
  for (guint i = 0; i < spec->n_zones; i++)
    {
      double from = MIN (spec->zones[i].from, spec->zones[i].to);
      double to = MAX (spec->zones[i].from, spec->zones[i].to);

      if (i > 0 && isfinite (from))
        {
          lo = MIN (lo, from);
          hi = MAX (hi, from);
        }
      if (i + 1 < spec->n_zones && isfinite (to))
        {
          lo = MIN (lo, to);
          hi = MAX (hi, to);
        }
    }

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0.0;
      hi = 1.0;
    }

  if (hi - lo > 0.0)
    pad = (hi - lo) * 0.08;
  else
    pad = MAX (fabs (hi) * 0.1, 1.0);

  /* Non-negative series keep 0 as a floor, and start at 0 when that
   * hardly costs any room. */
  if (!(data_lo < 0.0) && lo >= 0.0 && (lo - pad < 0.0 || lo <= hi * 0.25))
    lo = 0.0;
  else
    lo -= pad;
  hi += pad;

  l->step = _sc_paint_nice_step ((hi - lo) / count);
  l->v0 = floor (lo / l->step + 1e-9) * l->step;
  l->v1 = ceil (hi / l->step - 1e-9) * l->step;
  if (!(l->v1 > l->v0))
    l->v1 = l->v0 + l->step;
}

static gboolean
compute_layout (const ScChartSpec *spec,
                double             width,
                double             height,
                ChartLayout       *l)
{
  double left, right, top, bottom;

  memset (l, 0, sizeof *l);

  if (!(width > 0.0) || !(height > 0.0) || !isfinite (width) || !isfinite (height))
    return FALSE;

  l->font_px = CLAMP (MIN (height / 16.0, width / 30.0), MIN_LABEL_PX, 11.0);
  l->labels = width >= 120.0 && height >= 60.0;

  if (l->labels)
    {
      left = ceil (l->font_px * 4.2) + LABEL_GAP;
      right = MAX (8.0, ceil (l->font_px * 0.8));
      top = MAX (8.0, ceil (l->font_px * 0.9));
      bottom = ceil (l->font_px * 2.0) + 2.0;

      /* The method label gets a line of its own, clear of the top value
       * label. */
      if (spec->method_label != NULL && spec->method_label[0] != '\0')
        {
          l->caption = TRUE;
          l->caption_y = top;
          top += ceil (l->font_px * 1.6);
        }
    }
  else
    {
      left = right = top = bottom = MARKER + MARKER_RING;
    }

  l->plot_x = left;
  l->plot_y = top;
  l->plot_w = width - left - right;
  l->plot_h = height - top - bottom;

  if (l->plot_w < 1.0 || l->plot_h < 1.0)
    return FALSE;

  compute_time_range (spec, &l->t0, &l->t1);
  compute_value_range (spec, l);

  return TRUE;
}

static double
x_for_time (const ChartLayout *l,
            gint64             time)
{
  return l->plot_x + (double)(time - l->t0) / (double)(l->t1 - l->t0) * l->plot_w;
}

static double
y_for_value (const ChartLayout *l,
             double             value)
{
  return l->plot_y + l->plot_h - (value - l->v0) / (l->v1 - l->v0) * l->plot_h;
}

/* Lines of odd width land on pixel centres. */
static double
crisp (double coordinate)
{
  return floor (coordinate) + 0.5;
}

static void
paint_zones (cairo_t              *cr,
             const ScChartSpec    *spec,
             const ScPaintPalette *palette,
             const ChartLayout    *l)
{
  for (guint i = 0; i < spec->n_zones; i++)
    {
      const ScZone *zone = &spec->zones[i];
      double y1, y2;

      if ((guint)zone->kind >= SC_N_ZONE_KINDS)
        continue;

      y1 = CLAMP (y_for_value (l, MAX (zone->from, zone->to)), l->plot_y, l->plot_y + l->plot_h);
      y2 = CLAMP (y_for_value (l, MIN (zone->from, zone->to)), l->plot_y, l->plot_y + l->plot_h);
      if (!(y2 > y1))
        continue;

      cairo_rectangle (cr, l->plot_x, y1, l->plot_w, y2 - y1);
      _sc_paint_set_source (cr, &palette->zone[zone->kind], ZONE_OPACITY);
      cairo_fill (cr);

      /* A solid key along the value axis keeps the thresholds readable
       * where the series' area covers the faint bands. */
      if (l->labels)
        {
          cairo_rectangle (cr, l->plot_x - ZONE_KEY - 1.0, y1, ZONE_KEY, y2 - y1);
          _sc_paint_set_source (cr, &palette->zone[zone->kind], 1.0);
          cairo_fill (cr);
        }
    }
}

static void
paint_value_axis (cairo_t              *cr,
                  const ScChartSpec    *spec,
                  const ScPaintPalette *palette,
                  const ChartLayout    *l)
{
  double first = ceil (l->v0 / l->step - 1e-9) * l->step;

  cairo_set_line_width (cr, 1.0);

  for (guint i = 0; i <= 50; i++)
    {
      double v = first + i * l->step;
      double y;

      if (v > l->v1 + l->step * 1e-6)
        break;

      y = crisp (y_for_value (l, v));
      cairo_new_path (cr);
      cairo_move_to (cr, l->plot_x, y);
      cairo_line_to (cr, l->plot_x + l->plot_w, y);
      _sc_paint_set_source (cr, &palette->grid, 1.0);
      cairo_stroke (cr);

      if (l->labels)
        {
          g_autofree char *text = _sc_paint_format_compact (v, l->step);

          _sc_paint_show_text (cr, spec->font_family, text, FALSE, &palette->dim_text,
                               l->font_px, MIN_LABEL_PX, l->plot_x - LABEL_GAP,
                               l->plot_x - LABEL_GAP, y, 1.0);
        }
    }

  /* The baseline, in case the range does not start on a label. */
  cairo_new_path (cr);
  cairo_move_to (cr, l->plot_x, crisp (l->plot_y + l->plot_h - 1.0));
  cairo_line_to (cr, l->plot_x + l->plot_w, crisp (l->plot_y + l->plot_h - 1.0));
  _sc_paint_set_source (cr, &palette->grid, 1.0);
  cairo_stroke (cr);
}

static gint64
next_multiple (gint64 time,
               gint64 step,
               gint64 offset)
{
  gint64 rest = (time - offset) % step;

  if (rest < 0)
    rest += step;

  return rest == 0 ? time : time + (step - rest);
}

static void
paint_time_label (cairo_t              *cr,
                  const ScChartSpec    *spec,
                  const ScPaintPalette *palette,
                  const ChartLayout    *l,
                  double                width,
                  gint64                time,
                  const char           *format,
                  double               *last_right)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  double label_width;
  double x;

  if (dt == NULL)
    return;

  /* Midnight among hourly labels names the day instead. */
  if (g_str_equal (format, "%H:%M") && g_date_time_get_hour (dt) == 0 &&
      g_date_time_get_minute (dt) == 0)
    format = "%b %d";

  text = g_date_time_format (dt, format);
  if (text == NULL)
    return;

  layout = _sc_paint_create_layout (cr, spec->font_family, l->font_px, FALSE, text);
  _sc_paint_layout_get_size (layout, &label_width, NULL);

  x = x_for_time (l, time) - label_width / 2.0;
  x = CLAMP (x, 0.0, width - label_width);
  if (x < *last_right + l->font_px)
    return;

  _sc_paint_set_source (cr, &palette->dim_text, 1.0);
  _sc_paint_show_layout (cr, layout, l->font_px, x,
                         l->plot_y + l->plot_h + l->font_px * 1.2, 0.0);
  *last_right = x + label_width;
}

static void
paint_time_axis (cairo_t              *cr,
                 const ScChartSpec    *spec,
                 const ScPaintPalette *palette,
                 const ChartLayout    *l,
                 double                width)
{
  double span = (double)(l->t1 - l->t0);
  double max_labels = MAX (1.0, floor (l->plot_w / (l->font_px * 7.0)));
  double last_right = -INFINITY;
  gint64 forecast_first, forecast_last;
  guint step = 0;

  if (!l->labels ||
      (spec->n_points == 0 && spec->time_min == 0 && spec->time_max == 0 &&
       !forecast_time_span (spec, &forecast_first, &forecast_last)))
    return;

  for (step = 0; step + 1 < G_N_ELEMENTS (time_steps); step++)
    {
      double seconds = time_steps[step].seconds > 0
                         ? (double)time_steps[step].seconds
                         : time_steps[step].months * 30.44 * DAY;

      if (span / seconds <= max_labels)
        break;
    }

  if (time_steps[step].seconds > 0)
    {
      gint64 seconds = time_steps[step].seconds;
      /* Weeks start on Monday; 1970-01-05 was one. */
      gint64 offset = seconds >= 7 * DAY ? 4 * DAY : 0;
      gint64 time = next_multiple (l->t0, seconds, offset);

      for (guint i = 0; i < 200 && time <= l->t1; i++, time += seconds)
        paint_time_label (cr, spec, palette, l, width, time,
                          time_steps[step].format, &last_right);
    }
  else
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (l->t0);
      int months = time_steps[step].months;
      gint64 index;

      if (start == NULL)
        return;

      /* Count months from year 0 so quarters and years line up. */
      index = (gint64)g_date_time_get_year (start) * 12 + g_date_time_get_month (start) - 1;
      if (g_date_time_get_day_of_month (start) != 1 || g_date_time_get_hour (start) != 0 ||
          g_date_time_get_minute (start) != 0 || g_date_time_get_second (start) != 0)
        index++;
      index = (index + months - 1) / months * months;

      for (guint i = 0; i < 200; i++, index += months)
        {
          g_autoptr(GDateTime) dt = NULL;
          gint64 time;

          if (index / 12 > 9999)
            break;
          dt = g_date_time_new_utc ((int)(index / 12), (int)(index % 12) + 1, 1, 0, 0, 0);
          if (dt == NULL)
            break;
          time = g_date_time_to_unix (dt);
          if (time > l->t1)
            break;

          paint_time_label (cr, spec, palette, l, width, time,
                            time_steps[step].format, &last_right);
        }
    }
}

/* Maps the finite points to pixels, thinned when there are more than two
 * per pixel column.
 */
static ScPaintPoint *
build_polyline (const ScChartSpec *spec,
                const ChartLayout *l,
                guint             *n_out)
{
  ScPaintPoint *line = g_new (ScPaintPoint, MAX (spec->n_points, 1));
  guint n = 0;

  for (guint i = 0; i < spec->n_points; i++)
    {
      if (!isfinite (spec->points[i].value))
        continue;

      line[n].x = x_for_time (l, spec->points[i].time);
      line[n].y = y_for_value (l, spec->points[i].value);
      n++;
    }

  if (n > 2.0 * l->plot_w)
    n = _sc_paint_decimate (line, n);

  *n_out = n;

  return line;
}

/* One of the two bands, from the anchor out to the last forecast point and
 * back along the lower bound.
 */
static void
forecast_band_path (cairo_t            *cr,
                    const ScChartSpec  *spec,
                    const ChartLayout  *l,
                    const ScChartPoint *anchor,
                    gboolean            inner)
{
  cairo_new_path (cr);

  if (anchor != NULL)
    cairo_move_to (cr, x_for_time (l, anchor->time), y_for_value (l, anchor->value));

  for (guint i = 0; i < spec->n_forecast; i++)
    {
      const ScChartForecastPoint *point = &spec->forecast[i];

      if (forecast_point_usable (point))
        cairo_line_to (cr, x_for_time (l, point->time),
                       y_for_value (l, inner ? point->upper80 : point->upper95));
    }

  for (guint i = spec->n_forecast; i-- > 0;)
    {
      const ScChartForecastPoint *point = &spec->forecast[i];

      if (forecast_point_usable (point))
        cairo_line_to (cr, x_for_time (l, point->time),
                       y_for_value (l, inner ? point->lower80 : point->lower95));
    }

  cairo_close_path (cr);
}

static void
paint_forecast_bands (cairo_t              *cr,
                      const ScChartSpec    *spec,
                      const ScPaintPalette *palette,
                      const ChartLayout    *l)
{
  static const double dashes[] = { 2.0, 3.0 };
  const ScChartPoint *anchor = forecast_anchor (spec);

  /* Unlike the line, the bands stop at the plot, even when a fixed value
   * range cuts them. */
  cairo_save (cr);
  cairo_rectangle (cr, l->plot_x, l->plot_y, l->plot_w, l->plot_h);
  cairo_clip (cr);

  forecast_band_path (cr, spec, l, anchor, FALSE);
  _sc_paint_set_source (cr, &palette->accent, BAND95_OPACITY);
  cairo_fill (cr);

  /* Over the outer band rather than beside it: no antialiasing seam where
   * they meet, and the opacities add up to BAND80_OPACITY. */
  forecast_band_path (cr, spec, l, anchor, TRUE);
  _sc_paint_set_source (cr, &palette->accent,
                        1.0 - (1.0 - BAND80_OPACITY) / (1.0 - BAND95_OPACITY));
  cairo_fill (cr);

  /* Now: where the data ends and the forecast begins. */
  if (anchor != NULL)
    {
      double x = crisp (x_for_time (l, anchor->time));

      cairo_new_path (cr);
      cairo_move_to (cr, x, l->plot_y);
      cairo_line_to (cr, x, l->plot_y + l->plot_h);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.0);
      cairo_set_line_width (cr, 1.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      _sc_paint_set_source (cr, &palette->dim_text, 0.8);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
paint_forecast_mean (cairo_t              *cr,
                     const ScChartSpec    *spec,
                     const ScPaintPalette *palette,
                     const ChartLayout    *l)
{
  static const double dashes[] = { 5.0, 4.0 };
  const ScChartPoint *anchor = forecast_anchor (spec);

  cairo_save (cr);
  cairo_new_path (cr);

  if (anchor != NULL)
    cairo_move_to (cr, x_for_time (l, anchor->time), y_for_value (l, anchor->value));

  for (guint i = 0; i < spec->n_forecast; i++)
    {
      const ScChartForecastPoint *point = &spec->forecast[i];

      if (forecast_point_usable (point))
        cairo_line_to (cr, x_for_time (l, point->time), y_for_value (l, point->mean));
    }

  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.0);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  _sc_paint_set_source (cr, &palette->accent, 1.0);
  cairo_stroke (cr);

  cairo_restore (cr);
}

static void
paint_series (cairo_t              *cr,
              const ScChartSpec    *spec,
              const ScPaintPalette *palette,
              const ChartLayout    *l)
{
  g_autofree ScPaintPoint *line = NULL;
  double bottom = l->plot_y + l->plot_h;
  gint64 forecast_first, forecast_last;
  gboolean has_forecast;
  guint n;

  line = build_polyline (spec, l, &n);
  has_forecast = forecast_time_span (spec, &forecast_first, &forecast_last);
  if (n == 0 && !has_forecast)
    return;

  if (n >= 2)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, line[0].x, bottom);
      for (guint i = 0; i < n; i++)
        cairo_line_to (cr, line[i].x, line[i].y);
      cairo_line_to (cr, line[n - 1].x, bottom);
      cairo_close_path (cr);
      _sc_paint_set_source (cr, &palette->accent, AREA_OPACITY);
      cairo_fill (cr);
    }

  if (has_forecast)
    paint_forecast_bands (cr, spec, palette, l);

  /* The target sits between the area and the line, so data stays on top. */
  if (spec->show_target && isfinite (spec->target) &&
      spec->target >= l->v0 && spec->target <= l->v1)
    {
      static const double dashes[] = { 6.0, 4.0 };
      double y = y_for_value (l, spec->target);

      cairo_new_path (cr);
      cairo_move_to (cr, l->plot_x, y);
      cairo_line_to (cr, l->plot_x + l->plot_w, y);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.0);
      cairo_set_line_width (cr, 1.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      _sc_paint_set_source (cr, &palette->target, 0.7);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.0);
    }

  if (n >= 2)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, line[0].x, line[0].y);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, line[i].x, line[i].y);
      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      _sc_paint_set_source (cr, &palette->accent, 1.0);
      cairo_stroke (cr);
    }

  if (has_forecast)
    paint_forecast_mean (cr, spec, palette, l);

  /* Sparse series show their points. */
  if (n == 1 || (n > 1 && l->plot_w / (n - 1) >= 18.0))
    {
      for (guint i = 0; i < n; i++)
        {
          cairo_new_path (cr);
          cairo_arc (cr, line[i].x, line[i].y, DOT + 1.5, 0.0, 2.0 * G_PI);
          _sc_paint_set_source (cr, &palette->background, 1.0);
          cairo_fill (cr);
          cairo_arc (cr, line[i].x, line[i].y, DOT, 0.0, 2.0 * G_PI);
          _sc_paint_set_source (cr, &palette->accent, 1.0);
          cairo_fill (cr);
        }
    }
}

static void
paint_hover (cairo_t              *cr,
             const ScChartSpec    *spec,
             const ScPaintPalette *palette,
             const ChartLayout    *l)
{
  const ScChartPoint *point;
  double x, y;

  if (spec->hover_index < 0 || (guint)spec->hover_index >= spec->n_points)
    return;

  point = &spec->points[spec->hover_index];
  x = x_for_time (l, point->time);

  cairo_new_path (cr);
  cairo_move_to (cr, crisp (x), l->plot_y);
  cairo_line_to (cr, crisp (x), l->plot_y + l->plot_h);
  cairo_set_line_width (cr, 1.0);
  _sc_paint_set_source (cr, &palette->dim_text, 0.5);
  cairo_stroke (cr);

  if (!isfinite (point->value))
    return;

  y = y_for_value (l, point->value);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, MARKER + MARKER_RING, 0.0, 2.0 * G_PI);
  _sc_paint_set_source (cr, &palette->background, 1.0);
  cairo_fill (cr);
  cairo_arc (cr, x, y, MARKER, 0.0, 2.0 * G_PI);
  _sc_paint_set_source (cr, &palette->accent, 1.0);
  cairo_fill (cr);
}

/* Like paint_hover(), with a hollow marker: an expected value, not one
 * that was measured.
 */
static void
paint_forecast_hover (cairo_t              *cr,
                      const ScChartSpec    *spec,
                      const ScPaintPalette *palette,
                      const ChartLayout    *l)
{
  const ScChartForecastPoint *point;
  double x, y;

  if (spec->hover_forecast == 0 || spec->hover_forecast > spec->n_forecast)
    return;

  point = &spec->forecast[spec->hover_forecast - 1];
  if (!forecast_point_usable (point))
    return;

  x = x_for_time (l, point->time);
  y = y_for_value (l, point->mean);

  cairo_new_path (cr);
  cairo_move_to (cr, crisp (x), l->plot_y);
  cairo_line_to (cr, crisp (x), l->plot_y + l->plot_h);
  cairo_set_line_width (cr, 1.0);
  _sc_paint_set_source (cr, &palette->dim_text, 0.5);
  cairo_stroke (cr);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, MARKER + MARKER_RING, 0.0, 2.0 * G_PI);
  _sc_paint_set_source (cr, &palette->background, 1.0);
  cairo_fill (cr);
  cairo_arc (cr, x, y, MARKER - 1.0, 0.0, 2.0 * G_PI);
  cairo_set_line_width (cr, 2.0);
  _sc_paint_set_source (cr, &palette->accent, 1.0);
  cairo_stroke (cr);
}

/* Drawn from the points themselves, not the thinned line, so no anomaly
 * is lost in a long series.
 */
static void
paint_anomalies (cairo_t              *cr,
                 const ScChartSpec    *spec,
                 const ScPaintPalette *palette,
                 const ChartLayout    *l)
{
  for (guint i = 0; i < spec->n_anomalies; i++)
    {
      guint index = spec->anomalies[i];
      double x, y;

      if (index >= spec->n_points || !isfinite (spec->points[index].value))
        continue;

      x = x_for_time (l, spec->points[index].time);
      y = y_for_value (l, spec->points[index].value);

      /* A halo in the background colour cuts the ring out of the line and
       * the area, which dark red alone does not stand out from. */
      cairo_new_path (cr);
      cairo_arc (cr, x, y, ANOMALY_RADIUS, 0.0, 2.0 * G_PI);
      cairo_set_line_width (cr, ANOMALY_WIDTH + 2.0);
      _sc_paint_set_source (cr, &palette->background, 1.0);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, ANOMALY_WIDTH);
      _sc_paint_set_source (cr, &palette->zone[SC_ZONE_BAD], 1.0);
      cairo_stroke (cr);

      /* The halo cut the line: the point itself stays. */
      cairo_arc (cr, x, y, DOT, 0.0, 2.0 * G_PI);
      _sc_paint_set_source (cr, &palette->accent, 1.0);
      cairo_fill (cr);
    }
}

/* Public API */

/**
 * sc_chart_paint:
 * @cr: a cairo context
 * @width: width of the area to draw in
 * @height: its height
 * @spec: what to draw
 *
 * Draws a history chart in the rectangle from (0, 0) to (@width, @height):
 * value labels and grid lines, date labels (UTC), zones as faint bands,
 * the series as a line over a translucent area, the target as a dashed
 * line, and the hovered point. Series longer than two points per pixel
 * column are thinned to each column's lowest and highest point.
 *
 * A forecast continues the line from its last point with a value: its
 * 95 % and 80 % intervals as two translucent bands, the expected value as
 * a dashed line, and a dotted line at the last actual time. Forecast
 * points without finite values are skipped. The time axis always reaches
 * the last forecast point; an automatic value axis fits the 95 % bounds.
 * Anomalies are ringed in the bad zone's colour, above everything else.
 * The method label, if any, is written small above the top left corner of
 * the plot.
 */
void
sc_chart_paint (cairo_t           *cr,
                double             width,
                double             height,
                const ScChartSpec *spec)
{
  const ScPaintPalette *palette;
  ChartLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (spec != NULL);
  g_return_if_fail (spec->points != NULL || spec->n_points == 0);
  g_return_if_fail (spec->zones != NULL || spec->n_zones == 0);
  g_return_if_fail (spec->forecast != NULL || spec->n_forecast == 0);
  g_return_if_fail (spec->anomalies != NULL || spec->n_anomalies == 0);

  if (!compute_layout (spec, width, height, &l))
    return;

  palette = spec->palette != NULL ? spec->palette : _sc_paint_default_palette ();

  cairo_save (cr);
  cairo_rectangle (cr, 0.0, 0.0, width, height);
  cairo_clip (cr);

  paint_zones (cr, spec, palette, &l);

  paint_value_axis (cr, spec, palette, &l);
  paint_time_axis (cr, spec, palette, &l, width);

  if (l.caption)
    _sc_paint_show_text (cr, spec->font_family, spec->method_label, FALSE, &palette->dim_text,
                         l.font_px, MIN_LABEL_PX, l.plot_w, l.plot_x, l.caption_y, 0.0);

  /* Let the line and its dots spill a little past the plot, not onto the
   * labels. */
  cairo_save (cr);
  cairo_rectangle (cr, l.plot_x - DOT - 1.5, l.plot_y - MARKER - MARKER_RING,
                   l.plot_w + 2.0 * (DOT + 1.5), l.plot_h + 2.0 * (MARKER + MARKER_RING));
  cairo_clip (cr);
  paint_series (cr, spec, palette, &l);
  paint_hover (cr, spec, palette, &l);
  paint_forecast_hover (cr, spec, palette, &l);
  cairo_restore (cr);

  /* Rings are wider than dots: they get their own, larger margin. */
  if (spec->n_anomalies > 0)
    {
      double spill = ANOMALY_RADIUS + ANOMALY_WIDTH / 2.0 + 1.0;

      cairo_save (cr);
      cairo_rectangle (cr, l.plot_x - spill, l.plot_y - spill,
                       l.plot_w + 2.0 * spill, l.plot_h + 2.0 * spill);
      cairo_clip (cr);
      paint_anomalies (cr, spec, palette, &l);
      cairo_restore (cr);
    }

  cairo_restore (cr);
}

/**
 * sc_chart_hit_test:
 * @spec: a chart
 * @width: width of the area sc_chart_paint() draws in
 * @height: its height
 * @x: pointer position
 * @y: pointer position
 *
 * Returns: the index of the point nearest to @x among those with a value,
 *   or -1 if there is none or the pointer is outside the plot area
 */
int
sc_chart_hit_test (const ScChartSpec *spec,
                   double             width,
                   double             height,
                   double             x,
                   double             y)
{
  ChartLayout l;
  double slack = MARKER + MARKER_RING;
  int best = -1;
  double best_distance = INFINITY;
  guint lo, hi;
  gint64 time;

  g_return_val_if_fail (spec != NULL, -1);
  g_return_val_if_fail (spec->points != NULL || spec->n_points == 0, -1);

  if (spec->n_points == 0 || !compute_layout (spec, width, height, &l))
    return -1;

  if (!(x >= l.plot_x - slack && x <= l.plot_x + l.plot_w + slack &&
        y >= l.plot_y - slack && y <= l.plot_y + l.plot_h + slack))
    return -1;

  /* First point at or after the pointer's time. */
  time = l.t0 + (gint64)floor ((x - l.plot_x) / l.plot_w * (double)(l.t1 - l.t0));
  lo = 0;
  hi = spec->n_points;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (spec->points[mid].time < time)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* Walk out both ways to the nearest points that have a value. */
  for (guint i = lo; i < spec->n_points; i++)
    {
      if (isfinite (spec->points[i].value))
        {
          best_distance = fabs (x_for_time (&l, spec->points[i].time) - x);
          best = (int)i;
          break;
        }
    }
  for (guint i = lo; i-- > 0;)
    {
      if (isfinite (spec->points[i].value))
        {
          if (fabs (x_for_time (&l, spec->points[i].time) - x) <= best_distance)
            best = (int)i;
          break;
        }
    }

  return best;
}

/**
 * sc_chart_point_position:
 * @spec: a chart
 * @width: width of the area sc_chart_paint() draws in
 * @height: its height
 * @index: index of a point
 * @x: (out): where the point is drawn
 * @y: (out): where the point is drawn; the bottom of the plot if the point
 *   has no value
 */
void
sc_chart_point_position (const ScChartSpec *spec,
                         double             width,
                         double             height,
                         guint              index,
                         double            *x,
                         double            *y)
{
  ChartLayout l;
  double value;

  g_return_if_fail (spec != NULL);
  g_return_if_fail (index < spec->n_points);
  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  if (!compute_layout (spec, width, height, &l))
    {
      *x = *y = 0.0;
      return;
    }

  value = spec->points[index].value;
  *x = x_for_time (&l, spec->points[index].time);
  *y = isfinite (value) ? y_for_value (&l, value) : l.plot_y + l.plot_h;
}

/**
 * sc_chart_hit_test_forecast:
 * @spec: a chart
 * @width: width of the area sc_chart_paint() draws in
 * @height: its height
 * @x: pointer position
 * @y: pointer position
 *
 * The forecast region starts halfway between the last point with a value
 * and the first forecast point: left of it, sc_chart_hit_test() finds the
 * nearest point.
 *
 * Returns: the index of the forecast point nearest to @x, or -1 if the
 *   pointer is not over the forecast region of the plot
 */
int
sc_chart_hit_test_forecast (const ScChartSpec *spec,
                            double             width,
                            double             height,
                            double             x,
                            double             y)
{
  const ScChartPoint *anchor;
  ChartLayout l;
  double slack = MARKER + MARKER_RING;
  int best = -1;
  double best_distance = INFINITY;

  g_return_val_if_fail (spec != NULL, -1);
  g_return_val_if_fail (spec->points != NULL || spec->n_points == 0, -1);
  g_return_val_if_fail (spec->forecast != NULL || spec->n_forecast == 0, -1);

  if (spec->n_forecast == 0 || !compute_layout (spec, width, height, &l))
    return -1;

  if (!(x >= l.plot_x - slack && x <= l.plot_x + l.plot_w + slack &&
        y >= l.plot_y - slack && y <= l.plot_y + l.plot_h + slack))
    return -1;

  for (guint i = 0; i < spec->n_forecast; i++)
    {
      double distance;

      if (!forecast_point_usable (&spec->forecast[i]))
        continue;

      distance = fabs (x_for_time (&l, spec->forecast[i].time) - x);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = (int)i;
        }
    }

  anchor = forecast_anchor (spec);
  if (anchor != NULL && fabs (x_for_time (&l, anchor->time) - x) <= best_distance)
    return -1;

  return best;
}

/**
 * sc_chart_forecast_position:
 * @spec: a chart
 * @width: width of the area sc_chart_paint() draws in
 * @height: its height
 * @index: index of a forecast point
 * @x: (out): where the forecast point is drawn
 * @y: (out): where its expected value is drawn; the bottom of the plot if
 *   it has none
 */
void
sc_chart_forecast_position (const ScChartSpec *spec,
                            double             width,
                            double             height,
                            guint              index,
                            double            *x,
                            double            *y)
{
  ChartLayout l;
  double mean;

  g_return_if_fail (spec != NULL);
  g_return_if_fail (index < spec->n_forecast);
  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  if (!compute_layout (spec, width, height, &l))
    {
      *x = *y = 0.0;
      return;
    }

  mean = spec->forecast[index].mean;
  *x = x_for_time (&l, spec->forecast[index].time);
  *y = isfinite (mean) ? y_for_value (&l, mean) : l.plot_y + l.plot_h;
}
