package io.cxlake.models.kpi;

import java.time.LocalDate;

/**
 * The dates a kpis run for run-date R rewrites, and which repeat-purchase windows have closed by
 * then. A day's repeat rate needs the orders of the following 90 days, and its returns keep
 * arriving, so each run recomputes R − 90 … R: every date whose longest window is still open, plus
 * the one whose window closes on R. Older dates are final and left alone.
 */
public record KpiWindow(LocalDate runDate) {
  /** The longest repeat-purchase window, in days. */
  public static final int LONGEST_DAYS = 90;

  public LocalDate first() {
    return runDate.minusDays(LONGEST_DAYS);
  }

  public LocalDate last() {
    return runDate;
  }

  /**
   * Whether the window of {@code days} after {@code day} has closed by the end of the run date: the
   * orders of day + 1 … day + days are all visible.
   */
  public boolean closed(LocalDate day, int days) {
    return !day.plusDays(days).isAfter(runDate);
  }

  /** The predicate of the partitions this run replaces. */
  public String predicate() {
    return "date >= DATE'" + first() + "' AND date <= DATE'" + last() + "'";
  }
}
