-- 002-history-index.sql: index submissions by KPI and date, and keep each
-- KPI's previous value next to its latest one.
--
-- Charts, sparklines and the latest and previous values all read one KPI's
-- rows in date order. (kpi_id, date) serves them with one seek and still
-- serves the per-user, per-day upsert, which filters the few rows of that
-- day by user. It replaces the (kpi_id, user_id, date) index, so a write
-- still maintains only one extra index.
--
-- previous_value lets the dashboard show movers without touching the
-- history: it is written together with value.

DROP INDEX submissions_kpi_user_date;
CREATE INDEX submissions_kpi_date ON submissions (kpi_id, date);

ALTER TABLE kpis ADD COLUMN previous_value REAL;

UPDATE kpis SET previous_value = (
  SELECT value FROM submissions s
  WHERE s.kpi_id = kpis.id
  ORDER BY s.date DESC, s.id DESC LIMIT 1 OFFSET 1);
