-- KPI trend for the last 30 days. Reads: kpi_daily.
-- One row per date of the 30 days ending on the newest date in kpi_daily, every region and
-- channel added up. Rates are recomputed from the summed counts, never averaged: conversion =
-- orders / visitors, AOV = revenue / orders, return rate = units returned / units sold, CTR =
-- clicks / impressions, containment = bot-resolved / tickets; a repeat rate = repeat buyers
-- (buyers × rate) / buyers over the rows whose window has closed, null while it is open.
-- Visitors add up per channel: someone on both web and app counts twice. Medians do not add up
-- and are left out (see kpi_daily per region and channel).
-- columns: date, visitors, sessions, orders, revenue, conversion_rate, avg_order_value, revenue_per_visitor, buyers, repeat_30d_rate, repeat_90d_rate, units_sold, units_returned, return_rate, rec_impressions, rec_clicks, rec_ctr, rec_attributed_revenue, tickets, bot_containment_rate
SELECT date,
       sum(visitors)                                                        AS visitors,
       sum(sessions)                                                        AS sessions,
       sum(orders)                                                          AS orders,
       round(sum(revenue), 2)                                               AS revenue,
       round(sum(orders) / nullif(sum(visitors), 0), 4)                     AS conversion_rate,
       round(sum(revenue) / nullif(sum(orders), 0), 2)                      AS avg_order_value,
       round(sum(revenue) / nullif(sum(visitors), 0), 2)                    AS revenue_per_visitor,
       sum(buyers)                                                          AS buyers,
       round(sum(round(buyers * repeat_30d_rate))
             / nullif(sum(CASE WHEN repeat_30d_rate IS NOT NULL THEN buyers END), 0), 4)
                                                                            AS repeat_30d_rate,
       round(sum(round(buyers * repeat_90d_rate))
             / nullif(sum(CASE WHEN repeat_90d_rate IS NOT NULL THEN buyers END), 0), 4)
                                                                            AS repeat_90d_rate,
       sum(units_sold)                                                      AS units_sold,
       sum(units_returned)                                                  AS units_returned,
       round(sum(units_returned) / nullif(sum(units_sold), 0), 4)           AS return_rate,
       sum(rec_impressions)                                                 AS rec_impressions,
       sum(rec_clicks)                                                      AS rec_clicks,
       round(sum(rec_clicks) / nullif(sum(rec_impressions), 0), 4)          AS rec_ctr,
       round(sum(rec_attributed_revenue), 2)                                AS rec_attributed_revenue,
       sum(tickets)                                                         AS tickets,
       round(sum(bot_resolved) / nullif(sum(tickets), 0), 4)                AS bot_containment_rate
FROM kpi_daily
WHERE date > date_sub((SELECT max(date) FROM kpi_daily), 30)
GROUP BY date
ORDER BY date;
