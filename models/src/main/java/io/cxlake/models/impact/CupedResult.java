package io.cxlake.models.impact;

/**
 * A CUPED-adjusted lift beside the unadjusted one. {@code widthRatio} = adjusted interval width /
 * unadjusted width: how much the interval narrowed (about √(1 − ρ²) for a covariate with
 * correlation ρ).
 */
public record CupedResult(
    double theta, LiftResult unadjusted, LiftResult adjusted, double widthRatio) {}
