package io.cxlake.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  private static final List<Measure> MEASURES =
      List.of(
          new Measure("features", "full build", 30, 1000, 1, 64L << 20, ""),
          new Measure("features", "floor", 20, 1000, 3, 32L << 20, ""),
          new Measure("publish", "redis bulk floor", 1, 500, 3, 0, ""),
          new Measure("publish", "redis publish", 2, 500, 3, 0, ""),
          Measure.skipped("publish", "sqlite publish", "not measured: no floor"));

  private static final Ratio FEATURES =
      new Ratio("features / floor", "features: full build", "features: floor", 1.5, true, "");
  private static final Ratio PUBLISH =
      new Ratio("publish", "publish: redis bulk floor", "publish: redis publish", 0.7, false, "");
  private static final Ratio SQLITE =
      new Ratio("sqlite", "publish: sqlite publish", "features: floor", 0.7, false, "");
  private static final Ratio NO_GOAL =
      new Ratio("info", "features: floor", "features: full build", Double.NaN, true, "");

  @Test
  void ratiosAreJudgedAgainstTheirGoalsInTheirDirection() {
    assertThat(FEATURES.value(MEASURES)).hasValue(1.5);
    assertThat(FEATURES.verdict(MEASURES)).isEqualTo("met"); // at most 1.5, inclusive
    assertThat(PUBLISH.value(MEASURES)).hasValue(0.5);
    assertThat(PUBLISH.verdict(MEASURES)).isEqualTo("missed"); // at least 0.7
    assertThat(SQLITE.value(MEASURES)).isEmpty();
    assertThat(SQLITE.verdict(MEASURES)).isEqualTo("not measured");
    assertThat(NO_GOAL.verdict(MEASURES)).isEqualTo("no goal");
  }

  @Test
  void markdownAndJsonCarryTheSameFigures() throws Exception {
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("events", 1000);
    List<Ratio> ratios = List.of(FEATURES, PUBLISH, SQLITE, NO_GOAL);
    String md = BenchReport.markdown(about, MEASURES, ratios);
    assertThat(md)
        .contains("| features / floor | 1.50 | ≤ 1.50 | met |")
        .contains("| publish | 0.50 | ≥ 0.70 | missed |")
        .contains("| sqlite | – | ≥ 0.70 | not measured |")
        .contains("| info | 0.67 |  none | no goal |")
        .contains("| features | full build | 30.0 | 1 | 1,000 | 33 | 64 |  |")
        .contains("| publish | sqlite publish | – | 0 | 0 | – | – | not measured: no floor |");
    JsonNode json = new ObjectMapper().readTree(BenchReport.json(about, MEASURES, ratios));
    assertThat(json.get("ratios").get(1).get("value").asDouble()).isEqualTo(0.5);
    assertThat(json.get("ratios").get(1).get("goal_is").asText()).isEqualTo("at_least");
    assertThat(json.get("ratios").get(2).get("value").isNull()).isTrue();
    assertThat(json.get("measures").get(0).get("rows_per_second").asDouble())
        .isCloseTo(1000 / 30.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(json.get("measures").get(4).get("seconds").isNull()).isTrue();
  }
}
