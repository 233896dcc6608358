package io.cxlake.models.impact;

/**
 * ROI of an automation from its lifts.
 *
 * <p>Incremental gross profit per user G = margin·ΔnetRevenue − costPerMinute·ΔagentMinutes −
 * costPerReturn·ΔreturnedItems − incentive; scaled to the population, P = N·G; net benefit B = P −
 * C with C the operating cost; ROI = B / C. ROI is linear in the lifts, so under their normal
 * approximation it is normal too and the delta method is exact: sd(ROI) = N·sd(G) / C with Var(G) =
 * Σ (unit value)²·se². The lifts are treated as independent; they come from the same users, so a
 * strong correlation between metrics would make this interval somewhat off. Payback days = C / (P /
 * window days): how many days of incremental gross profit cover the operating cost.
 */
public final class Roi {

  private Roi() {}

  public static RoiResult of(RoiInputs in) {
    return of(in, WelchLift.CONFIDENCE);
  }

  public static RoiResult of(RoiInputs in, double confidence) {
    double perUser =
        in.grossMargin() * in.netRevenueLift().value()
            - in.costPerAgentMinute() * in.agentMinutesLift().value()
            - in.costPerReturnedItem() * in.returnedItemsLift().value()
            - in.incentiveCostPerUser();
    double perUserVar =
        square(in.grossMargin() * in.netRevenueLift().standardError())
            + square(in.costPerAgentMinute() * in.agentMinutesLift().standardError())
            + square(in.costPerReturnedItem() * in.returnedItemsLift().standardError());
    double n = in.eligibleUsers();
    double profit = n * perUser;
    double profitSe = n * Math.sqrt(perUserVar);
    double cost = in.operatingCost();
    double net = profit - cost;
    double roi = net / cost;
    double roiSe = profitSe / cost;
    Interval ci = Interval.around(roi, Distributions.zCritical(confidence) * roiSe);
    double pPositive = roiSe > 0 ? Distributions.normalCdf(roi / roiSe) : (roi > 0 ? 1 : 0);
    double payback = profit > 0 ? cost / (profit / in.windowDays()) : Double.POSITIVE_INFINITY;
    return new RoiResult(perUser, profit, profitSe, cost, net, roi, roiSe, ci, pPositive, payback);
  }

  private static double square(double x) {
    return x * x;
  }
}
