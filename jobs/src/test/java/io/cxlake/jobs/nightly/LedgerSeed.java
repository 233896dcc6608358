package io.cxlake.jobs.nightly;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.RunLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Ledger rows saying the nightly's steps before one succeeded for a date, so that {@code nightly
 * --from STEP} on a lake a test built by hand runs that step and the ones after it only.
 */
public final class LedgerSeed {
  private LedgerSeed() {}

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
}
