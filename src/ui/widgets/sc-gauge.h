/* sc-gauge.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-gauge-paint.h"
#include "sc-kpi.h"

G_BEGIN_DECLS

#define SC_TYPE_GAUGE_STYLE (sc_gauge_style_get_type ())

GType sc_gauge_style_get_type (void) G_GNUC_CONST;

#define SC_TYPE_GAUGE (sc_gauge_get_type ())

G_DECLARE_FINAL_TYPE (ScGauge, sc_gauge, SC, GAUGE, GtkWidget)

GtkWidget    *sc_gauge_new                (ScGaugeStyle  style);
ScGaugeStyle  sc_gauge_get_style          (ScGauge      *self);
void          sc_gauge_set_style          (ScGauge      *self,
                                           ScGaugeStyle  style);
double        sc_gauge_get_value          (ScGauge      *self);
void          sc_gauge_set_value          (ScGauge      *self,
                                           double        value);
double        sc_gauge_get_target         (ScGauge      *self);
void          sc_gauge_set_target         (ScGauge      *self,
                                           double        target);
ScDirection   sc_gauge_get_direction      (ScGauge      *self);
void          sc_gauge_set_direction      (ScGauge      *self,
                                           ScDirection   direction);
ScTargetType  sc_gauge_get_target_type    (ScGauge      *self);
void          sc_gauge_set_target_type    (ScGauge      *self,
                                           ScTargetType  target_type);
const char   *sc_gauge_get_currency       (ScGauge      *self);
void          sc_gauge_set_currency       (ScGauge      *self,
                                           const char   *currency);
double        sc_gauge_get_warn_from      (ScGauge      *self);
void          sc_gauge_set_warn_from      (ScGauge      *self,
                                           double        warn_from);
double        sc_gauge_get_good_from      (ScGauge      *self);
void          sc_gauge_set_good_from      (ScGauge      *self,
                                           double        good_from);
const char   *sc_gauge_get_label          (ScGauge      *self);
void          sc_gauge_set_label          (ScGauge      *self,
                                           const char   *label);
const char   *sc_gauge_get_value_text     (ScGauge      *self);
void          sc_gauge_set_value_text     (ScGauge      *self,
                                           const char   *value_text);
gboolean      sc_gauge_get_animate        (ScGauge      *self);
void          sc_gauge_set_animate        (ScGauge      *self,
                                           gboolean      animate);
double        sc_gauge_get_shown_value    (ScGauge      *self);
void          sc_gauge_set_kpi            (ScGauge      *self,
                                           ScKpi        *kpi);
void          sc_gauge_skip_animation     (ScGauge      *self);

G_END_DECLS
