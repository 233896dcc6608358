package io.cxlake.jobs.serving;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version in a serving store: its id (increasing per store), the run-date whose scores it
 * holds, and whether it is still being written or was published (validated and flipped to at least
 * once). Only published versions can be served or rolled back to.
 */
public record Version(long id, LocalDate runDate, String status, Instant createdAt) {
  public static final String WRITING = "writing";
  public static final String PUBLISHED = "published";

  public boolean published() {
    return PUBLISHED.equals(status);
  }
}
