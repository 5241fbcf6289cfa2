/* sc-odoo-version.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SC_TYPE_ODOO_VERSION (sc_odoo_version_get_type ())

/**
 * ScOdooVersion:
 * @server_version: as the server says it: "17.0", "saas~17.2+e"
 * @server_serie: the series: "17.0"
 * @major: the major version, 17
 * @minor: the minor version, 0 (2 for saas~17.2)
 * @release_level: "final", "alpha", "beta" or "candidate"
 * @protocol_version: the RPC protocol version (1)
 *
 * What `common.version` says about the server.
 */
typedef struct
{
  char *server_version;
  char *server_serie;
  int   major;
  int   minor;
  char *release_level;
  int   protocol_version;
} ScOdooVersion;

GType          sc_odoo_version_get_type     (void) G_GNUC_CONST;
ScOdooVersion *sc_odoo_version_new_from_json (JsonNode            *result,
                                              GError             **error);
ScOdooVersion *sc_odoo_version_copy          (const ScOdooVersion *version);
void           sc_odoo_version_free          (ScOdooVersion       *version);
gboolean       sc_odoo_version_is_supported  (const ScOdooVersion *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScOdooVersion, sc_odoo_version_free)

#define SC_ODOO_MIN_MAJOR_VERSION 16
#define SC_ODOO_MAX_MAJOR_VERSION 18

G_END_DECLS
