-- Which categories drive returns? Reads: order_lines, returns, items.
-- One row per catalog category, most returned units first: units sold (every order line), units
-- returned (every return of the category's items), the return rate (returned / sold), the
-- category's share of all returned units, the refunds and the most frequent return reason. A
-- large share at an ordinary rate is a category that sells a lot; a high rate is a product or
-- sizing problem. Recent orders' returns are still arriving, so recent rates read low.
-- columns: category, units_sold, units_returned, return_rate, share_of_returned_units, refunds, top_reason
WITH sold AS (
  SELECT i.category, sum(l.quantity) AS units_sold
  FROM order_lines l
  JOIN items i ON i.item_id = l.item_id
  GROUP BY i.category
),
returned AS (
  SELECT i.category,
         sum(r.quantity)      AS units_returned,
         sum(r.refund_amount) AS refunds,
         mode(r.reason)       AS top_reason
  FROM returns r
  JOIN items i ON i.item_id = r.item_id
  GROUP BY i.category
)
SELECT s.category,
       s.units_sold,
       coalesce(r.units_returned, 0)                                                  AS units_returned,
       round(coalesce(r.units_returned, 0) / nullif(s.units_sold, 0), 4)              AS return_rate,
       round(coalesce(r.units_returned, 0) / nullif(sum(r.units_returned) OVER (), 0), 4)
                                                                                      AS share_of_returned_units,
       round(coalesce(r.refunds, 0), 2)                                               AS refunds,
       r.top_reason
FROM sold s
LEFT JOIN returned r ON r.category = s.category
ORDER BY units_returned DESC, s.category;
