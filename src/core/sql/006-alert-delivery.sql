-- 006-alert-delivery.sql: alert events and their durable delivery.
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
