-- Cohort retention. Reads: orders.
-- Buyers grouped by the week (starting Monday) and by the month of their first order in the lake;
-- for each period since (0 = the cohort's own), how many of them ordered in it and their share of
-- the cohort. Read it as a triangle per grain: 'week' for short histories, 'month' for long ones.
-- Periods run up to the newest order, so young cohorts have few; a period in which none of the
-- cohort ordered has no row.
-- columns: grain, cohort, period, cohort_buyers, active_buyers, retention_rate
WITH buys AS (
  SELECT DISTINCT user_id, order_date FROM orders
),
firsts AS (
  SELECT user_id, min(order_date) AS first_date FROM buys GROUP BY user_id
),
periods AS (
  SELECT 'week'                                                                      AS grain,
         trunc(f.first_date, 'week')                                                 AS cohort,
         CAST(datediff(trunc(b.order_date, 'week'), trunc(f.first_date, 'week')) / 7 AS INT)
                                                                                     AS period,
         b.user_id
  FROM buys b JOIN firsts f ON f.user_id = b.user_id
  UNION ALL
  SELECT 'month',
         trunc(f.first_date, 'month'),
         CAST(months_between(trunc(b.order_date, 'month'), trunc(f.first_date, 'month')) AS INT),
         b.user_id
  FROM buys b JOIN firsts f ON f.user_id = b.user_id
),
sizes AS (
  SELECT grain, cohort, count(DISTINCT user_id) AS cohort_buyers
  FROM periods WHERE period = 0 GROUP BY grain, cohort
)
SELECT p.grain,
       p.cohort,
       p.period,
       s.cohort_buyers,
       count(DISTINCT p.user_id)                          AS active_buyers,
       round(count(DISTINCT p.user_id) / s.cohort_buyers, 4) AS retention_rate
FROM periods p
JOIN sizes s ON s.grain = p.grain AND s.cohort = p.cohort
GROUP BY p.grain, p.cohort, p.period, s.cohort_buyers
ORDER BY p.grain DESC, p.cohort, p.period;
