/* sc-odoo-client-private.h
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sc-odoo-client.h"

G_BEGIN_DECLS

struct _ScOdooClient
{
  GObject       parent_instance;

  char         *url;
  char         *display_url;
  char         *endpoint;
  char         *database;

  SoupSession  *session;
  guint         timeout;
  guint         in_flight;    /* requests sent and not yet answered */
  char         *pinned;
  char         *lang;
  char         *tz;
  gint64        next_id;

  gint64        uid;
  char         *login;
  char         *secret;
  ScOdooRole    role;
  gboolean      addon_installed;
  GHashTable   *group_roles;  /* res.groups id → ScOdooRole, read at login */
};

void        _sc_odoo_client_call_kw_async     (ScOdooClient        *self,
                                               const char          *model,
                                               const char          *method,
                                               JsonArray           *args,
                                               JsonObject          *kwargs,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
JsonNode   *_sc_odoo_client_rpc_finish        (ScOdooClient        *self,
                                               GAsyncResult        *result,
                                               GError             **error);
JsonObject *_sc_odoo_client_new_kwargs        (ScOdooClient        *self);
void        _sc_odoo_client_return_unexpected (GTask               *task,
                                               const char          *method,
                                               const char          *expected);
JsonArray  *_sc_odoo_string_array             (const char * const  *strings);
JsonArray  *_sc_odoo_id_array                 (const gint64        *ids,
                                               gsize                n_ids);
gboolean    _sc_json_node_is_int              (JsonNode            *node);
gboolean    _sc_json_node_is_boolean          (JsonNode            *node,
                                               gboolean             value);

G_END_DECLS
