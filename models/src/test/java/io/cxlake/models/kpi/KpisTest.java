package io.cxlake.models.kpi;

import static io.cxlake.lake.testing.Rows.row;
import static io.cxlake.models.kpi.KpiShop.A;
import static io.cxlake.models.kpi.KpiShop.R;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.Rows;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Oracle test: the KPIs of {@link KpiShop}, computed by hand from its rows (the arithmetic is in
 * the comments), equal what {@link Kpis} computes; and writing them twice leaves the same table,
 * with the dates before the window untouched. (KpisCommandTest reruns the whole step.)
 */
@ExtendWith(SparkExtension.class)
class KpisTest {
  private static final KpiWindow W = new KpiWindow(R);

  /** Computed once: the rows sit on the driver, so both tests can reuse them. */
  private static Dataset<Row> kpis;

  @BeforeAll
  static void compute() {
    SparkSession spark = SparkExtension.spark();
    kpis = Kpis.compute(spark, new KpiShop().inputs(spark), W);
  }

  private static Date d(LocalDate day) {
    return Date.valueOf(day);
  }

  @Test
  void everyKpiOfTheHandmadeShopAsComputedByHand() {
    assertThat(kpis.columns()).containsExactly(KpiTable.KPI_DAILY.schema().fieldNames());
    Rows.assertRows(
        kpis,
        // A, EU, web: visitors u1, u2; sessions s1, s2 (s0 began on A − 1); orders o1 (2×10 + 5)
        // and o3 (10); both buyers bought again within 90 days, u1 within 30 (A + 20), u2 not
        // (A + 60); 1 of 4 units returned; first actions after 40 s (s1) and 30 s (s2).
        row(
            d(A), "EU", "web", 2L, 2L, 2L, 35.0, 1.0, 17.5, 17.5, 2L, 0.5, 1.0, 4L, 1L, 0.25, 0L,
            0L, null, 0.0, 0L, 0L, null, null, 35.0),
        // A, APAC, web: a region with a visitor and no orders: rates over orders are null, the
        // conversion is 0; s3 never acts, so no median.
        row(
            d(A), "APAC", "web", 1L, 1L, 0L, 0.0, 0.0, null, 0.0, 0L, null, null, 0L, 0L, null, 0L,
            0L, null, 0.0, 0L, 0L, null, null, null),
        // A + 20, EU, app: o2 with no app visitor (conversion null); 30-day window closed on
        // A + 50 with no later order (0), 90-day window still open (null).
        row(
            d(A.plusDays(20)),
            "EU",
            "app",
            0L,
            0L,
            1L,
            30.0,
            null,
            30.0,
            null,
            1L,
            0.0,
            null,
            1L,
            0L,
            0.0,
            0L,
            0L,
            null,
            0.0,
            0L,
            0L,
            null,
            null,
            null),
        // A + 60, EU, web: o4 = 8 + 2×4; 4 impressions, 3 clicks; only i5 was clicked before it
        // was bought in its session (8.0, once despite two clicks); the return without line_no
        // counts (1 of 3 units); the 30-day window closes on R itself; s5 acts after 30 s, s4
        // after 20 s.
        row(
            d(A.plusDays(60)),
            "EU",
            "web",
            1L,
            2L,
            1L,
            16.0,
            1.0,
            16.0,
            16.0,
            1L,
            0.0,
            null,
            3L,
            1L,
            1.0 / 3,
            4L,
            3L,
            0.75,
            8.0,
            0L,
            0L,
            null,
            null,
            25.0),
        // R, US, app: u3 browses, adds to cart after 20 s; the order has no channel (next row).
        row(
            d(R), "US", "app", 1L, 1L, 0L, 0.0, 0.0, null, 0.0, 0L, null, null, 0L, 0L, null, 0L,
            0L, null, 0.0, 0L, 0L, null, null, 20.0),
        // R, US, unknown: o5; both windows open; its return is dated R + 1, not yet visible.
        row(
            d(R), "US", "unknown", 0L, 0L, 1L, 50.0, null, 50.0, null, 1L, null, null, 1L, 0L, 0.0,
            0L, 0L, null, 0.0, 0L, 0L, null, null, null),
        // R, unknown, unknown: u5 has no customer row and no channel; searches after 5 s.
        row(
            d(R), "unknown", "unknown", 1L, 1L, 0L, 0.0, 0.0, null, 0.0, 0L, null, null, 0L, 0L,
            null, 0L, 0L, null, 0.0, 0L, 0L, null, null, 5.0),
        // R, EU, chat: the bot resolved t1 in 0.5 h, an agent t2 in 3 h: median 1.75 h.
        row(
            d(R), "EU", "chat", 0L, 0L, 0L, 0.0, null, null, null, 0L, null, null, 0L, 0L, null, 0L,
            0L, null, 0.0, 2L, 1L, 0.5, 1.75, null),
        // R, EU, email: t3 is open: counted, not in the median.
        row(
            d(R), "EU", "email", 0L, 0L, 0L, 0.0, null, null, null, 0L, null, null, 0L, 0L, null,
            0L, 0L, null, 0.0, 1L, 0L, 0.0, null, null));
  }

  @Test
  void rewritingTheWindowTwiceGivesTheSameRowsAndLeavesOlderDatesAlone(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    // A final row from before the window, and a stale one inside it that the run must replace.
    KpiWindow older = new KpiWindow(A.minusDays(1));
    List<Row> seeded =
        List.of(
            new KpiCounts(
                    A.minusDays(1),
                    "EU",
                    "web",
                    3,
                    3,
                    1,
                    9.0,
                    1,
                    1,
                    1,
                    1,
                    0,
                    0,
                    0,
                    0.0,
                    0,
                    0,
                    null,
                    12.0)
                .toRow(older),
            new KpiCounts(
                    A.plusDays(30),
                    "EU",
                    "web",
                    1,
                    1,
                    0,
                    0.0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0.0,
                    0,
                    0,
                    null,
                    null)
                .toRow(older));
    lake.append(KpiTable.KPI_DAILY, spark.createDataFrame(seeded, KpiTable.KPI_DAILY.schema()));

    lake.replaceWhere(KpiTable.KPI_DAILY, W.predicate(), kpis);
    List<List<Object>> once = Rows.values(lake.read(KpiTable.KPI_DAILY));
    lake.replaceWhere(KpiTable.KPI_DAILY, W.predicate(), kpis);
    List<List<Object>> twice = Rows.values(lake.read(KpiTable.KPI_DAILY));

    assertThat(twice).containsExactlyInAnyOrderElementsOf(once);
    // The window's rows, and the older date's as seeded; the stale row is gone.
    List<List<Object>> expected = new ArrayList<>(Rows.values(kpis));
    expected.add(
        Rows.values(spark.createDataFrame(seeded.subList(0, 1), KpiTable.KPI_DAILY.schema()))
            .get(0));
    assertThat(once).containsExactlyInAnyOrderElementsOf(expected);
  }
}
