/* sc-alert-rule-json.c
 *
 * Copyright 2026 The Scorecard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-alert-rule-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-json-writer.h"
#include "sc-alert-rule-json.h"

/* A rule as JSON: how the store keeps it and how `scorecard-cli alerts
 * rules add` reads it. Every member is optional and takes the rule's
 * default; a member of the wrong type or an unknown key is an error that
 * names it, and the result is validated like any rule.
 *
 *   {"type": "threshold", "metric": "achievement", "comparison": "below",
 *    "level": 90, "hysteresis": 2, "dwell_samples": 2, "severity": "critical",
 *    "scope": "department", "department": "sales", "cooldown_seconds": 3600,
 *    "quiet_hours": {"start": 22, "end": 7, "tz": "Europe/Berlin"},
 *    "escalation": {"after_seconds": 7200, "severity": "urgent"}}
 */

/* Auxiliary methods */

static void
invalid (GError     **error,
         const char  *member,
         const char  *expected)
{
  g_set_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
               /* Translators: a rule's JSON member, and what it should hold. */
               _("The rule’s “%s” must be %s"), member, expected);
}

static gboolean
read_number (JsonObject  *object,
             const char  *member,
             double      *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    {
      invalid (error, member, _("a number"));
      return FALSE;
    }

  *value = json_node_get_double (node);

  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *member,
          gint64       minimum,
          gint64       maximum,
          gint64      *value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < minimum || json_node_get_int (node) > maximum)
    {
      g_autofree char *range = g_strdup_printf (_("a whole number from %lld to %lld"),
                                                (long long)minimum, (long long)maximum);

      invalid (error, member, range);
      return FALSE;
    }

  *value = json_node_get_int (node);

  return TRUE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char **value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      invalid (error, member, _("a string"));
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

static void
unknown_key (GError     **error,
             const char  *member,
             const char  *key)
{
  /* json-glib lets some invalid escapes through as raw bytes. */
  g_autofree char *valid = g_utf8_make_valid (key, -1);

  g_set_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
               _("The rule’s “%s” cannot be “%s”"), member, valid);
}

static gboolean
read_object (JsonObject   *object,
             const char   *member,
             JsonObject  **value,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, member, _("an object"));
      return FALSE;
    }

  *value = json_node_get_object (node);

  return TRUE;
}

static gboolean
check_members (JsonObject         *object,
               const char * const *known,
               const char         *where,
               GError            **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    if (!g_strv_contains (known, name))
      {
        g_autofree char *valid = g_utf8_make_valid (name, -1);

        g_set_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
                     _("The rule has an unknown member “%s%s”"), where, valid);
        return FALSE;
      }

  return TRUE;
}

/* Public API */

/**
 * sc_alert_rule_to_json:
 * @rule: a rule
 *
 * Returns: (transfer full): @rule as a JSON object, without its id and name
 */
char *
sc_alert_rule_to_json (const ScAlertRule *rule)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (rule != NULL, NULL);

#define STRING(name, value) G_STMT_START { \
    json_builder_set_member_name (builder, name); \
    json_builder_add_string_value (builder, value); \
  } G_STMT_END
#define INT(name, value) G_STMT_START { \
    json_builder_set_member_name (builder, name); \
    json_builder_add_int_value (builder, value); \
  } G_STMT_END
#define DOUBLE(name, value) G_STMT_START { \
    json_builder_set_member_name (builder, name); \
    json_builder_add_double_value (builder, value); \
  } G_STMT_END

  json_builder_begin_object (builder);
  STRING ("type", sc_alert_type_to_key (rule->type));
  STRING ("metric", sc_alert_metric_to_key (rule->metric));
  STRING ("baseline", sc_alert_baseline_to_key (rule->baseline));
  STRING ("comparison", sc_alert_comparison_to_key (rule->comparison));
  DOUBLE ("level", rule->level);
  DOUBLE ("hysteresis", rule->hysteresis);
  INT ("dwell_seconds", rule->dwell_seconds);
  INT ("dwell_samples", rule->dwell_samples);
  STRING ("severity", sc_alert_severity_to_key (rule->severity));
  STRING ("scope", sc_alert_scope_to_key (rule->scope));
  if (rule->scope == SC_ALERT_SCOPE_KPI)
    INT ("kpi", rule->scope_kpi_id);
  if (rule->scope == SC_ALERT_SCOPE_DEPARTMENT && rule->scope_department != NULL)
    STRING ("department", rule->scope_department);
  if (rule->scope == SC_ALERT_SCOPE_GROUP)
    INT ("group", rule->scope_group_id);
  INT ("cooldown_seconds", rule->cooldown_seconds);
  if (rule->has_quiet_hours)
    {
      json_builder_set_member_name (builder, "quiet_hours");
      json_builder_begin_object (builder);
      INT ("start", rule->quiet_start_hour);
      INT ("end", rule->quiet_end_hour);
      if (rule->quiet_tz != NULL)
        STRING ("tz", rule->quiet_tz);
      json_builder_end_object (builder);
    }
  if (rule->escalation_seconds > 0)
    {
      json_builder_set_member_name (builder, "escalation");
      json_builder_begin_object (builder);
      INT ("after_seconds", rule->escalation_seconds);
      STRING ("severity", sc_alert_severity_to_key (rule->escalation_severity));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

#undef STRING
#undef INT
#undef DOUBLE

  root = json_builder_get_root (builder);

  return sc_json_node_to_string (root, FALSE);
}

/**
 * sc_alert_rule_from_json:
 * @json: a rule as sc_alert_rule_to_json() writes it
 * @name: the rule's name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rule, valid, or %NULL with @error set
 *   (%SC_ALERT_ERROR_INVALID naming the member at fault)
 */
ScAlertRule *
sc_alert_rule_from_json (const char  *json,
                         const char  *name,
                         GError     **error)
{
  static const char * const members[] = {
    "type", "metric", "baseline", "comparison", "level", "hysteresis", "dwell_seconds",
    "dwell_samples", "severity", "scope", "kpi", "department", "group", "cooldown_seconds",
    "quiet_hours", "escalation", NULL
  };
  static const char * const quiet_members[] = { "start", "end", "tz", NULL };
  static const char * const escalation_members[] = { "after_seconds", "severity", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ScAlertRule) rule = sc_alert_rule_new (name);
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object, *quiet = NULL, *escalation = NULL;
  const char *department = NULL;
  const char *tz = NULL;
  gint64 number;

  g_return_val_if_fail (json != NULL, NULL);

  if (!g_utf8_validate (json, -1, NULL))
    {
      g_set_error_literal (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
                           _("The rule is not UTF-8 text"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, json, -1, &parse_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      /* json-glib may cut its quote of the input inside a character. */
      g_autofree char *reason = parse_error ? g_utf8_make_valid (parse_error->message, -1) : NULL;

      g_set_error (error, SC_ALERT_ERROR, SC_ALERT_ERROR_INVALID,
                   _("The rule is not a JSON object: %s"),
                   reason ? reason : _("another JSON value"));
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  if (!check_members (object, members, "", error))
    return NULL;

#define KEY(obj, member, from_key, field) G_STMT_START { \
    const char *key_ = NULL; \
    if (!read_string (obj, member, &key_, error)) \
      return NULL; \
    if (key_ != NULL && !from_key (key_, &(field))) \
      { \
        unknown_key (error, member, key_); \
        return NULL; \
      } \
  } G_STMT_END
#define INT(obj, member, lo, hi, field) G_STMT_START { \
    number = (gint64)(field); \
    if (!read_int (obj, member, lo, hi, &number, error)) \
      return NULL; \
    field = number; \
  } G_STMT_END

  KEY (object, "type", sc_alert_type_from_key, rule->type);
  KEY (object, "metric", sc_alert_metric_from_key, rule->metric);
  KEY (object, "baseline", sc_alert_baseline_from_key, rule->baseline);
  KEY (object, "comparison", sc_alert_comparison_from_key, rule->comparison);
  KEY (object, "severity", sc_alert_severity_from_key, rule->severity);
  KEY (object, "scope", sc_alert_scope_from_key, rule->scope);
  if (!read_number (object, "level", &rule->level, error) ||
      !read_number (object, "hysteresis", &rule->hysteresis, error))
    return NULL;
  INT (object, "dwell_seconds", 0, 366 * 86400, rule->dwell_seconds);
  INT (object, "dwell_samples", 0, 1000, rule->dwell_samples);
  INT (object, "kpi", 0, G_MAXINT64, rule->scope_kpi_id);
  INT (object, "group", 0, G_MAXINT64, rule->scope_group_id);
  INT (object, "cooldown_seconds", 0, 366 * 86400, rule->cooldown_seconds);
  if (!read_string (object, "department", &department, error))
    return NULL;
  rule->scope_department = g_strdup (department);

  if (!read_object (object, "quiet_hours", &quiet, error) ||
      !read_object (object, "escalation", &escalation, error))
    return NULL;

  if (quiet != NULL)
    {
      if (!check_members (quiet, quiet_members, "quiet_hours.", error))
        return NULL;
      rule->has_quiet_hours = TRUE;
      INT (quiet, "start", 0, 23, rule->quiet_start_hour);
      INT (quiet, "end", 0, 23, rule->quiet_end_hour);
      if (!read_string (quiet, "tz", &tz, error))
        return NULL;
      rule->quiet_tz = g_strdup (tz);
    }

  if (escalation != NULL)
    {
      if (!check_members (escalation, escalation_members, "escalation.", error))
        return NULL;
      INT (escalation, "after_seconds", 1, 366 * 86400, rule->escalation_seconds);
      KEY (escalation, "severity", sc_alert_severity_from_key, rule->escalation_severity);
    }

#undef KEY
#undef INT

  if (!sc_alert_rule_validate (rule, error))
    return NULL;

  return g_steal_pointer (&rule);
}
