package io.cxlake.jobs.bench;

/**
 * One measured thing: its wall time (the median of {@code runs} where it was repeated), the rows it
 * handled and the driver's peak live heap while it ran. {@code note} says what was skipped or why.
 */
public record Measure(
    String group,
    String name,
    double seconds,
    long rows,
    int runs,
    long peakHeapBytes,
    String note) {

  public static Measure skipped(String group, String name, String why) {
    return new Measure(group, name, Double.NaN, 0, 0, 0, why);
  }

  public boolean measured() {
    return runs > 0 && !Double.isNaN(seconds);
  }

  /** Rows per second, or NaN without rows or time. */
  public double rowsPerSecond() {
    return rows > 0 && seconds > 0 ? rows / seconds : Double.NaN;
  }
}
