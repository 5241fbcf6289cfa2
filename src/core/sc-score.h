/* sc-score.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-types.h"

G_BEGIN_DECLS

double       sc_score_achievement       (double        value,
                                         double        target,
                                         ScTargetType  target_type,
                                         ScDirection   direction);
ScScoreBand  sc_score_band              (double        achievement);
const char  *sc_score_band_label        (ScScoreBand   band);
const char  *sc_score_band_color_key    (ScScoreBand   band);
const char  *sc_score_band_css_class    (ScScoreBand   band);
double       sc_score_group             (const double *achievements,
                                         const int    *weights,
                                         gsize         n_kpis);
double       sc_score_round2            (double        value);
gboolean     sc_score_validate_target   (ScTargetType  target_type,
                                         double        target,
                                         GError      **error);
gboolean     sc_score_validate_value    (double        value,
                                         GError      **error);
gboolean     sc_score_validate_priority (int           priority,
                                         GError      **error);

G_END_DECLS
