-- 005-kpi-zones.sql: a KPI's own colour zones.
--
-- warn_from and good_from are the achievement percents where a gauge's
-- yellow and green zones start for this KPI; NULL keeps the defaults from
-- the score bands (70 and 95). They are display settings of this app, not
-- fields of the addon, so they never sync.

ALTER TABLE kpis ADD COLUMN warn_from REAL;
ALTER TABLE kpis ADD COLUMN good_from REAL;
