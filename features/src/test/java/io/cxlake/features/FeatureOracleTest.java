package io.cxlake.features;

import static io.cxlake.lake.testing.Rows.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.CxConfig.FeatureSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every feature table equals a naive SQL version of the same definition, written independently
 * (correlated subqueries, no state, no daily partials), on random rows with nulls, late rows and
 * ties.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureOracleTest {
  static final FeatureSettings SETTINGS = new FeatureSettings(1.0, 3.0, 5.0, 7.0, 5, 3, 100);
  static final LocalDate AS_OF = RandomShop.FIRST.plusDays(9);

  private final SparkSession spark;
  private Lake lake;

  FeatureOracleTest(SparkSession spark) {
    this.spark = spark;
  }

  @org.junit.jupiter.api.BeforeEach
  void views() {
    lake.registerViews(Arrays.asList(Table.values()));
  }

  @BeforeAll
  void build() {
    lake = TempLake.create(spark);
    new RandomShop(7, 12, 25, 12).writeTo(lake);
    // Incremental over three nights, so the oracle checks the carried state too.
    FeatureBuild b = new FeatureBuild(lake, SETTINGS, 24);
    b.run(AS_OF.minusDays(2), false);
    b.run(AS_OF.minusDays(1), false);
    b.run(AS_OF, false);
  }

  @Test
  void userFeaturesEqualTheNaiveQuery() {
    Dataset<Row> actual = sortedMaps(snapshot(FeatureTable.USER_FEATURES));
    Dataset<Row> expected =
        sortedMaps(
            sql(
                """
                WITH ev AS (SELECT *, greatest(ingest_date, event_date) AS vd FROM events
                            WHERE greatest(ingest_date, event_date) < {A}),
                     o AS (SELECT * FROM orders WHERE greatest(ingest_date, order_date) < {A}),
                     l AS (SELECT * FROM order_lines WHERE greatest(ingest_date, order_date) < {A}),
                     r AS (SELECT * FROM returns WHERE greatest(ingest_date, return_date) < {A}),
                     c AS (SELECT * FROM customers WHERE signup_date IS NULL OR signup_date < {A}),
                     ids AS (SELECT user_id FROM ev UNION SELECT user_id FROM o
                             UNION SELECT user_id FROM l UNION SELECT user_id FROM r
                             UNION SELECT user_id FROM c),
                     w AS (SELECT ev.user_id, i.category,
                                  sum(CASE ev.event_type WHEN 'product_view' THEN 1.0
                                      WHEN 'add_to_cart' THEN 3.0 ELSE 5.0 END) AS weight
                           FROM ev JOIN items i ON ev.item_id = i.item_id
                           WHERE ev.event_type IN ('product_view', 'add_to_cart', 'purchase')
                           GROUP BY ev.user_id, i.category),
                     wm AS (SELECT user_id,
                                   map_from_entries(collect_list(struct(category, weight))) AS cw,
                                   map_from_entries(collect_list(struct(category, weight / t))) AS ca
                            FROM (SELECT *, sum(weight) OVER (PARTITION BY user_id) AS t FROM w)
                            GROUP BY user_id),
                     e AS (SELECT user_id, min(event_date) AS first_seen,
                             max(event_date) AS last_seen,
                             count_if(event_type = 'product_view') AS views,
                             count_if(event_type = 'add_to_cart') AS carts,
                             count_if(event_type = 'purchase') AS purchases,
                             count(DISTINCT session_id, vd) AS sessions
                           FROM ev GROUP BY user_id),
                     oa AS (SELECT user_id, count(*) AS orders,
                              sum(cast(total_amount AS decimal(18,2))) AS revenue,
                              max(order_date) AS last_order
                            FROM o GROUP BY user_id),
                     la AS (SELECT user_id, sum(quantity) AS bought FROM l GROUP BY user_id),
                     ra AS (SELECT user_id, sum(quantity) AS returned,
                              max(return_date) AS last_return
                            FROM r GROUP BY user_id),
                     base AS (SELECT ids.user_id, first_seen, last_seen,
                                coalesce(views, 0) AS views, coalesce(carts, 0) AS carts,
                                coalesce(purchases, 0) AS purchases,
                                coalesce(sessions, 0) AS sessions, coalesce(orders, 0) AS orders,
                                revenue, last_order, bought, returned, last_return
                              FROM ids LEFT JOIN e ON ids.user_id = e.user_id
                              LEFT JOIN oa ON ids.user_id = oa.user_id
                              LEFT JOIN la ON ids.user_id = la.user_id
                              LEFT JOIN ra ON ids.user_id = ra.user_id)
                SELECT {A} AS as_of, b.user_id, c.region,
                  coalesce(c.consent_personalisation, false) AS consent_personalisation,
                  coalesce(c.consent_marketing, false) AS consent_marketing,
                  coalesce(c.consent_profiling, false) AS consent_profiling,
                  first_seen, last_seen, datediff({A}, first_seen) AS days_since_first_seen,
                  views, carts, purchases, sessions, orders,
                  cast(coalesce(revenue, 0) AS decimal(18,2)) AS revenue,
                  CASE WHEN orders > 0 THEN cast(revenue AS double) / orders END AS aov,
                  last_order AS last_order_date, datediff({A}, last_order) AS recency_days,
                  coalesce(bought, 0) AS items_bought, coalesce(returned, 0) AS items_returned,
                  CASE WHEN bought > 0 THEN coalesce(returned, 0) / bought END AS return_rate,
                  last_return AS last_return_date,
                  coalesce(wm.cw, map()) AS category_weights,
                  coalesce(wm.ca, map()) AS category_affinity
                FROM base b LEFT JOIN c ON b.user_id = c.user_id
                LEFT JOIN wm ON b.user_id = wm.user_id
                """));
    assertThat(actual.count()).isGreaterThan(20);
    assertSameRows(actual, expected);
  }

  @Test
  void itemFeaturesEqualTheNaiveQuery() {
    Dataset<Row> expected =
        sql(
            """
            WITH ev AS (SELECT *, greatest(ingest_date, event_date) AS vd FROM events
                        WHERE greatest(ingest_date, event_date) < {A}),
                 l AS (SELECT *, greatest(ingest_date, order_date) AS vd FROM order_lines
                       WHERE greatest(ingest_date, order_date) < {A}),
                 r AS (SELECT *, greatest(ingest_date, return_date) AS vd FROM returns
                       WHERE greatest(ingest_date, return_date) < {A}),
                 e AS (SELECT item_id,
                         count_if(event_type = 'product_view' AND vd >= {A} - 7) AS views_7d,
                         count_if(event_type = 'product_view' AND vd >= {A} - 30) AS views_30d,
                         count_if(event_type = 'product_view' AND vd >= {A} - 90) AS views_90d,
                         count_if(event_type = 'add_to_cart' AND vd >= {A} - 7) AS carts_7d,
                         count_if(event_type = 'add_to_cart' AND vd >= {A} - 30) AS carts_30d,
                         count_if(event_type = 'add_to_cart' AND vd >= {A} - 90) AS carts_90d,
                         count_if(event_type = 'purchase' AND vd >= {A} - 7) AS purchases_7d,
                         count_if(event_type = 'purchase' AND vd >= {A} - 30) AS purchases_30d,
                         count_if(event_type = 'purchase' AND vd >= {A} - 90) AS purchases_90d
                       FROM ev GROUP BY item_id),
                 la AS (SELECT item_id, sum(quantity) AS sold FROM l WHERE vd >= {A} - 90
                        GROUP BY item_id),
                 ra AS (SELECT item_id, sum(quantity) AS back FROM r WHERE vd >= {A} - 90
                        GROUP BY item_id),
                 c AS (SELECT i.*,
                         coalesce(views_7d, 0) AS views_7d, coalesce(views_30d, 0) AS views_30d,
                         coalesce(views_90d, 0) AS views_90d, coalesce(carts_7d, 0) AS carts_7d,
                         coalesce(carts_30d, 0) AS carts_30d, coalesce(carts_90d, 0) AS carts_90d,
                         coalesce(purchases_7d, 0) AS purchases_7d,
                         coalesce(purchases_30d, 0) AS purchases_30d,
                         coalesce(purchases_90d, 0) AS purchases_90d,
                         coalesce(sold, 0) AS sold, coalesce(back, 0) AS back
                       FROM items i LEFT JOIN e ON i.item_id = e.item_id
                       LEFT JOIN la ON i.item_id = la.item_id
                       LEFT JOIN ra ON i.item_id = ra.item_id)
            SELECT {A} AS as_of, item_id, category, list_price,
              ntile(5) OVER (PARTITION BY category ORDER BY list_price, item_id) AS price_band,
              in_stock, views_7d, views_30d, views_90d, carts_7d, carts_30d, carts_90d,
              purchases_7d, purchases_30d, purchases_90d,
              CASE WHEN views_30d > 0 THEN purchases_30d / views_30d END AS conversion_30d,
              sold AS units_sold_90d, back AS units_returned_90d,
              CASE WHEN sold > 0 THEN back / sold END AS return_rate_90d
            FROM c
            """);
    assertSameRows(snapshot(FeatureTable.ITEM_FEATURES), expected);
  }

  @Test
  void interactionsEqualTheNaiveQuery() {
    Dataset<Row> expected =
        sql(
            """
            SELECT {A} AS as_of, user_id, item_id,
              round(sum(CASE event_type WHEN 'product_view' THEN 1D WHEN 'add_to_cart' THEN 3D
                        ELSE 5D END
                    * pow(0.5D, (unix_timestamp(cast({A} AS timestamp)) - unix_timestamp(ts))
                               / 86400D / 7D)), 9) AS strength,
              count_if(event_type = 'product_view') AS views,
              count_if(event_type = 'add_to_cart') AS carts,
              count_if(event_type = 'purchase') AS purchases,
              max(ts) AS last_ts
            FROM events
            WHERE greatest(ingest_date, event_date) < {A} AND item_id IS NOT NULL
              AND event_type IN ('product_view', 'add_to_cart', 'purchase')
            GROUP BY user_id, item_id
            """);
    Dataset<Row> actual =
        snapshot(FeatureTable.INTERACTIONS)
            .selectExpr("*", "round(strength, 9) AS s")
            .drop("strength")
            .withColumnRenamed("s", "strength");
    assertThat(expected.count()).isGreaterThan(100);
    assertSameRows(actual, expected);
  }

  @Test
  void covisitationEqualsTheNaiveQuery() {
    Dataset<Row> expected =
        sql(
            """
            WITH ev AS (SELECT *, greatest(ingest_date, event_date) AS vd FROM events
                        WHERE greatest(ingest_date, event_date) < {A}
                          AND greatest(ingest_date, event_date) >= {A} - 5
                          AND item_id IS NOT NULL
                          AND event_type IN ('product_view', 'add_to_cart', 'purchase')),
                 p AS (SELECT a.item_id, b.item_id AS other_item_id,
                         count(DISTINCT a.session_id, a.vd) AS sessions,
                         count(DISTINCT CASE WHEN a.event_type = 'product_view'
                           AND b.event_type = 'purchase' AND b.ts > a.ts
                           THEN concat(a.session_id, '/', a.vd) END) AS view_then_buy
                       FROM ev a JOIN ev b ON a.session_id = b.session_id AND a.vd = b.vd
                         AND a.item_id <> b.item_id
                       GROUP BY a.item_id, b.item_id)
            SELECT * FROM (
              SELECT {A} AS as_of, item_id,
                row_number() OVER (PARTITION BY item_id
                  ORDER BY sessions DESC, view_then_buy DESC, other_item_id) AS rank,
                other_item_id, sessions, view_then_buy FROM p)
            WHERE rank <= 3
            """);
    assertThat(expected.count()).isGreaterThan(10);
    assertSameRows(snapshot(FeatureTable.COVISITATION), expected);
  }

  @Test
  void orderLineFeaturesEqualTheNaiveQuery() {
    Dataset<Row> expected =
        sql(
            """
            WITH l AS (SELECT * FROM order_lines WHERE greatest(ingest_date, order_date) < {A})
            SELECT l.order_id, l.line_no, l.user_id, l.item_id, l.ordered_at, l.quantity,
              l.unit_price, l.list_price,
              CASE WHEN l.list_price > 0 THEN greatest(0.0, 1.0 - l.unit_price / l.list_price)
                   ELSE 0.0 END AS discount_depth,
              i.category, i.size_sensitive,
              v.n AS variants_in_order, b.n AS basket_lines, b.units AS basket_units,
              o.channel, o.device, l.order_date
            FROM l LEFT JOIN orders o ON l.order_id = o.order_id
            LEFT JOIN items i ON l.item_id = i.item_id
            JOIN (SELECT order_id, item_id, count(DISTINCT coalesce(variant, '')) AS n FROM l
                  GROUP BY order_id, item_id) v ON l.order_id = v.order_id AND l.item_id = v.item_id
            JOIN (SELECT order_id, count(*) AS n, sum(quantity) AS units FROM l
                  GROUP BY order_id) b ON l.order_id = b.order_id
            """);
    assertThat(expected.count()).isGreaterThan(10);
    assertSameRows(lake.read(FeatureTable.ORDER_LINE_FEATURES), expected);
  }

  @Test
  void theCustomersPastItemMixEqualsTheNaiveQuery() {
    lake.read(FeatureTable.ORDER_LINE_FEATURES).createOrReplaceTempView("olf");
    Dataset<Row> expected =
        sql(
            """
            SELECT l.order_id, l.line_no,
              sum(coalesce(p.quantity, 0)) AS customer_past_items,
              sum(CASE WHEN p.size_sensitive THEN coalesce(p.quantity, 0) ELSE 0 END)
                AS customer_past_size_sensitive_items,
              sum(CASE WHEN p.variants_in_order > 1 THEN coalesce(p.quantity, 0) ELSE 0 END)
                AS customer_past_several_sizes_items
            FROM olf l LEFT JOIN olf p
              ON p.user_id = l.user_id AND p.order_date < to_date(l.ordered_at)
            GROUP BY l.order_id, l.line_no
            """);
    Dataset<Row> actual =
        TrainingSet.returnRiskToScore(lake, RandomShop.FIRST.minusDays(1))
            .select(
                "order_id",
                "line_no",
                "customer_past_items",
                "customer_past_size_sensitive_items",
                "customer_past_several_sizes_items");
    assertThat(expected.where("customer_past_size_sensitive_items > 0").count()).isPositive();
    assertThat(expected.where("customer_past_items = 0").count()).isPositive();
    assertSameRows(actual, expected);
  }

  @Test
  void incrementalNightsEqualAFullRebuildAndABackfill() {
    Lake other = TempLake.create(spark);
    for (Table t : Table.values()) {
      if (lake.exists(t)) {
        other.append(t, lake.read(t));
      }
    }
    FeatureBuild full = new FeatureBuild(other, SETTINGS, 24);
    assertThat(full.run(AS_OF.minusDays(1), true).carriedFrom()).isEmpty();
    assertThat(full.run(AS_OF, true).carriedFrom()).isEmpty();
    for (LocalDate d : new LocalDate[] {AS_OF.minusDays(1), AS_OF}) {
      for (FeatureTable t :
          new FeatureTable[] {
            FeatureTable.USER_FEATURES,
            FeatureTable.ITEM_FEATURES,
            FeatureTable.INTERACTIONS,
            FeatureTable.COVISITATION
          }) {
        String at = "as_of = DATE'" + d + "'";
        Dataset<Row> nightly = comparable(lake.read(t).where(at));
        assertThat(nightly.count()).as("%s as of %s", t.shortName(), d).isPositive();
        assertSameRows(comparable(other.read(t).where(at)), nightly);
      }
    }
    assertSameRows(
        other.read(FeatureTable.ORDER_LINE_FEATURES), lake.read(FeatureTable.ORDER_LINE_FEATURES));
  }

  /** Strengths summed in another order differ in the last bits; maps as sorted entries. */
  private static Dataset<Row> comparable(Dataset<Row> rows) {
    Dataset<Row> r =
        java.util.List.of(rows.columns()).contains("strength")
            ? rows.withColumn(
                "strength", org.apache.spark.sql.functions.round(rows.col("strength"), 9))
            : rows;
    return java.util.List.of(rows.columns()).contains("category_weights") ? sortedMaps(r) : r;
  }

  private Dataset<Row> snapshot(FeatureTable t) {
    return lake.read(t).where("as_of = DATE'" + AS_OF + "'");
  }

  private Dataset<Row> sql(String query) {
    return spark.sql(query.replace("{A}", "DATE'" + AS_OF + "'"));
  }

  /** Maps cannot be compared by set operations: as arrays of entries sorted by key. */
  static Dataset<Row> sortedMaps(Dataset<Row> users) {
    return users
        .withColumn(
            "category_weights",
            org.apache.spark.sql.functions.expr("array_sort(map_entries(category_weights))"))
        .withColumn(
            "category_affinity",
            org.apache.spark.sql.functions.expr("array_sort(map_entries(category_affinity))"));
  }
}
