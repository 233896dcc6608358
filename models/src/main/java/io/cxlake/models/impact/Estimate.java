package io.cxlake.models.impact;

/** A point estimate with its standard error, the input the ROI propagation needs from a lift. */
public record Estimate(double value, double standardError) {

  public static final Estimate ZERO = new Estimate(0, 0);

  public Estimate {
    if (standardError < 0) {
      throw new IllegalArgumentException("standard error must be >= 0, got " + standardError);
    }
  }
}
