/* sc-jsonrpc.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SC_SYNC_ERROR (sc_sync_error_quark ())

/**
 * ScSyncError:
 * @SC_SYNC_ERROR_ACCESS_DENIED: the login, password or API key was not accepted
 * @SC_SYNC_ERROR_ACCESS_ERROR: Odoo's access rights or record rules refused the operation
 * @SC_SYNC_ERROR_VALIDATION: Odoo refused the data (ValidationError, UserError)
 * @SC_SYNC_ERROR_MISSING_RECORD: the record was deleted on the server
 * @SC_SYNC_ERROR_UNKNOWN_MODEL: the database has no such model (addon not installed)
 * @SC_SYNC_ERROR_BAD_REQUEST: Odoo could not carry out the call (wrong arguments,
 *   unknown method or field, bad domain, wrong selection value)
 * @SC_SYNC_ERROR_UNKNOWN_DATABASE: the database does not exist on the server
 * @SC_SYNC_ERROR_SESSION_EXPIRED: the web session expired (error code 100)
 * @SC_SYNC_ERROR_SERVER: any other server failure, HTTP 5xx included
 * @SC_SYNC_ERROR_NETWORK: the server could not be reached, or stopped answering
 * @SC_SYNC_ERROR_MALFORMED: the answer is not a JSON-RPC response Odoo would send
 * @SC_SYNC_ERROR_UNSUPPORTED_VERSION: the server runs an Odoo version we do not support
 * @SC_SYNC_ERROR_CERTIFICATE: the server's TLS certificate is not trusted
 *   (its SHA-256 fingerprint is in sc_sync_error_get_certificate_fingerprint())
 * @SC_SYNC_ERROR_DATABASE_LIST_DISABLED: the server does not list its databases
 *
 * Errors of the Odoo client. A cancelled call fails with
 * %G_IO_ERROR_CANCELLED instead.
 */
typedef enum
{
  SC_SYNC_ERROR_ACCESS_DENIED,
  SC_SYNC_ERROR_ACCESS_ERROR,
  SC_SYNC_ERROR_VALIDATION,
  SC_SYNC_ERROR_MISSING_RECORD,
  SC_SYNC_ERROR_UNKNOWN_MODEL,
  SC_SYNC_ERROR_BAD_REQUEST,
  SC_SYNC_ERROR_UNKNOWN_DATABASE,
  SC_SYNC_ERROR_SESSION_EXPIRED,
  SC_SYNC_ERROR_SERVER,
  SC_SYNC_ERROR_NETWORK,
  SC_SYNC_ERROR_MALFORMED,
  SC_SYNC_ERROR_UNSUPPORTED_VERSION,
  SC_SYNC_ERROR_CERTIFICATE,
  SC_SYNC_ERROR_DATABASE_LIST_DISABLED,
} ScSyncError;

/* Deeper answers are refused before they reach the JSON parser. */
#define SC_JSONRPC_MAX_DEPTH 128

GQuark      sc_sync_error_quark                      (void);

const char *sc_sync_error_get_odoo_name              (const GError  *error);
const char *sc_sync_error_get_odoo_message           (const GError  *error);
int         sc_sync_error_get_odoo_code              (const GError  *error);
guint       sc_sync_error_get_http_status            (const GError  *error);
const char *sc_sync_error_get_certificate_fingerprint (const GError *error);

JsonNode   *sc_jsonrpc_build_params                  (const char    *service,
                                                      const char    *method,
                                                      JsonArray     *args);
GBytes     *sc_jsonrpc_build_request                 (JsonNode      *params,
                                                      gint64         id);
GBytes     *sc_jsonrpc_build_request_variant         (GVariant      *params,
                                                      gint64         id);

JsonNode   *sc_jsonrpc_parse_response                (const char    *data,
                                                      gsize          length,
                                                      gint64         expected_id,
                                                      GError       **error);
JsonNode   *sc_jsonrpc_parse_http_response           (guint          status,
                                                      const char    *content_type,
                                                      const char    *data,
                                                      gsize          length,
                                                      gint64         expected_id,
                                                      GError       **error);
GError     *sc_jsonrpc_error_from_odoo               (JsonNode      *error_member);

G_END_DECLS
