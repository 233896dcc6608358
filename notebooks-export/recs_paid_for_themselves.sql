-- Did the homepage recommendations pay for themselves? Reads: roi, lift.
-- One row per measurement of homepage_recs (a run_date of measure), newest first: the holdout lift
-- in revenue per assigned user with its 95% interval, then the ROI over the same window: the
-- incremental gross profit (net revenue lift × margin, less the agent time and returns it caused,
-- scaled to every eligible user), the operating cost, ROI = net benefit / cost with its interval,
-- P(ROI > 0) and the payback period. 'yes' only when the whole ROI interval is above 0, 'no' when
-- it is below; ignore a row whose srm_flag is true (the cohorts are not split as configured).
-- columns: run_date, window_start, window_end, eligible_users, revenue_lift_per_user, revenue_lift_ci_low, revenue_lift_ci_high, revenue_rel_lift, incremental_gross_profit, operating_cost, net_benefit, roi, roi_ci_low, roi_ci_high, p_roi_positive, payback_days, srm_flag, paid_for_itself
SELECT r.run_date,
       r.window_start,
       r.window_end,
       r.eligible_users,
       round(l.abs_lift, 4)                   AS revenue_lift_per_user,
       round(l.abs_ci_low, 4)                 AS revenue_lift_ci_low,
       round(l.abs_ci_high, 4)                AS revenue_lift_ci_high,
       round(l.rel_lift, 4)                   AS revenue_rel_lift,
       round(r.incremental_gross_profit, 2)   AS incremental_gross_profit,
       round(r.operating_cost, 2)             AS operating_cost,
       round(r.net_benefit, 2)                AS net_benefit,
       round(r.roi, 4)                        AS roi,
       round(r.roi_ci_low, 4)                 AS roi_ci_low,
       round(r.roi_ci_high, 4)                AS roi_ci_high,
       round(r.p_roi_positive, 4)             AS p_roi_positive,
       round(r.payback_days, 1)               AS payback_days,
       r.srm_flag,
       CASE WHEN r.srm_flag        THEN 'unknown: sample-ratio mismatch'
            WHEN r.roi IS NULL     THEN 'unknown: no ROI measured'
            WHEN r.roi_ci_low > 0  THEN 'yes'
            WHEN r.roi_ci_high < 0 THEN 'no'
            ELSE 'not yet: the ROI interval spans 0'
       END                                    AS paid_for_itself
FROM roi r
LEFT JOIN lift l
  ON l.run_date = r.run_date AND l.automation = r.automation AND l.metric = 'revenue_per_user'
WHERE r.automation = 'homepage_recs'
ORDER BY r.run_date DESC;
