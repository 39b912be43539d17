#!/bin/bash
# bench/gen_entries.sh DB PLAN_ID ENTRIES: generate up to ENTRIES
# realisation entries of plan PLAN_ID in the SQLite database DB with the
# sqlite3 shell, as the store would hold them: four quarters of every
# indicator (every third pending, the rest approved), then the quarters of
# the budget lines by source. Used by bench/monitoring.sh and
# bench/realisation.py.
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: bench/gen_entries.sh DB PLAN_ID ENTRIES" >&2
    exit 2
fi
db=$1 id=$2 ENTRIES=$3
sqlite3 "$db" <<SQL
BEGIN;
INSERT INTO realisation(plan_id, kind, pos, source, period, value, note,
                        status, entered_by, entered_at)
SELECT $id, 'indicator', i.pos, '', y.year || '-Q' || q.n, (i.pos % 7) + q.n,
       NULL, CASE WHEN i.pos % 3 = 0 THEN 'entered' ELSE 'approved' END,
       'bench', '2025-12-31T00:00:00Z'
  FROM plan_indicator i, plan p,
       (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL
        SELECT 4) q, (SELECT year FROM plan WHERE id = $id) y
 WHERE i.plan_id = $id AND p.id = $id
 LIMIT $ENTRIES;
INSERT INTO realisation(plan_id, kind, pos, source, period, value, note,
                        status, entered_by, entered_at)
SELECT $id, 'line', l.pos, a.source, y.year || '-Q' || q.n, a.grosze / 5,
       NULL, 'approved', 'bench', '2025-12-31T00:00:00Z'
  FROM plan_line l JOIN plan_amount a ON a.line_id = l.id,
       (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL
        SELECT 4) q, (SELECT year FROM plan WHERE id = $id) y
 WHERE l.plan_id = $id AND a.kind = 3
 LIMIT max(0, $ENTRIES - (SELECT count(*) FROM realisation
                           WHERE plan_id = $id));
-- Approved entries carry their approved value (migration 0033).
UPDATE realisation SET approved_value = value
 WHERE plan_id = $id AND status = 'approved';
COMMIT;
SQL
