package io.cxlake.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.CxConfig.FeatureSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Point-in-time: an example at t sees nothing from t on. A marker category and a large order are
 * planted after t (the same day and later days); they must never reach the example's features.
 */
@ExtendWith(SparkExtension.class)
class TrainingSetTest {
  static final LocalDate D1 = LocalDate.of(2026, 10, 1);
  static final LocalDate T_DAY = D1.plusDays(2);
  static final Timestamp T = RandomShop.ts(T_DAY, 12 * 3600);

  private final SparkSession spark;

  TrainingSetTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void anExampleAtTSeesNothingFromTOnAndItsLabelComesFromAfterT() {
    Lake lake = TempLake.create(spark);
    write(lake, Table.ITEMS, item("i0", "books"), item("m", "MARKER"));
    write(lake, Table.CUSTOMERS);
    write(
        lake,
        Table.EVENTS,
        event("e1", "i0", "product_view", RandomShop.ts(D1, 600)),
        event("e2", "i0", "purchase", RandomShop.ts(D1.plusDays(1), 600)),
        event("e3", "m", "purchase", RandomShop.ts(T_DAY, 12 * 3600 + 1800)),
        event("e4", "m", "purchase", RandomShop.ts(T_DAY.plusDays(1), 60)));
    write(
        lake,
        Table.ORDERS,
        order("o0", RandomShop.ts(D1.plusDays(1), 700), 20),
        order("o1", T, 30),
        order("o2", RandomShop.ts(T_DAY, 13 * 3600), 9999));
    write(
        lake,
        Table.ORDER_LINES,
        line("o0", "i0", RandomShop.ts(D1.plusDays(1), 700)),
        line("o1", "i0", T),
        line("o2", "m", RandomShop.ts(T_DAY, 13 * 3600)));
    write(
        lake,
        Table.RETURNS,
        ret("r1", "o1", RandomShop.ts(T_DAY.plusDays(1), 0)),
        ret("r2", "o2", RandomShop.ts(T_DAY.plusDays(4), 0)));

    FeatureBuild b = new FeatureBuild(lake, new FeatureSettings(1, 3, 5, 30, 30, 20, 10), 24);
    // The snapshots the examples need (o0's day, t's day, two days later) and the last one; the
    // nights between are skipped, so each build carries the previous snapshot over a gap.
    for (int d : new int[] {1, 2, 4, 8}) {
      b.run(D1.plusDays(d), false);
    }

    List<Row> examples =
        TrainingSet.returnRisk(lake, D1.plusDays(8), 2).orderBy("order_id").collectAsList();
    assertThat(examples)
        .extracting(r -> r.<String>getAs("order_id"))
        .containsExactly("o0", "o1", "o2");
    Row o1 = examples.get(1);
    assertThat(o1.<Date>getAs("features_as_of").toLocalDate()).isEqualTo(T_DAY);
    assertThat(o1.<Long>getAs("customer_orders")).as("only o0 came before t").isEqualTo(1L);
    assertThat(o1.<Long>getAs("customer_past_items")).as("o0's one item").isEqualTo(1L);
    assertThat(examples.get(0).<Long>getAs("customer_past_items")).as("nothing before o0").isZero();
    assertThat(o1.<Integer>getAs("label")).as("returned a day after t").isEqualTo(1);
    assertThat(examples.get(2).<Integer>getAs("label")).as("returned after the window").isZero();

    Row features =
        TrainingSet.asOfJoin(
                lake.read(FeatureTable.ORDER_LINE_FEATURES).where("order_id = 'o1'"),
                List.of("order_id", "line_no"),
                "user_id",
                "ordered_at",
                lake.read(FeatureTable.USER_FEATURES))
            .head();
    Map<String, Double> weights = features.getJavaMap(features.fieldIndex("category_weights"));
    assertThat(weights).containsOnlyKeys("books");
    assertThat(features.<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("20");
    assertThat(features.<Long>getAs("purchases")).isEqualTo(1L);

    // The same user's snapshot two days later does see the planted rows: the marker is real.
    Row later =
        lake.read(FeatureTable.USER_FEATURES)
            .where("as_of = DATE'" + T_DAY.plusDays(2) + "'")
            .head();
    assertThat(later.getJavaMap(later.fieldIndex("category_weights"))).containsKey("MARKER");
  }

  private void write(Lake lake, Table t, Row... rows) {
    lake.append(t, spark.createDataFrame(List.of(rows), t.schema()));
  }

  private static Row item(String id, String category) {
    return RowFactory.create(
        id, id, null, category, null, 10.0, false, true, RandomShop.ts(D1, 0), Date.valueOf(D1));
  }

  private static Row event(String id, String item, String type, Timestamp ts) {
    Date day = Date.valueOf(ts.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    return RowFactory.create(
        id, "u1", "s" + day, type, item, ts, 10.0, 1, null, null, null, null, null, day, day);
  }

  private static Row order(String id, Timestamp at, double total) {
    Date day = Date.valueOf(at.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    return RowFactory.create(id, "u1", at, "web", null, 1, total, day, day);
  }

  private static Row line(String order, String item, Timestamp at) {
    Date day = Date.valueOf(at.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    return RowFactory.create(order, 1, "u1", item, null, 1, 10.0, 10.0, at, day, day);
  }

  private static Row ret(String id, String order, Timestamp at) {
    Date day = Date.valueOf(at.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    return RowFactory.create(id, order, 1, "i0", "u1", 1, at, "size", 10.0, day, day);
  }
}
