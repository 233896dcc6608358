package io.cxlake.jobs.serving;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a publish did: the version now current, rows per table, versions dropped, time taken. */
public record PublishResult(
    String store, Version version, Map<String, Long> rows, List<Long> dropped, Duration elapsed) {

  public String summary() {
    return "published version "
        + version.id()
        + " (run-date "
        + version.runDate()
        + ") to "
        + store
        + ": "
        + rows
        + " rows in "
        + elapsed.toMillis()
        + " ms; dropped versions "
        + dropped;
  }
}
