/* sc-error.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_STORE_ERROR (sc_store_error_quark ())

/**
 * ScStoreError:
 * @SC_STORE_ERROR_INVALID: the input was refused (bad number, bad target, …)
 * @SC_STORE_ERROR_NOT_FOUND: no such KPI, user or record
 * @SC_STORE_ERROR_NEWER_SCHEMA: the store was written by a newer Scorecard
 * @SC_STORE_ERROR_NOT_A_STORE: the file is not a Scorecard store or is corrupt
 * @SC_STORE_ERROR_IO: the file could not be opened, read or written
 * @SC_STORE_ERROR_CONSTRAINT: the change would break a rule of the data model
 * @SC_STORE_ERROR_FAILED: any other database failure
 */
typedef enum
{
  SC_STORE_ERROR_INVALID,
  SC_STORE_ERROR_NOT_FOUND,
  SC_STORE_ERROR_NEWER_SCHEMA,
  SC_STORE_ERROR_NOT_A_STORE,
  SC_STORE_ERROR_IO,
  SC_STORE_ERROR_CONSTRAINT,
  SC_STORE_ERROR_FAILED,
} ScStoreError;

GQuark sc_store_error_quark (void);

G_END_DECLS
