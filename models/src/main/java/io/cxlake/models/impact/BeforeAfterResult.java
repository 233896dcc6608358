package io.cxlake.models.impact;

/**
 * The naive before/after estimate: the treated users' mean after minus their mean before, with a
 * paired t interval. It has no control group, so seasonality and coinciding campaigns count as
 * lift; it is shown beside the holdout estimate, always under {@link #LABEL}.
 */
public record BeforeAfterResult(
    long n,
    double meanBefore,
    double meanAfter,
    double change,
    double se,
    Interval ci,
    double pValue) {

  public static final String LABEL = "naive before/after (no control group)";

  public String label() {
    return LABEL;
  }
}
