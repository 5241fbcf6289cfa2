-- 001-initial.sql: the tables that mirror Odoo's kpi_tracking addon.
--
-- Every synced table carries odoo_id (NULL until the row exists on the
-- server), write_date (Odoo's UTC "YYYY-MM-DD HH:MM:SS" of the version we
-- hold) and sync_state ('local' never pushed, 'synced', 'dirty' edited here
-- since). Times we own are Unix seconds, UTC.

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  odoo_id     INTEGER,
  login       TEXT NOT NULL COLLATE NOCASE,
  name        TEXT NOT NULL,
  kpi_role    TEXT NOT NULL DEFAULT 'user'
              CHECK (kpi_role IN ('none', 'user', 'manager', 'admin')),
  write_date  TEXT,
  sync_state  TEXT NOT NULL DEFAULT 'local'
              CHECK (sync_state IN ('local', 'synced', 'dirty')),
  UNIQUE (login)
);
CREATE UNIQUE INDEX users_odoo_id ON users (odoo_id) WHERE odoo_id IS NOT NULL;

CREATE TABLE report_groups (
  id          INTEGER PRIMARY KEY,
  odoo_id     INTEGER,
  name        TEXT NOT NULL,
  description TEXT,
  group_type  TEXT NOT NULL DEFAULT 'daily'
              CHECK (group_type IN ('daily', 'weekly', 'monthly', 'yearly')),
  department  TEXT
              CHECK (department IN ('sales', 'operations', 'marketing', 'finance', 'hr',
                                    'store', 'admin', 'rnd', 'it')),
  write_date  TEXT,
  sync_state  TEXT NOT NULL DEFAULT 'local'
              CHECK (sync_state IN ('local', 'synced', 'dirty'))
);
CREATE UNIQUE INDEX report_groups_odoo_id ON report_groups (odoo_id) WHERE odoo_id IS NOT NULL;

CREATE TABLE kpis (
  id              INTEGER PRIMARY KEY,
  odoo_id         INTEGER,
  name            TEXT NOT NULL CHECK (length (name) > 0),
  group_id        INTEGER REFERENCES report_groups (id) ON DELETE SET NULL,
  kpi_type        TEXT NOT NULL CHECK (kpi_type IN ('manual', 'auto')),
  target_type     TEXT NOT NULL DEFAULT 'number'
                  CHECK (target_type IN ('number', 'percent', 'currency', 'boolean', 'duration')),
  target_value    REAL NOT NULL DEFAULT 0
                  CHECK (target_value >= 0
                         AND (target_type <> 'percent' OR target_value <= 100)
                         AND (target_type <> 'boolean' OR target_value IN (0, 1))),
  priority        INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  direction       TEXT NOT NULL DEFAULT 'higher_better'
                  CHECK (direction IN ('higher_better', 'lower_better')),
  report_type     TEXT CHECK (report_type IN ('daily', 'weekly', 'monthly', 'yearly')),
  department      TEXT
                  CHECK (department IN ('sales', 'technician', 'operations', 'store', 'marketing',
                                        'hr', 'finance', 'rnd', 'it', 'admin')),
  value           REAL NOT NULL DEFAULT 0,
  last_submitted  INTEGER,
  note            TEXT,
  formula         TEXT,
  source_domain   TEXT,
  write_date      TEXT,
  sync_state      TEXT NOT NULL DEFAULT 'local'
                  CHECK (sync_state IN ('local', 'synced', 'dirty')),
  UNIQUE (name, group_id)
);
CREATE UNIQUE INDEX kpis_odoo_id ON kpis (odoo_id) WHERE odoo_id IS NOT NULL;
CREATE INDEX kpis_department ON kpis (department, name);

CREATE TABLE kpi_assignees (
  kpi_id   INTEGER NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (kpi_id, user_id)
) WITHOUT ROWID;
CREATE INDEX kpi_assignees_user ON kpi_assignees (user_id);

-- Deleting a KPI that still has submissions is refused, as on the server.
CREATE TABLE submissions (
  id          INTEGER PRIMARY KEY,
  odoo_id     INTEGER,
  kpi_id      INTEGER NOT NULL REFERENCES kpis (id) ON DELETE RESTRICT,
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  value       REAL NOT NULL,
  date        INTEGER NOT NULL,
  note        TEXT,
  write_date  TEXT,
  sync_state  TEXT NOT NULL DEFAULT 'local'
              CHECK (sync_state IN ('local', 'synced', 'dirty'))
);
CREATE UNIQUE INDEX submissions_odoo_id ON submissions (odoo_id) WHERE odoo_id IS NOT NULL;
CREATE INDEX submissions_kpi_user_date ON submissions (kpi_id, user_id, date);

CREATE TABLE group_submissions (
  id          INTEGER PRIMARY KEY,
  odoo_id     INTEGER,
  group_id    INTEGER NOT NULL REFERENCES report_groups (id) ON DELETE CASCADE,
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  value       REAL NOT NULL,
  date        INTEGER NOT NULL,
  note        TEXT,
  write_date  TEXT,
  sync_state  TEXT NOT NULL DEFAULT 'local'
              CHECK (sync_state IN ('local', 'synced', 'dirty'))
);
CREATE UNIQUE INDEX group_submissions_odoo_id ON group_submissions (odoo_id)
  WHERE odoo_id IS NOT NULL;
CREATE INDEX group_submissions_group_date ON group_submissions (group_id, date);

-- Local changes not yet pushed, in the order they were made. A row leaves
-- this table only once the server has confirmed it. idempotency_key lets a
-- push that lost its response be recognised on retry.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at       INTEGER NOT NULL,
  operation        TEXT NOT NULL,
  model            TEXT NOT NULL,
  record_id        INTEGER,
  payload          TEXT NOT NULL CHECK (json_valid (payload)),
  base_write_date  TEXT,
  state            TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT,
  idempotency_key  TEXT NOT NULL UNIQUE
);
CREATE INDEX outbox_record ON outbox (model, record_id);

-- Store-wide settings, such as the company's currency.
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT
) WITHOUT ROWID;

INSERT INTO settings (key, value) VALUES ('company_currency', 'USD');
