package io.cxlake.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.RunLedger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Commands and the nightly on a lake a test built by hand (made-up feature and score rows), serving
 * to a SQLite file: what the gate tests need to show a gate stopping the night before publish.
 */
public final class HandBuiltNight {
  private HandBuiltNight() {}

  /** Runs a command on the lake with the return-risk label window and the SQLite file given. */
  public static int cxlake(Lake lake, int labelDays, Path servingDb, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--set", "lake.root=" + lake.root(),
            "--set", "return-risk.label-days=" + labelDays,
            "--set", "serving.sqlite-path=" + servingDb));
    // The nightly reads the pseudonym key whatever steps it runs.
    Secrets secrets =
        Secrets.fromEnvironment()
            .withOverrides(Map.of("CXLAKE_PSEUDONYM_KEY", "gate-test-key-0123456789"));
    return Main.run(secrets, all.toArray(String[]::new));
  }

  /**
   * Ledger rows saying the nightly's steps before {@code step} succeeded for the date, so that the
   * nightly runs that step and the ones after it only.
   */
  public static void succeededBefore(Lake lake, LocalDate day, String step) {
    RunLedger ledger = new RunLedger(lake);
    Instant now = Instant.now();
    for (Nightly.Step s : Nightly.STEPS) {
      if (s.name().equals(step)) {
        return;
      }
      ledger.record(
          new RunLedger.Entry(
              "seeded",
              s.name(),
              day,
              RunLedger.SUCCEEDED,
              now,
              now,
              Map.of(),
              Map.of(),
              null,
              null));
    }
    throw new IllegalArgumentException("no step " + step);
  }

  /** The night stopped at {@code step}, blocked: no step after it ran, publish included. */
  public static void assertBlockedAt(Lake lake, LocalDate day, String step) {
    Map<String, String> ran = new RunLedger(lake).latestStatus(day);
    assertThat(ran).containsEntry(step, RunLedger.BLOCKED);
    List<String> later =
        Nightly.STEPS.stream()
            .map(Nightly.Step::name)
            .dropWhile(n -> !n.equals(step))
            .skip(1)
            .toList();
    assertThat(ran)
        .as("nothing after %s ran, publish included", step)
        .doesNotContainKeys(later.toArray(String[]::new));
  }
}
