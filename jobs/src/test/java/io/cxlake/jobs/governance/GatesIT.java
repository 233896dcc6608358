package io.cxlake.jobs.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.serving.SqliteServed;
import io.cxlake.jobs.serving.Version;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted faults in the next night's landing files: ten times the usual events, or a required field
 * missing from 30% of them. The nightly stops at the quality gate with exit 3 and a reason naming
 * the fault; nothing after the gate runs, so the serving store keeps serving the version it had.
 * The same night without the fault passes the gate.
 */
@ExtendWith(SparkExtension.class)
class GatesIT {
  @TempDir Path dir;

  private Path root;
  private Path landing;

  private int cxlake(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(
        List.of(
            "--set", "lake.root=" + root,
            "--set", "lake.landing=" + landing,
            "--set", "serving.sqlite-path=" + dir.resolve("serving.db"),
            "--set", "intents.labels=" + SharedShop.root().resolve("truth/tickets.csv")));
    return Main.run(SharedShop.SECRETS, a.toArray(String[]::new));
  }

  /** Copies lake and landing, and publishes the last ingested day: the version to keep serving. */
  private Lake setUp() {
    root = SharedShop.lakeCopy(dir);
    landing = SharedShop.landingCopy(dir);
    Lake lake = SharedShop.lake(root);
    FakeScores.write(lake, SharedShop.LAST, 1);
    assertThat(cxlake("publish", "--run-date", SharedShop.LAST.toString())).isEqualTo(ExitCodes.OK);
    return lake;
  }

  /** Rewrites every line of the next day's event files. */
  private void plant(BiFunction<Integer, String, List<String>> perLine) throws Exception {
    Path day = landing.resolve("events/date=" + SharedShop.NEXT);
    try (Stream<Path> files = Files.list(day)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        List<String> out = new ArrayList<>();
        List<String> in = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < in.size(); i++) {
          out.addAll(perLine.apply(i, in.get(i)));
        }
        Files.write(f, out, StandardCharsets.UTF_8);
      }
    }
  }

  private Version serving() {
    return SqliteServed.current(dir.resolve("serving.db"));
  }

  private void assertBlockedAtTheGate(Lake lake, Version before, String... reason) {
    assertThat(cxlake("nightly", "--run-date", SharedShop.NEXT.toString()))
        .isEqualTo(ExitCodes.GATE_BLOCKED);
    List<Row> steps =
        lake.read(Table.RUNS)
            .where("run_date = DATE'" + SharedShop.NEXT + "' AND step <> 'nightly'")
            .orderBy("started_at")
            .collectAsList();
    assertThat(steps.stream().map(r -> r.<String>getAs("step") + "=" + r.getAs("status")))
        .as("nothing after the gate ran, publish included")
        .containsExactly("policy=succeeded", "ingest=succeeded", "quality-gate=blocked");
    assertThat(steps.get(2).<String>getAs("message")).contains(reason);
    assertThat(serving()).as("the serving store keeps its version").isEqualTo(before);
    assertThat(
            lake.read(GovernanceTable.QUALITY_METRICS)
                .where("run_date = DATE'" + SharedShop.NEXT + "'")
                .count())
        .as("the blocked day's metrics are kept")
        .isPositive();
  }

  @Test
  void aDayWithTenTimesTheEventsIsBlocked() throws Exception {
    Lake lake = setUp();
    Version before = serving();
    plant(
        (i, line) -> {
          List<String> copies = new ArrayList<>(List.of(line));
          for (int k = 1; k < 10; k++) {
            copies.add(line.replaceFirst("\"event_id\":\"", "\"event_id\":\"k" + k + "-"));
          }
          return copies;
        });
    assertBlockedAtTheGate(lake, before, "events has", "× the median", "max-row-count-factor");
  }

  @Test
  void aDayWithUserIdMissingFromThirtyPercentOfEventsIsBlocked() throws Exception {
    Lake lake = setUp();
    Version before = serving();
    plant(
        (i, line) ->
            List.of(
                i % 10 < 3
                    ? line.replaceFirst("\"user_id\":\"[^\"]*\"", "\"user_id\":null")
                    : line));
    assertBlockedAtTheGate(lake, before, "events.user_id is missing in 3", "min-completeness");
    Row m =
        lake.read(GovernanceTable.QUALITY_METRICS)
            .where(
                "run_date = DATE'"
                    + SharedShop.NEXT
                    + "' AND table_name = 'events' AND metric = 'completeness.user_id'")
            .head();
    assertThat(m.<Double>getAs("value")).isBetween(0.66, 0.72);
  }

  @Test
  void theCleanDaysBeforePassedTheSameGate() {
    Lake lake = SharedShop.lake(SharedShop.root().resolve("lake"));
    assertThat(
            lake.read(Table.RUNS)
                .where("step = 'quality-gate'")
                .select("status")
                .distinct()
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("succeeded");
    assertThat(lake.read(Table.RUNS).where("step = 'quality-gate'").count())
        .isEqualTo(SharedShop.DAYS);
  }
}
