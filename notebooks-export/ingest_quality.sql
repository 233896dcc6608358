-- What did ingest refuse, and why? Reads: quarantine, runs.
-- One row per source and reason with the count and an example, then the daily reconciliation
-- (read = written + quarantined + duplicates + erased) of every ingest run; erased rows belong to
-- users with a standing erasure and are dropped unstored.
-- columns: source, reason, rows_refused, first_seen, last_seen, example
-- columns: run_date, rows_read, written, quarantined, duplicates, erased, reconciles
SELECT source,
       reason,
       count(*)                AS rows_refused,
       min(ingest_date)        AS first_seen,
       max(ingest_date)        AS last_seen,
       substr(min(raw), 1, 80) AS example
FROM quarantine
GROUP BY source, reason
ORDER BY rows_refused DESC;

SELECT run_date,
       counts['read']                                                         AS rows_read,
       counts['written']                                                      AS written,
       counts['quarantined']                                                  AS quarantined,
       counts['duplicates']                                                   AS duplicates,
       coalesce(counts['erased'], 0)                                          AS erased,
       counts['read'] = counts['written'] + counts['quarantined'] + counts['duplicates']
                        + coalesce(counts['erased'], 0)                       AS reconciles
FROM runs
WHERE step = 'ingest' AND status = 'succeeded'
ORDER BY run_date;
