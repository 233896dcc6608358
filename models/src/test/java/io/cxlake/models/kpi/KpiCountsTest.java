package io.cxlake.models.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The rates and windows in plain Java: zero denominators and open windows give null. */
class KpiCountsTest {
  private static final LocalDate R = LocalDate.of(2026, 5, 1);

  @Test
  void theWindowCoversTheLast90DaysAndClosesOnItsLastDay() {
    KpiWindow w = new KpiWindow(R);
    assertThat(w.first()).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(w.predicate()).isEqualTo("date >= DATE'2026-01-31' AND date <= DATE'2026-05-01'");
    assertThat(w.closed(R.minusDays(30), 30)).isTrue();
    assertThat(w.closed(R.minusDays(29), 30)).isFalse();
    assertThat(w.closed(w.first(), 90)).isTrue();
    assertThat(w.closed(w.first().plusDays(1), 90)).isFalse();
  }

  @Test
  void ratesAreCountsOverCountsAndNullWithoutADenominator() {
    KpiWindow w = new KpiWindow(R);
    Row r =
        new KpiCounts(
                R.minusDays(40),
                "EU",
                "web",
                8,
                10,
                2,
                50.0,
                2,
                1,
                2,
                5,
                1,
                4,
                1,
                20.0,
                4,
                3,
                1.5,
                12.0)
            .toRow(w);
    assertThat(r.getDouble(7)).isEqualTo(0.25); // conversion = 2 orders / 8 visitors
    assertThat(r.getDouble(8)).isEqualTo(25.0); // AOV = 50 / 2
    assertThat(r.getDouble(9)).isEqualTo(6.25); // revenue per visitor = 50 / 8
    assertThat(r.getDouble(11)).isEqualTo(0.5); // 30-day window closed: 1 of 2 buyers
    assertThat(r.isNullAt(12)).isTrue(); // 90-day window open on R
    assertThat(r.getDouble(15)).isEqualTo(0.2); // 1 of 5 units returned
    assertThat(r.getDouble(18)).isEqualTo(0.25); // 1 click / 4 impressions
    assertThat(r.getDouble(22)).isEqualTo(0.75); // 3 of 4 tickets by the bot

    Row empty =
        new KpiCounts(
                R.minusDays(90),
                "EU",
                "chat",
                0,
                0,
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
            .toRow(w);
    for (int i : new int[] {7, 8, 9, 11, 12, 15, 18, 22, 23, 24}) {
      assertThat(empty.isNullAt(i)).as("column %d", i).isTrue();
    }
  }
}
