package io.cxlake.jobs.bench;

import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.serving.BulkFloor;
import io.cxlake.jobs.serving.Publisher;
import io.cxlake.jobs.serving.ServingException;
import io.cxlake.jobs.serving.ServingStore;
import io.cxlake.jobs.serving.ServingTable;
import io.cxlake.jobs.serving.SparkScores;
import io.cxlake.jobs.serving.StoreSpec;
import java.time.LocalDate;

/**
 * Publish of a run's scores to a store, whole (write a version, index, validate, flip, prune),
 * against the store's raw bulk floor ({@link BulkFloor}) for the same rows, in the same run. A
 * store that is not configured or not reachable is reported as skipped, with the reason.
 */
final class PublishRace {
  static final String GROUP = "publish";

  private PublishRace() {}

  static String publish(String store) {
    return store + " publish";
  }

  static String floor(String store) {
    return store + " bulk floor";
  }

  static void run(Pipeline p, LocalDate day, String store, Stopwatch w, int repeats)
      throws Exception {
    StoreSpec spec = StoreSpec.of(p.config().serving(), p.secrets(), store);
    try (ServingStore probe = spec.open()) {
      probe.current(); // reachable
    } catch (ServingException | IllegalArgumentException e) {
      w.add(Measure.skipped(GROUP, publish(store), "not measured: " + e.getMessage()));
      w.add(Measure.skipped(GROUP, floor(store), "not measured: " + e.getMessage()));
      return;
    }
    w.repeat(
        GROUP,
        publish(store),
        repeats,
        () -> {
          try (ServingStore target = spec.open();
              SparkScores scores = new SparkScores(p.lake(), day, spec)) {
            return Publisher.publish(target, scores, day, true, spec.retainVersions())
                .rows()
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .sum();
          }
        });
    w.repeat(
        GROUP,
        floor(store),
        repeats,
        () -> {
          long n = 0;
          for (ServingTable t : ServingTable.values()) {
            n += BulkFloor.load(spec, t, SparkScores.rows(p.lake(), t, day));
          }
          return n;
        });
    BulkFloor.clean(spec);
  }
}
