/* sc-paint-types.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-paint"

#include "config.h"

#include <math.h>

#include "sc-paint-private.h"
#include "sc-paint-types.h"
#include "sc-score.h"

/* Auxiliary methods */

static void
set_hex (ScRgba *rgba,
         guint32 rgb,
         double  alpha)
{
  rgba->red = ((rgb >> 16) & 0xff) / 255.0;
  rgba->green = ((rgb >> 8) & 0xff) / 255.0;
  rgba->blue = (rgb & 0xff) / 255.0;
  rgba->alpha = alpha;
}

static ScZoneKind
kind_for_achievement (double achievement,
                      double warn_from,
                      double good_from)
{
  if (achievement >= good_from)
    return SC_ZONE_GOOD;
  if (achievement >= warn_from)
    return SC_ZONE_WARN;
  return SC_ZONE_BAD;
}

static void
set_zone (ScZone     *zone,
          double      from,
          double      to,
          ScZoneKind  kind)
{
  zone->from = from;
  zone->to = to;
  zone->kind = kind;
}

const ScPaintPalette *
_sc_paint_default_palette (void)
{
  static ScPaintPalette palette;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      sc_paint_palette_init_light (&palette);
      g_once_init_leave (&initialized, 1);
    }

  return &palette;
}

/* Public API */

/**
 * sc_paint_palette_init_light:
 * @palette: (out caller-allocates): the palette to fill
 *
 * Fills @palette with colours from the GNOME palette that read well on
 * Adwaita's light window and card backgrounds. The widgets replace them
 * with the theme's named colours when the style changes.
 */
void
sc_paint_palette_init_light (ScPaintPalette *palette)
{
  g_return_if_fail (palette != NULL);

  set_hex (&palette->zone[SC_ZONE_BAD], 0xe01b24, 1.0);
  set_hex (&palette->zone[SC_ZONE_WARN], 0xe5a50a, 1.0);
  set_hex (&palette->zone[SC_ZONE_GOOD], 0x26a269, 1.0);
  set_hex (&palette->track, 0x000000, 0.08);
  set_hex (&palette->fill, 0x3584e4, 1.0);
  set_hex (&palette->needle, 0x3d3846, 1.0);
  set_hex (&palette->text, 0x000000, 0.8);
  set_hex (&palette->dim_text, 0x000000, 0.55);
  set_hex (&palette->target, 0x241f31, 1.0);
  set_hex (&palette->grid, 0x000000, 0.1);
  set_hex (&palette->accent, 0x3584e4, 1.0);
  set_hex (&palette->background, 0xfafafa, 1.0);
}

/**
 * sc_paint_palette_init_dark:
 * @palette: (out caller-allocates): the palette to fill
 *
 * Like sc_paint_palette_init_light(), for Adwaita's dark style (#242424
 * windows): lighter zone colours and light text.
 */
void
sc_paint_palette_init_dark (ScPaintPalette *palette)
{
  g_return_if_fail (palette != NULL);

  set_hex (&palette->zone[SC_ZONE_BAD], 0xed333b, 1.0);
  set_hex (&palette->zone[SC_ZONE_WARN], 0xf6d32d, 1.0);
  set_hex (&palette->zone[SC_ZONE_GOOD], 0x2ec27e, 1.0);
  set_hex (&palette->track, 0xffffff, 0.1);
  set_hex (&palette->fill, 0x3584e4, 1.0);
  set_hex (&palette->needle, 0xdeddda, 1.0);
  set_hex (&palette->text, 0xffffff, 1.0);
  set_hex (&palette->dim_text, 0xffffff, 0.55);
  set_hex (&palette->target, 0xffffff, 1.0);
  set_hex (&palette->grid, 0xffffff, 0.1);
  set_hex (&palette->accent, 0x78aeed, 1.0);
  set_hex (&palette->background, 0x242424, 1.0);
}

/**
 * sc_paint_palette_init_high_contrast:
 * @palette: (out caller-allocates): the palette to fill
 *
 * Like sc_paint_palette_init_light(), with the darker status colours of
 * Adwaita's high contrast style, opaque text and a stronger track and grid.
 */
void
sc_paint_palette_init_high_contrast (ScPaintPalette *palette)
{
  g_return_if_fail (palette != NULL);

  set_hex (&palette->zone[SC_ZONE_BAD], 0xc01c28, 1.0);
  set_hex (&palette->zone[SC_ZONE_WARN], 0x9c6e03, 1.0);
  set_hex (&palette->zone[SC_ZONE_GOOD], 0x1b8553, 1.0);
  set_hex (&palette->track, 0x000000, 0.25);
  set_hex (&palette->fill, 0x1c71d8, 1.0);
  set_hex (&palette->needle, 0x000000, 1.0);
  set_hex (&palette->text, 0x000000, 1.0);
  set_hex (&palette->dim_text, 0x000000, 0.8);
  set_hex (&palette->target, 0x000000, 1.0);
  set_hex (&palette->grid, 0x000000, 0.3);
  set_hex (&palette->accent, 0x1c71d8, 1.0);
  set_hex (&palette->background, 0xffffff, 1.0);
}

/**
 * sc_zones_for_kpi:
 * @target: the KPI's target, in value space
 * @direction: whether higher or lower values are better
 * @warn_from: achievement percent where yellow starts, or 0 for
 *   %SC_ZONE_DEFAULT_WARN_FROM (70: the Average band)
 * @good_from: achievement percent where green starts, or 0 for
 *   %SC_ZONE_DEFAULT_GOOD_FROM (95: the Excellent band)
 * @value: the value to show, so the scale can make room for it
 * @scale_min: (out): start of the scale
 * @scale_max: (out): end of the scale
 * @zones: (out caller-allocates) (array fixed-size=3): the zones, by
 *   increasing value
 *
 * Works out red, yellow and green zones in value space from achievement
 * thresholds, the way sc_score_achievement() measures achievement.
 *
 * Higher is better: red below target × warn_from %, yellow up to
 * target × good_from %, green above. The scale runs from 0 to
 * target × 1.2, or further to fit @value, but no further than target × 3:
 * a larger value is an overshoot the painters mark at the end of the scale.
 *
 * Lower is better: green up to target / good_from %, yellow up to
 * target / warn_from %, red beyond; the scale ends at 1.3 times the start
 * of red, or further to fit @value, again capped at target × 3.
 *
 * A zero (or invalid) target has no thresholds in value space: the scale is
 * [0, max (value × 1.2, 1)] (reaching down to a negative value) and a single
 * zone is coloured like the achievement sc_score_achievement() gives, so the
 * gauge agrees with the KPI's score band.
 *
 * A negative @value with a higher-is-better KPI stretches the red zone
 * below 0 so the scale starts at the value.
 *
 * Returns: the number of zones written to @zones: 3, or 1 for a zero target
 */
guint
sc_zones_for_kpi (double       target,
                  ScDirection  direction,
                  double       warn_from,
                  double       good_from,
                  double       value,
                  double      *scale_min,
                  double      *scale_max,
                  ScZone       zones[3])
{
  double lo = 0.0;
  double hi;
  double base;
  double cap;

  g_return_val_if_fail (scale_min != NULL, 0);
  g_return_val_if_fail (scale_max != NULL, 0);
  g_return_val_if_fail (zones != NULL, 0);

  if (!isfinite (warn_from) || warn_from <= 0.0)
    warn_from = SC_ZONE_DEFAULT_WARN_FROM;
  if (!isfinite (good_from) || good_from <= 0.0)
    good_from = SC_ZONE_DEFAULT_GOOD_FROM;
  if (good_from < warn_from)
    good_from = warn_from;
  if (!isfinite (value))
    value = 0.0;

  if (!isfinite (target) || target <= 0.0)
    {
      double achievement;

      achievement = sc_score_achievement (value, 0.0, SC_TARGET_TYPE_NUMBER, direction);
      lo = MIN (0.0, value * 1.2);
      hi = MAX (value * 1.2, 1.0);
      set_zone (&zones[0], lo, hi, kind_for_achievement (achievement, warn_from, good_from));
      *scale_min = lo;
      *scale_max = hi;
      return 1;
    }

  if (direction == SC_DIRECTION_LOWER_BETTER)
    {
      double good_to = target * 100.0 / good_from;
      double warn_to = target * 100.0 / warn_from;

      base = warn_to * 1.3;
      cap = MAX (target * 3.0, base);
      hi = MAX (base, MIN (value * 1.05, cap));

      set_zone (&zones[0], lo, good_to, SC_ZONE_GOOD);
      set_zone (&zones[1], good_to, warn_to, SC_ZONE_WARN);
      set_zone (&zones[2], warn_to, hi, SC_ZONE_BAD);
    }
  else
    {
      double warn_at = target * warn_from / 100.0;
      double good_at = target * good_from / 100.0;

      /* Keep some green in view even when good_from is above 120 %. */
      base = MAX (target * 1.2, good_at * 1.1);
      cap = MAX (target * 3.0, base);
      hi = MAX (base, MIN (value * 1.05, cap));
      if (value < 0.0)
        lo = value * 1.05;

      set_zone (&zones[0], lo, warn_at, SC_ZONE_BAD);
      set_zone (&zones[1], warn_at, good_at, SC_ZONE_WARN);
      set_zone (&zones[2], good_at, hi, SC_ZONE_GOOD);
    }

  *scale_min = lo;
  *scale_max = hi;

  return 3;
}

/**
 * sc_zone_kind_at:
 * @zones: (array length=n_zones) (nullable): zones
 * @n_zones: number of zones
 * @value: a value
 * @kind: (out) (optional): the kind of the zone @value is in
 *
 * Finds the zone a value is in. A value on the boundary of two zones
 * belongs to the better one, as a KPI exactly at a threshold reaches that
 * band in either direction; a value outside all zones belongs to the
 * nearest one.
 *
 * Returns: %FALSE if there are no zones or @value is NaN
 */
gboolean
sc_zone_kind_at (const ScZone *zones,
                 guint         n_zones,
                 double        value,
                 ScZoneKind   *kind)
{
  double best_distance = INFINITY;
  ScZoneKind best = SC_ZONE_BAD;
  gboolean found = FALSE;

  g_return_val_if_fail (zones != NULL || n_zones == 0, FALSE);

  if (isnan (value))
    return FALSE;

  for (guint i = 0; i < n_zones; i++)
    {
      double from = MIN (zones[i].from, zones[i].to);
      double to = MAX (zones[i].from, zones[i].to);
      double distance;

      if (isnan (from) || isnan (to) || (guint)zones[i].kind >= SC_N_ZONE_KINDS)
        continue;

      if (value < from)
        distance = from - value;
      else if (value > to)
        distance = value - to;
      else
        distance = 0.0;

      if (!found || distance < best_distance ||
          (distance == best_distance && zones[i].kind > best))
        {
          best_distance = distance;
          best = zones[i].kind;
          found = TRUE;
        }
    }

  if (found && kind != NULL)
    *kind = best;

  return found;
}
