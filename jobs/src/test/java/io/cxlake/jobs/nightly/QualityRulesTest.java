package io.cxlake.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.nightly.QualityMetrics.Metric;
import io.cxlake.lake.config.CxConfig.GateSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityRulesTest {
  private static final GateSettings S = GateSettings.basic(0.05, 1);
  private static final Map<String, List<Double>> HISTORY =
      Map.of("events.row_count", List.of(450.0, 470.0, 430.0, 520.0));

  private static List<String> check(Map<String, List<Double>> history, Metric... today) {
    return QualityRules.check(List.of(today), history, S);
  }

  @Test
  void aRowCountFarFromTheTrailingMedianBlocksEitherWay() {
    double median = (450 + 470) / 2.0;
    assertThat(QualityRules.median(HISTORY.get("events.row_count"))).isEqualTo(median);
    assertThat(check(HISTORY, new Metric("events", "row_count", 460 * 10)))
        .singleElement()
        .asString()
        .contains("events has 4600 rows", String.format("%.1f×", 4600 / median), "median 460");
    assertThat(check(HISTORY, new Metric("events", "row_count", 3 * median))).isEmpty();
    assertThat(check(HISTORY, new Metric("events", "row_count", median / 3))).isEmpty();
    assertThat(check(HISTORY, new Metric("events", "row_count", median / 3 - 1))).hasSize(1);
  }

  @Test
  void aRowCountIsNotJudgedOnTooLittleHistoryOrTooFewRows() {
    Map<String, List<Double>> short_ = Map.of("events.row_count", List.of(450.0, 470.0));
    assertThat(check(short_, new Metric("events", "row_count", 4600))).isEmpty();
    Map<String, List<Double>> small = Map.of("returns.row_count", List.of(2.0, 0.0, 5.0, 1.0));
    assertThat(check(small, new Metric("returns", "row_count", 40))).isEmpty();
  }

  @Test
  void aRequiredFieldMissingFromTooManyRowsBlocksNamingIt() {
    assertThat(check(Map.of(), new Metric("events", "completeness.user_id", 0.7)))
        .singleElement()
        .asString()
        .contains("events.user_id is missing in 30.0%", "gates.min-completeness 99.0%");
    assertThat(check(Map.of(), new Metric("events", "completeness.user_id", 0.99))).isEmpty();
  }

  @Test
  void duplicateKeysAndStaleDataBlock() {
    assertThat(check(Map.of(), new Metric("orders", "key_uniqueness", 0.98)))
        .singleElement()
        .asString()
        .contains("orders holds duplicate keys");
    assertThat(check(Map.of(), new Metric("orders", "key_uniqueness", 1))).isEmpty();
    assertThat(check(Map.of(), new Metric("events", "freshness_days", 1)))
        .singleElement()
        .asString()
        .contains("1 days older", "no data for the day");
    assertThat(check(Map.of(), new Metric("events", "freshness_days", 0))).isEmpty();
  }

  @Test
  void everyBrokenRuleIsReported() {
    assertThat(
            check(
                HISTORY,
                new Metric("events", "row_count", 10_000),
                new Metric("events", "completeness.session_id", 0.5),
                new Metric("events", "freshness_days", 2)))
        .hasSize(3);
  }
}
