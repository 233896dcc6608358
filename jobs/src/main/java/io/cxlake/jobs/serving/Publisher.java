package io.cxlake.jobs.serving;

import io.cxlake.lake.fault.FaultPause;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one run's scores as a new version, in phases:
 *
 * <ol>
 *   <li>guard: a run-date older than the current version's is refused unless forced;
 *   <li>begin: a new, invisible version (leftovers of a killed publish are removed first);
 *   <li>write: every table's rows, then indexes;
 *   <li>validate: entries per table equal the source's (rows, or keys for a store that groups by
 *       key), and a sample of keys reads back exactly the source rows;
 *   <li>flip: the pointer moves to the new version atomically;
 *   <li>prune: published versions beyond the retained number are dropped.
 * </ol>
 *
 * A failure before the flip drops the new version and leaves the current one serving.
 */
public final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
  static final int SAMPLE_KEYS = 25;

  private Publisher() {}

  public static PublishResult publish(
      ServingStore store, Scores scores, LocalDate runDate, boolean force, int retain) {
    Instant start = Instant.now();
    Version probe = new Version(0, runDate, Version.WRITING, start);
    VersionRules.checkNotLate(store.current(), probe, force);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (ServingTable t : ServingTable.values()) {
      rows.put(t.storeName(), scores.rows(t));
    }
    if (rows.values().stream().allMatch(n -> n == 0)) {
      throw new PublishRefused(
          "nothing to publish for run-date "
              + runDate
              + ": the score tables have no rows for it; the current version stays");
    }
    Version v = store.begin(runDate);
    LOG.info("publish to {}: writing version {} for {}", store.describe(), v.id(), runDate);
    long written;
    long validated;
    try {
      long t0 = System.nanoTime();
      long sealing = 0;
      for (ServingTable t : ServingTable.values()) {
        scores.write(t, v.id());
        long s0 = System.nanoTime();
        store.seal(v.id(), t);
        sealing += System.nanoTime() - s0;
        FaultPause.at("mid:publish"); // crash tests: part of the version written, no flip yet
      }
      written = System.nanoTime();
      validate(store, scores, v.id());
      validated = System.nanoTime();
      store.flip(v.id(), force);
      LOG.info(
          "version {}: written in {} ms (sealed in {} ms of them), validated in {} ms,"
              + " flipped in {} ms",
          v.id(),
          (written - t0) / 1_000_000,
          sealing / 1_000_000,
          (validated - written) / 1_000_000,
          (System.nanoTime() - validated) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.error("publish of version {} failed, dropping it: {}", v.id(), e.toString());
      try {
        store.abandon(v.id());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup); // the next publish removes it instead
      }
      throw e;
    }
    List<Long> dropped = List.of();
    try {
      dropped = store.prune(retain);
    } catch (RuntimeException e) {
      // The new version is served; old ones linger until the next publish prunes them.
      LOG.warn("version {} is current, but dropping old versions failed: {}", v.id(), e.toString());
    }
    Version published = store.current().orElseThrow();
    return new PublishResult(
        store.describe(), published, rows, dropped, Duration.between(start, Instant.now()));
  }

  /** Counts and a sample read back; throws {@link PublishRefused} naming the first difference. */
  static void validate(ServingStore store, Scores scores, long version) {
    for (ServingTable t : ServingTable.values()) {
      long expected = store.groupsByKey() ? scores.keys(t) : scores.rows(t);
      long actual = store.count(version, t);
      if (expected != actual) {
        throw new PublishRefused(
            "version "
                + version
                + " failed validation: "
                + t.storeName()
                + " has "
                + actual
                + (store.groupsByKey() ? " keys" : " rows")
                + " in "
                + store.describe()
                + ", the run has "
                + expected);
      }
      for (Map.Entry<String, List<List<Object>>> e : scores.sample(t, SAMPLE_KEYS).entrySet()) {
        List<List<Object>> back = store.lookup(version, t, e.getKey());
        if (!back.equals(e.getValue())) {
          throw new PublishRefused(
              "version "
                  + version
                  + " failed validation: "
                  + t.storeName()
                  + " key '"
                  + e.getKey()
                  + "' reads back "
                  + back
                  + ", the run has "
                  + e.getValue());
        }
      }
    }
  }
}
