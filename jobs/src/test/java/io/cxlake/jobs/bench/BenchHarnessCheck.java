package io.cxlake.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.nightly.Nightly;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.testing.SparkExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run on demand, not by {@code mvn verify} (two nightlies and ten ingests take minutes even on a
 * tiny shop): {@code mvn -B verify -pl jobs -Dit.test=BenchHarnessCheck -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>The harness end to end on a tiny shop, with real PostgreSQL and Redis: every ratio of the
 * issue is measured, every nightly step of both nightlies is timed, publish and its bulk floor move
 * the same rows, and a store without a floor (SQLite) is reported as not measured, with why.
 */
@ExtendWith(SparkExtension.class)
class BenchHarnessCheck {
  @TempDir static Path dir;

  @Test
  void measuresEveryStepAndEveryRatioOfATinyShop() throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "bench",
                "--events",
                "2500",
                "--days",
                "10",
                "--repeats",
                "1",
                "--stores",
                "postgres,redis,sqlite",
                "--dir",
                dir.resolve("shop").toString(),
                "--out",
                dir.resolve("out").toString()));
    args.addAll(BenchWithServers.servers());
    Secrets secrets =
        Secrets.fromEnvironment()
            .withOverrides(Map.of("CXLAKE_PSEUDONYM_KEY", "bench-it-key-0123"));
    assertThat(Main.run(secrets, args.toArray(String[]::new))).isEqualTo(ExitCodes.OK);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/bench.json").toFile());
    assertThat(Files.readString(dir.resolve("out/bench.md")))
        .contains("| features / one-scan floor |");
    assertThat(json.get("about").get("events").asLong()).isBetween(1000L, 6000L);

    Map<String, JsonNode> ratios = new HashMap<>();
    json.get("ratios").forEach(r -> ratios.put(r.get("ratio").asText(), r));
    for (String name :
        List.of(
            "features / one-scan floor",
            "nightly, full history / 30 days",
            "recommend-all: blockwise / Spark recommendForAllUsers",
            "publish postgres / bulk floor (throughput)",
            "publish redis / bulk floor (throughput)",
            "ingest / reading the landing files once")) {
      assertThat(ratios).containsKey(name);
      assertThat(ratios.get(name).get("value").asDouble()).as(name).isPositive();
      assertThat(ratios.get(name).get("verdict").asText())
          .as(name)
          .isIn("met", "missed", "no goal");
    }
    assertThat(ratios.get("publish sqlite / bulk floor (throughput)").get("verdict").asText())
        .isEqualTo("not measured");

    Map<String, JsonNode> measures = new HashMap<>();
    json.get("measures")
        .forEach(m -> measures.put(m.get("step").asText() + ": " + m.get("measure").asText(), m));
    for (String group : List.of(BenchCommand.SHORT, BenchCommand.LONG)) {
      for (String step : Nightly.names()) {
        assertThat(measures).containsKey(group + ": " + step);
        assertThat(measures.get(group + ": " + step).get("note").asText())
            .as("%s: %s", group, step)
            .startsWith("succeeded");
      }
    }
    for (String store : List.of("postgres", "redis")) {
      long published = measures.get("publish: " + store + " publish").get("rows").asLong();
      assertThat(published).isPositive();
      assertThat(measures.get("publish: " + store + " bulk floor").get("rows").asLong())
          .isEqualTo(published);
    }
    assertThat(measures.get("publish: sqlite publish").get("note").asText())
        .contains("no bulk floor");
    assertThat(measures.get("recommend-all: blockwise top-10").get("note").asText())
        .startsWith("nDCG@10 ");
    assertThat(measures.get("features: full build").get("peak_driver_heap_bytes").asLong())
        .isPositive();
  }
}
