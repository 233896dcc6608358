package io.cxlake.models.impact;

import java.util.Arrays;

/**
 * Sample-ratio mismatch: Pearson's goodness-of-fit χ² = Σ (observed − expected)² / expected with k
 * − 1 degrees of freedom. The threshold is strict (p &lt; 0.001) because the check runs on every
 * automation every night and a flag discards the result.
 */
public final class SampleRatioMismatch {

  public static final double ALPHA = 0.001;

  private SampleRatioMismatch() {}

  /** Two arms: treatment and holdout counts against the configured treatment share. */
  public static SrmResult check(long treatment, long holdout, double treatmentShare) {
    return check(
        new long[] {treatment, holdout}, new double[] {treatmentShare, 1 - treatmentShare});
  }

  /**
   * @param counts users assigned to each arm
   * @param shares configured share of each arm; normalised, so weights such as {90, 10} work too
   */
  public static SrmResult check(long[] counts, double[] shares) {
    if (counts.length != shares.length || counts.length < 2) {
      throw new IllegalArgumentException(
          "need one configured share per arm and at least two arms, got counts "
              + Arrays.toString(counts)
              + " and shares "
              + Arrays.toString(shares));
    }
    double total = Arrays.stream(counts).sum();
    double shareSum = Arrays.stream(shares).sum();
    double chi2 = 0;
    for (int i = 0; i < counts.length; i++) {
      if (!(shares[i] > 0) || counts[i] < 0) {
        throw new IllegalArgumentException(
            "shares must be > 0 and counts >= 0, got share "
                + shares[i]
                + " and count "
                + counts[i]
                + " for arm "
                + i);
      }
      double expected = total * shares[i] / shareSum;
      double d = counts[i] - expected;
      chi2 += total == 0 ? 0 : d * d / expected;
    }
    int df = counts.length - 1;
    double p = Distributions.chiSquaredUpperTail(chi2, df);
    return new SrmResult(chi2, df, p, p < ALPHA);
  }
}
