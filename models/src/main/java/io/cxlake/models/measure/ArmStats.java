package io.cxlake.models.measure;

import io.cxlake.models.impact.ArmSums;
import io.cxlake.models.impact.RatioArmSums;
import java.util.Map;

/**
 * One arm of one automation, as {@link ArmAggregation} summed it.
 *
 * @param sums per-user metric → sums of y (window) and x (pre-period), every user of the arm
 * @param aov Σrevenue / Σorders of the arm's users, for the delta method
 * @param naive per-user metric → sums over the users exposed the whole window, with y the window
 *     value and x the pre-period value scaled to the window's length: the naive before/after input
 */
public record ArmStats(Map<Metric, ArmSums> sums, RatioArmSums aov, Map<Metric, ArmSums> naive) {}
