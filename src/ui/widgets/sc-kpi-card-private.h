/* sc-kpi-card-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-kpi-card.h"

G_BEGIN_DECLS

/* Test hooks. */

typedef enum
{
  SC_KPI_CARD_PART_TITLE,
  SC_KPI_CARD_PART_VALUE,
  SC_KPI_CARD_PART_UNIT,
  SC_KPI_CARD_PART_DETAIL,
  SC_KPI_CARD_PART_ICON,
  SC_KPI_CARD_PART_TARGET,
  SC_KPI_CARD_PART_PILL,
  SC_KPI_CARD_PART_SPARKLINE,
  SC_KPI_CARD_PART_CHANGE_7D,
  SC_KPI_CARD_PART_CHANGE_7D_ICON,
  SC_KPI_CARD_PART_CHANGE_30D,
  SC_KPI_CARD_PART_CHANGE_30D_ICON,
  SC_KPI_CARD_PART_PREVIOUS,
  SC_KPI_CARD_PART_PREVIOUS_ICON,
  SC_KPI_CARD_PART_VS_TARGET,
  SC_KPI_CARD_PART_VS_TARGET_ICON,
  SC_KPI_CARD_PART_ALERT_ICON,
  SC_KPI_CARD_PART_STATUS,
} ScKpiCardPart;

GtkWidget *_sc_kpi_card_get_part (ScKpiCard     *self,
                                  ScKpiCardPart  part);

G_END_DECLS
