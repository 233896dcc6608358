package io.cxlake.lake.sim;

import java.time.LocalDate;

/** The size and seed of a simulated shop. */
public record SimParams(
    long seed, int users, int items, int days, double badRate, LocalDate firstDay)
    implements java.io.Serializable {

  public SimParams {
    if (users < 1 || items < 10 || days < 3) {
      throw new IllegalArgumentException("need users >= 1, items >= 10, days >= 3");
    }
    if (badRate < 0 || badRate > 0.5) {
      throw new IllegalArgumentException("bad rate must lie in [0, 0.5], got " + badRate);
    }
  }

  public static SimParams defaults() {
    return new SimParams(42, 2000, 300, 30, 0.01, LocalDate.of(2026, 10, 1));
  }

  public LocalDate lastDay() {
    return firstDay.plusDays(days - 1);
  }

  /** Day index at which automations start (the days before it are the pre-period). */
  public int experimentStart() {
    return days / 3;
  }

  public LocalDate day(int index) {
    return firstDay.plusDays(index);
  }
}
