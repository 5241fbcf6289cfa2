/* sc-odoo-version.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-odoo-version"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-jsonrpc.h"
#include "sc-odoo-version.h"

/* What common.version says, read defensively: the fuzzer feeds it too. */

G_DEFINE_BOXED_TYPE (ScOdooVersion, sc_odoo_version, sc_odoo_version_copy, sc_odoo_version_free)

/* Auxiliary methods */

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static int
leading_int (const char *text)
{
  const char *p = text;

  if (text == NULL)
    return -1;

  /* "saas~17.2" counts as 17. */
  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (!g_ascii_isdigit (*p))
    return -1;

  return (int) MIN (g_ascii_strtoll (p, NULL, 10), G_MAXINT);
}

/* Public API */

/**
 * sc_odoo_version_new_from_json:
 * @result: the result of `common.version`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the version, or %NULL with
 *   %SC_SYNC_ERROR_MALFORMED when @result does not look like one
 */
ScOdooVersion *
sc_odoo_version_new_from_json (JsonNode  *result,
                               GError   **error)
{
  g_autoptr(ScOdooVersion) version = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *info = NULL;

  if (result == NULL || !JSON_NODE_HOLDS_OBJECT (result))
    goto malformed;

  object = json_node_get_object (result);
  member = json_object_get_member (object, "server_version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    goto malformed;

  version = g_new0 (ScOdooVersion, 1);
  version->server_version = g_strdup (json_node_get_string (member));
  version->major = -1;
  version->minor = 0;

  member = json_object_get_member (object, "server_version_info");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    info = json_node_get_array (member);

  if (info != NULL && json_array_get_length (info) >= 1)
    {
      JsonNode *major = json_array_get_element (info, 0);

      if (node_is_int (major))
        version->major = (int) CLAMP (json_node_get_int (major), -1, G_MAXINT);
      else if (JSON_NODE_HOLDS_VALUE (major) && json_node_get_value_type (major) == G_TYPE_STRING)
        version->major = leading_int (json_node_get_string (major));
    }
  if (info != NULL && json_array_get_length (info) >= 2 &&
      node_is_int (json_array_get_element (info, 1)))
    version->minor = (int) CLAMP (json_node_get_int (json_array_get_element (info, 1)), 0, G_MAXINT);
  if (info != NULL && json_array_get_length (info) >= 4)
    {
      JsonNode *level = json_array_get_element (info, 3);

      if (JSON_NODE_HOLDS_VALUE (level) && json_node_get_value_type (level) == G_TYPE_STRING)
        version->release_level = g_strdup (json_node_get_string (level));
    }

  if (version->major < 0)
    version->major = leading_int (version->server_version);
  if (version->major < 0)
    goto malformed;

  member = json_object_get_member (object, "server_serie");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
      json_node_get_value_type (member) == G_TYPE_STRING)
    version->server_serie = g_strdup (json_node_get_string (member));
  else
    version->server_serie = g_strdup_printf ("%d.%d", version->major, version->minor);

  member = json_object_get_member (object, "protocol_version");
  if (node_is_int (member))
    version->protocol_version = (int) CLAMP (json_node_get_int (member), 0, G_MAXINT);

  if (version->release_level == NULL)
    version->release_level = g_strdup ("final");

  return g_steal_pointer (&version);

malformed:
  g_set_error (error, SC_SYNC_ERROR, SC_SYNC_ERROR_MALFORMED,
               _("The server’s answer is not an Odoo JSON-RPC response (common.version "
                 "returned no version): is this the address of an Odoo server?"));
  return NULL;
}

ScOdooVersion *
sc_odoo_version_copy (const ScOdooVersion *version)
{
  ScOdooVersion *copy;

  g_return_val_if_fail (version != NULL, NULL);

  copy = g_new0 (ScOdooVersion, 1);
  copy->server_version = g_strdup (version->server_version);
  copy->server_serie = g_strdup (version->server_serie);
  copy->major = version->major;
  copy->minor = version->minor;
  copy->release_level = g_strdup (version->release_level);
  copy->protocol_version = version->protocol_version;

  return copy;
}

void
sc_odoo_version_free (ScOdooVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->server_version);
  g_free (version->server_serie);
  g_free (version->release_level);
  g_free (version);
}

/**
 * sc_odoo_version_is_supported:
 * @version: a #ScOdooVersion
 *
 * Returns: whether the kpi_tracking addon runs on this version (16 to 18,
 *   SaaS releases of those included)
 */
gboolean
sc_odoo_version_is_supported (const ScOdooVersion *version)
{
  g_return_val_if_fail (version != NULL, FALSE);

  return version->major >= SC_ODOO_MIN_MAJOR_VERSION && version->major <= SC_ODOO_MAX_MAJOR_VERSION;
}

