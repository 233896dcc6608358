package io.cxlake.models.evaluation;

import java.util.Arrays;

/**
 * Ranking and probability metrics of a binary classifier: AUC-ROC, AUC-PR (average precision),
 * Brier score. Plain arithmetic over scores and 0/1 labels, so Spark only collects the pairs.
 *
 * <p>Tied scores are one threshold: AUC-ROC gives a tied positive/negative pair half a point (the
 * Mann-Whitney statistic with mid-ranks), and average precision steps once per distinct score. A
 * metric that needs both classes refuses a one-class input rather than return a made-up 0.5.
 */
public final class BinaryMetrics {
  private BinaryMetrics() {}

  /** Area under the ROC curve: P(score of a random positive > that of a random negative). */
  public static double aucRoc(double[] scores, int[] labels) {
    Sorted s = Sorted.of(scores, labels, "AUC-ROC");
    s.requireBothClasses("AUC-ROC");
    // Ascending by score; a tie group's negatives below count half for its positives.
    double wins = 0;
    long negativesBelow = 0;
    int i = s.n - 1;
    while (i >= 0) {
      int j = i;
      long pos = 0;
      long neg = 0;
      while (j >= 0 && s.scores[j] == s.scores[i]) {
        if (s.labels[j] == 1) {
          pos++;
        } else {
          neg++;
        }
        j--;
      }
      wins += pos * (negativesBelow + neg / 2.0);
      negativesBelow += neg;
      i = j;
    }
    return wins / ((double) s.positives * s.negatives());
  }

  /**
   * Area under the precision-recall curve as average precision: the sum over distinct thresholds,
   * highest first, of (recall gained) × (precision at that threshold). Needs a positive.
   */
  public static double aucPr(double[] scores, int[] labels) {
    Sorted s = Sorted.of(scores, labels, "AUC-PR");
    if (s.positives == 0) {
      throw new IllegalArgumentException(
          "AUC-PR is undefined: none of the " + s.n + " labels is 1 (needs a positive)");
    }
    double ap = 0;
    long tp = 0;
    long seen = 0;
    int i = 0;
    while (i < s.n) {
      int j = i;
      long gained = 0;
      while (j < s.n && s.scores[j] == s.scores[i]) {
        gained += s.labels[j];
        j++;
      }
      tp += gained;
      seen += j - i;
      ap += (double) gained / s.positives * ((double) tp / seen);
      i = j;
    }
    return ap;
  }

  /** Mean squared difference between the probability and the 0/1 outcome. */
  public static double brier(double[] probabilities, int[] labels) {
    Sorted.check(probabilities, labels, "Brier score");
    Probabilities.require(probabilities, "Brier score");
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double d = probabilities[i] - labels[i];
      sum += d * d;
    }
    return sum / probabilities.length;
  }

  /** Scores sorted descending with their labels; validates the input once. */
  private record Sorted(double[] scores, int[] labels, int n, long positives) {
    long negatives() {
      return n - positives;
    }

    void requireBothClasses(String metric) {
      if (positives == 0 || positives == n) {
        throw new IllegalArgumentException(
            metric
                + " is undefined: all "
                + n
                + " labels are "
                + (positives == 0 ? 0 : 1)
                + " (needs both classes)");
      }
    }

    static void check(double[] scores, int[] labels, String metric) {
      if (scores.length != labels.length) {
        throw new IllegalArgumentException(
            metric + ": " + scores.length + " scores but " + labels.length + " labels");
      }
      if (scores.length == 0) {
        throw new IllegalArgumentException(metric + " is undefined on no examples");
      }
      for (int i = 0; i < scores.length; i++) {
        if (labels[i] != 0 && labels[i] != 1) {
          throw new IllegalArgumentException(
              metric + ": label " + labels[i] + " at " + i + " is neither 0 nor 1");
        }
        if (Double.isNaN(scores[i])) {
          throw new IllegalArgumentException(metric + ": score at " + i + " is NaN");
        }
      }
    }

    static Sorted of(double[] scores, int[] labels, String metric) {
      check(scores, labels, metric);
      Integer[] idx = new Integer[scores.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a]));
      double[] s = new double[idx.length];
      int[] l = new int[idx.length];
      long pos = 0;
      for (int i = 0; i < idx.length; i++) {
        s[i] = scores[idx[i]];
        l[i] = labels[idx[i]];
        pos += l[i];
      }
      return new Sorted(s, l, s.length, pos);
    }
  }
}
