package io.cxlake.models.intents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses one intent's confidence threshold on validation predictions: the lowest threshold at
 * which the tickets predicted as the intent with at least that confidence reach the precision
 * target. The lowest such threshold automates the most tickets while keeping precision on target.
 * Tied confidences are taken or left together, so the threshold never splits them.
 */
public final class ThresholdSelection {
  private ThresholdSelection() {}

  /** One validation ticket predicted as the intent: the model's confidence and if it was right. */
  public record Prediction(double confidence, boolean correct) {}

  /**
   * The outcome: {@code threshold} null when no threshold meets the target with enough support (the
   * intent is never automated); otherwise precision and count of the validation tickets at or above
   * it.
   */
  public record Choice(Double threshold, double precision, int automated) {
    public static final Choice NONE = new Choice(null, Double.NaN, 0);

    public boolean automates(double confidence) {
      return threshold != null && confidence >= threshold;
    }
  }

  /**
   * @param predictions the validation tickets predicted as this intent
   * @param target the precision the automated tickets must reach, in (0, 1]
   * @param minSupport the fewest validation tickets a threshold may rest on
   */
  public static Choice choose(List<Prediction> predictions, double target, int minSupport) {
    List<Prediction> sorted = new ArrayList<>(predictions);
    sorted.sort(Comparator.comparingDouble(Prediction::confidence).reversed());
    Choice best = Choice.NONE;
    int n = 0;
    int correct = 0;
    int i = 0;
    while (i < sorted.size()) {
      double c = sorted.get(i).confidence();
      while (i < sorted.size() && sorted.get(i).confidence() == c) {
        n++;
        correct += sorted.get(i).correct() ? 1 : 0;
        i++;
      }
      double precision = (double) correct / n;
      // Compared in integers where it matters: 9/10 must meet a 0.9 target exactly.
      if (n >= minSupport && correct >= Math.ceil(target * n - 1e-9)) {
        best = new Choice(c, precision, n);
      }
    }
    return best;
  }
}
