-- 003-submissions-check.sql: a cheaper sync_state check on submissions.
--
-- SQLite 3.40 evaluates "x IN ('a', 'b', 'c')" in a CHECK by building a
-- temporary table for every row written, which cost a bulk import more
-- than half its time. The same rule written with OR is checked in place.
-- SQLite cannot change a CHECK in place, so the table is rebuilt.

CREATE TABLE submissions_v3 (
  id          INTEGER PRIMARY KEY,
  odoo_id     INTEGER,
  kpi_id      INTEGER NOT NULL REFERENCES kpis (id) ON DELETE RESTRICT,
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  value       REAL NOT NULL,
  date        INTEGER NOT NULL,
  note        TEXT,
  write_date  TEXT,
  sync_state  TEXT NOT NULL DEFAULT 'local'
              CHECK (sync_state = 'local' OR sync_state = 'synced' OR sync_state = 'dirty')
);

INSERT INTO submissions_v3 (id, odoo_id, kpi_id, user_id, value, date, note, write_date,
                            sync_state)
  SELECT id, odoo_id, kpi_id, user_id, value, date, note, write_date, sync_state
  FROM submissions;

DROP TABLE submissions;
ALTER TABLE submissions_v3 RENAME TO submissions;

CREATE UNIQUE INDEX submissions_odoo_id ON submissions (odoo_id) WHERE odoo_id IS NOT NULL;
CREATE INDEX submissions_kpi_date ON submissions (kpi_id, date);
