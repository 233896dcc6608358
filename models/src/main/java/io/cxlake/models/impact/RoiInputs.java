package io.cxlake.models.impact;

/**
 * What one automation's ROI over a window needs. Lifts are absolute lifts per eligible user from
 * the holdout comparison (treatment − holdout), each with its standard error; a negative lift in
 * agent minutes or returned items is a saving.
 *
 * @param netRevenueLift lift in revenue net of returns per user
 * @param grossMargin share of net revenue that is gross profit, in [0, 1]
 * @param agentMinutesLift lift in support agent minutes per user
 * @param costPerAgentMinute fully loaded cost of one agent minute
 * @param returnedItemsLift lift in returned items per user
 * @param costPerReturnedItem cost of processing one returned item
 * @param incentiveCostPerUser incentives (discounts, vouchers) per eligible user, known exactly
 * @param eligibleUsers the whole eligible population the automation serves, not only the sample
 * @param operatingCost inference compute, operations and maintenance over the window; > 0
 * @param windowDays length of the window in days; > 0
 */
public record RoiInputs(
    Estimate netRevenueLift,
    double grossMargin,
    Estimate agentMinutesLift,
    double costPerAgentMinute,
    Estimate returnedItemsLift,
    double costPerReturnedItem,
    double incentiveCostPerUser,
    long eligibleUsers,
    double operatingCost,
    int windowDays) {

  public RoiInputs {
    if (!(grossMargin >= 0 && grossMargin <= 1)) {
      throw new IllegalArgumentException("grossMargin must lie in [0, 1], got " + grossMargin);
    }
    if (eligibleUsers < 0) {
      throw new IllegalArgumentException("eligibleUsers must be >= 0, got " + eligibleUsers);
    }
    if (!(operatingCost > 0)) {
      throw new IllegalArgumentException(
          "operatingCost must be > 0 (ROI divides by it), got " + operatingCost);
    }
    if (windowDays <= 0) {
      throw new IllegalArgumentException("windowDays must be > 0, got " + windowDays);
    }
  }

  /** An automation judged on revenue alone: no support or returns effect, no incentive. */
  public static RoiInputs revenueOnly(
      Estimate netRevenueLift,
      double grossMargin,
      long eligibleUsers,
      double operatingCost,
      int windowDays) {
    return new RoiInputs(
        netRevenueLift,
        grossMargin,
        Estimate.ZERO,
        0,
        Estimate.ZERO,
        0,
        0,
        eligibleUsers,
        operatingCost,
        windowDays);
  }
}
