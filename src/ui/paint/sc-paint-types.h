/* sc-paint-types.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-types.h"

G_BEGIN_DECLS

/* The score bands of sc-score.h: below Average (70 %) is red, Average and
 * Good are yellow, Excellent (95 %) is green. A KPI may move both.
 */
#define SC_ZONE_DEFAULT_WARN_FROM 70.0
#define SC_ZONE_DEFAULT_GOOD_FROM 95.0

/* Straight (not premultiplied) colour, 0..1 per channel, so the paint
 * library needs no GDK. Same layout as GdkRGBA's doubles.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ScRgba;

typedef enum
{
  SC_ZONE_BAD,
  SC_ZONE_WARN,
  SC_ZONE_GOOD,
} ScZoneKind;

#define SC_N_ZONE_KINDS 3

/* A stretch of the value axis, in value space (not achievement). */
typedef struct
{
  double     from;
  double     to;
  ScZoneKind kind;
} ScZone;

typedef struct
{
  ScRgba zone[SC_N_ZONE_KINDS];  /* indexed by ScZoneKind */
  ScRgba track;                  /* empty part of a gauge */
  ScRgba fill;                   /* gauge fill when there are no zones */
  ScRgba needle;
  ScRgba text;
  ScRgba dim_text;
  ScRgba target;
  ScRgba grid;
  ScRgba accent;                 /* chart line */
  ScRgba background;             /* what the painters draw on */
} ScPaintPalette;

void      sc_paint_palette_init_light         (ScPaintPalette *palette);
void      sc_paint_palette_init_dark          (ScPaintPalette *palette);
void      sc_paint_palette_init_high_contrast (ScPaintPalette *palette);

guint     sc_zones_for_kpi                    (double          target,
                                               ScDirection     direction,
                                               double          warn_from,
                                               double          good_from,
                                               double          value,
                                               double         *scale_min,
                                               double         *scale_max,
                                               ScZone          zones[3]);
gboolean  sc_zone_kind_at                     (const ScZone   *zones,
                                               guint           n_zones,
                                               double          value,
                                               ScZoneKind     *kind);

G_END_DECLS
