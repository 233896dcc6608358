package io.cxlake.models.impact;

/** One arm's size, mean and sample variance of a per-user outcome. */
public record ArmMoments(long n, double mean, double variance) {

  /** Variance of the arm's mean: s² / n. */
  public double varianceOfMean() {
    return variance / n;
  }
}
