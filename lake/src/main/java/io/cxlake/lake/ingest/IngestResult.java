package io.cxlake.lake.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one ingest run did, per source; each satisfies read = written + quarantined + duplicates +
 * erased (rows of users with a standing erasure, dropped unstored).
 */
public record IngestResult(Map<String, SourceCounts> sources) {

  /** Counts of one source for one run. */
  public record SourceCounts(
      long read,
      long written,
      long duplicates,
      Map<String, Long> quarantinedByReason,
      long erased) {

    /** Counts of a source that nobody was erased from. */
    public SourceCounts(
        long read, long written, long duplicates, Map<String, Long> quarantinedByReason) {
      this(read, written, duplicates, quarantinedByReason, 0);
    }

    public long quarantined() {
      return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean reconciles() {
      return read == written + quarantined() + duplicates + erased;
    }
  }

  /** Totals plus per-source and per-reason counts, flat, for the run ledger. */
  public Map<String, Long> counts() {
    Map<String, Long> c = new TreeMap<>();
    sources.forEach(
        (name, s) -> {
          c.merge("read", s.read(), Long::sum);
          c.merge("written", s.written(), Long::sum);
          c.merge("quarantined", s.quarantined(), Long::sum);
          c.merge("duplicates", s.duplicates(), Long::sum);
          c.merge("erased", s.erased(), Long::sum);
          c.put(name + ".read", s.read());
          c.put(name + ".written", s.written());
          c.put(name + ".duplicates", s.duplicates());
          s.quarantinedByReason().forEach((r, n) -> c.merge("quarantined." + r, n, Long::sum));
        });
    return c;
  }

  public boolean reconciles() {
    return sources.values().stream().allMatch(SourceCounts::reconciles);
  }

  /** One line for logs and the console. */
  public String summary() {
    Map<String, Long> c = counts();
    Map<String, Long> reasons = new LinkedHashMap<>();
    c.forEach(
        (k, v) -> {
          if (k.startsWith("quarantined.")) {
            reasons.put(k.substring("quarantined.".length()), v);
          }
        });
    return String.format(
        "read %d = written %d + quarantined %d + duplicates %d%s%s",
        c.getOrDefault("read", 0L),
        c.getOrDefault("written", 0L),
        c.getOrDefault("quarantined", 0L),
        c.getOrDefault("duplicates", 0L),
        c.getOrDefault("erased", 0L) == 0 ? "" : " + erased " + c.get("erased"),
        reasons.isEmpty() ? "" : " " + reasons);
  }
}
