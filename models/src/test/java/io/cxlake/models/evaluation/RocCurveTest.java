package io.cxlake.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {
  /** Area under the points by the trapezoid rule. */
  private static double area(List<RocCurve.Point> pts) {
    double a = 0;
    for (int i = 1; i < pts.size(); i++) {
      RocCurve.Point p = pts.get(i - 1);
      RocCurve.Point q = pts.get(i);
      a += (q.fpr() - p.fpr()) * (q.tpr() + p.tpr()) / 2;
    }
    return a;
  }

  @Test
  void theFullCurveEnclosesTheAucOfTheRankStatisticTiesIncluded() {
    Random rnd = new Random(7);
    int n = 2000;
    double[] s = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
      // Rounded to two decimals: many ties, which the curve must take as one step.
      s[i] = Math.round((rnd.nextGaussian() + y[i]) * 100) / 100.0;
    }
    List<RocCurve.Point> full = RocCurve.of(s, y, Integer.MAX_VALUE);
    assertThat(full.get(0)).isEqualTo(new RocCurve.Point(Double.POSITIVE_INFINITY, 0, 0));
    assertThat(full.get(full.size() - 1).fpr()).isEqualTo(1.0);
    assertThat(full.get(full.size() - 1).tpr()).isEqualTo(1.0);
    assertThat(area(full)).isCloseTo(BinaryMetrics.aucRoc(s, y), offset(1e-12));
    for (int i = 1; i < full.size(); i++) {
      assertThat(full.get(i).threshold()).isLessThan(full.get(i - 1).threshold());
      assertThat(full.get(i).fpr()).isGreaterThanOrEqualTo(full.get(i - 1).fpr());
      assertThat(full.get(i).tpr()).isGreaterThanOrEqualTo(full.get(i - 1).tpr());
    }

    List<RocCurve.Point> thin = RocCurve.of(s, y, 21);
    assertThat(thin).hasSize(21);
    assertThat(thin.get(0)).isEqualTo(full.get(0));
    assertThat(thin.get(20)).isEqualTo(full.get(full.size() - 1));
    assertThat(full).containsAll(thin);
    assertThat(area(thin)).isCloseTo(area(full), offset(0.01));
  }

  @Test
  void oneClassHasNoCurve() {
    assertThatThrownBy(() -> RocCurve.of(new double[] {0.1, 0.2}, new int[] {0, 0}, 10))
        .hasMessageContaining("both classes");
  }
}
