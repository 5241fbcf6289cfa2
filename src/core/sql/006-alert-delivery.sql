-- 006-alert-delivery.sql: alert rules, their incidents, the events they
-- fire and the events' durable delivery.
--
-- A rule's definition (ScAlertRule) is a JSON object, with the channels it
-- notifies; each (rule, KPI) pair it watches keeps the state of its
-- current incident (ScAlertState), so one incident is one alert until it
-- resolves, across restarts.
--
-- Every alert event (fired, escalated, resolved) is written once, with the
-- numbers that fired it, in the same transaction as one delivery row per
-- channel it goes to. A delivery row leaves 'pending' only when the channel
-- confirmed it ('delivered') or refused it for good ('failed'); 'sending'
-- marks an attempt under way, so after a crash it is retried with the same
-- idempotency key, and a delivered row is never sent again.
--
-- Channels keep only what is not secret here (a name, a phone number, a
-- Twilio base URL); webhook URLs, tokens and passwords live in the Secret
-- Service, keyed by the channel's id.

CREATE TABLE alert_channels (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL
              CHECK (kind IN ('desktop', 'odoo', 'email', 'slack', 'teams', 'twilio_sms',
                              'twilio_whatsapp', 'webhook', 'powerbi')),
  name        TEXT NOT NULL UNIQUE CHECK (length (name) > 0),
  config      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (config)),
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at  INTEGER NOT NULL
);

CREATE TABLE alert_rules (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length (name) > 0),
  definition  TEXT NOT NULL CHECK (json_valid (definition)),
  channels    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (channels)),
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at  INTEGER NOT NULL
);

CREATE TABLE alert_states (
  rule_id          INTEGER NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
  kpi_id           INTEGER NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
  status           TEXT NOT NULL
                   CHECK (status IN ('normal', 'pending', 'firing', 'acknowledged', 'resolved')),
  severity         TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical', 'urgent')),
  incident         INTEGER NOT NULL DEFAULT 0,
  pending_since    INTEGER NOT NULL DEFAULT 0,
  pending_samples  INTEGER NOT NULL DEFAULT 0,
  fired_at         INTEGER NOT NULL DEFAULT 0,
  escalated_at     INTEGER NOT NULL DEFAULT 0,
  acknowledged_at  INTEGER NOT NULL DEFAULT 0,
  resolved_at      INTEGER NOT NULL DEFAULT 0,
  snoozed_until    INTEGER NOT NULL DEFAULT 0,
  comment          TEXT,
  last_metric      REAL,
  PRIMARY KEY (rule_id, kpi_id)
) WITHOUT ROWID;

CREATE TABLE alert_events (
  id          INTEGER PRIMARY KEY,
  rule_id     INTEGER,
  rule_name   TEXT NOT NULL,
  kpi_id      INTEGER REFERENCES kpis (id) ON DELETE SET NULL,
  kpi_name    TEXT NOT NULL,
  incident    INTEGER NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('fired', 'escalated', 'resolved')),
  severity    TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical', 'urgent')),
  time        INTEGER NOT NULL,
  message     TEXT NOT NULL,
  details     TEXT NOT NULL CHECK (json_valid (details))
);
CREATE INDEX alert_events_kpi_time ON alert_events (kpi_id, time);

CREATE TABLE alert_deliveries (
  id               INTEGER PRIMARY KEY,
  event_id         INTEGER NOT NULL REFERENCES alert_events (id) ON DELETE CASCADE,
  channel_id       INTEGER NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
  idempotency_key  TEXT NOT NULL UNIQUE,
  state            TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  INTEGER NOT NULL,
  last_status      INTEGER,
  last_error       TEXT,
  delivered_at     INTEGER,
  UNIQUE (event_id, channel_id)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_attempt_at);
