package io.cxlake.models.measure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The dates one automation is measured over. A user's outcomes count from max(their assignment day,
 * {@code start}) to {@code end} inclusive; the pre-period [{@code preStart}, {@code preEnd}] ends
 * the day before the automation's first assignment, so nothing in it can be an effect of the
 * automation (CUPED needs a covariate independent of the arm). An empty pre-period has {@code
 * preStart} after {@code preEnd}.
 */
public record AnalysisWindow(
    String automation, LocalDate start, LocalDate end, LocalDate preStart, LocalDate preEnd) {

  /**
   * @param firstAssigned the automation's first assignment day
   * @param firstDataDay the first day the lake has data: a pre-period before it would be zeros
   * @param runDate the window's last day
   * @param windowDays the window's length in days, 0 for "since the first assignment"
   * @param preDays the pre-period's length before clipping
   */
  public static AnalysisWindow of(
      String automation,
      LocalDate firstAssigned,
      LocalDate firstDataDay,
      LocalDate runDate,
      int windowDays,
      int preDays) {
    LocalDate start = firstAssigned;
    if (windowDays > 0 && runDate.minusDays(windowDays - 1).isAfter(start)) {
      start = runDate.minusDays(windowDays - 1);
    }
    LocalDate preEnd = firstAssigned.minusDays(1);
    LocalDate preStart = preEnd.minusDays(preDays - 1);
    if (firstDataDay.isAfter(preStart)) {
      preStart = firstDataDay;
    }
    return new AnalysisWindow(automation, start, runDate, preStart, preEnd);
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** Days in the pre-period; 0 when it is empty. */
  public int preDays() {
    return Math.max(0, (int) ChronoUnit.DAYS.between(preStart, preEnd) + 1);
  }
}
