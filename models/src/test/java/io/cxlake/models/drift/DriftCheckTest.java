package io.cxlake.models.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.testing.SparkExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class DriftCheckTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("discount_depth", DataTypes.DoubleType)
          .add("unit_price", DataTypes.DoubleType)
          .add("quantity", DataTypes.IntegerType)
          .add("category", DataTypes.StringType);
  private static final String[] CATEGORIES = {"shoes", "dresses", "bags", "toys", "kitchen"};

  /** Lines whose discount is drawn from [low, low + 0.3), with a share of a new category. */
  private static List<Row> lines(long seed, int n, double low, double newCategoryShare) {
    Random r = new Random(seed);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String category =
          r.nextDouble() < newCategoryShare ? "garden" : CATEGORIES[r.nextInt(CATEGORIES.length)];
      out.add(
          RowFactory.create(
              low + 0.3 * r.nextDouble(),
              Math.exp(3 + 0.5 * r.nextGaussian()),
              r.nextDouble() < 0.05 ? null : 1 + r.nextInt(3),
              category));
    }
    return out;
  }

  private static Map<String, DriftCheck.FeatureDrift> compare(
      SparkSession spark, List<Row> ref, List<Row> cur) {
    Dataset<Row> a = spark.createDataFrame(ref, SCHEMA);
    Dataset<Row> b = spark.createDataFrame(cur, SCHEMA);
    return DriftCheck.compare(
            a, b, List.of("discount_depth", "unit_price", "quantity"), List.of("category"), 10)
        .stream()
        .collect(Collectors.toMap(DriftCheck.FeatureDrift::feature, d -> d));
  }

  @Test
  void aPlantedDriftInOneFeatureStandsOutAndTheOthersStayStable(SparkSession spark) {
    List<Row> ref = lines(1, 3000, 0.0, 0);
    Map<String, DriftCheck.FeatureDrift> same = compare(spark, ref, lines(2, 2000, 0.0, 0));
    same.values().forEach(d -> assertThat(d.psi()).as(d.feature()).isLessThan(0.1));

    Map<String, DriftCheck.FeatureDrift> drifted = compare(spark, ref, lines(3, 2000, 0.2, 0.3));
    assertThat(drifted.get("discount_depth").psi()).isGreaterThan(0.25);
    assertThat(drifted.get("category").psi()).as("a new level in 30%").isGreaterThan(0.25);
    assertThat(drifted.get("unit_price").psi()).isLessThan(0.1);
    assertThat(drifted.get("quantity").psi()).isLessThan(0.1);
    assertThat(drifted.get("discount_depth").referenceRows()).isEqualTo(3000);
    assertThat(drifted.get("discount_depth").currentRows()).isEqualTo(2000);
  }

  @Test
  void agreesWithThePlainJavaPsiOnExactQuantiles(SparkSession spark) {
    List<Row> ref = lines(4, 3000, 0.0, 0);
    List<Row> cur = lines(5, 1500, 0.03, 0);
    double[] r = ref.stream().mapToDouble(x -> x.getDouble(0)).toArray();
    double[] c = cur.stream().mapToDouble(x -> x.getDouble(0)).toArray();
    double[] edges = Psi.edges(r, 10);
    double plain = Psi.of(Psi.histogram(r, edges), Psi.histogram(c, edges));
    // Spark's quantiles are approximate (relative error 0.001): a few lines change bins.
    assertThat(plain).isBetween(0.05, 2.0);
    assertThat(compare(spark, ref, cur).get("discount_depth").psi())
        .isCloseTo(plain, org.assertj.core.api.Assertions.withinPercentage(5));
  }

  @Test
  void anEmptyPopulationGivesNoIndexRatherThanAnError(SparkSession spark) {
    Map<String, DriftCheck.FeatureDrift> d = compare(spark, lines(6, 100, 0, 0), List.of());
    assertThat(d.get("unit_price").psi()).isNaN();
    assertThat(d.get("unit_price").currentRows()).isZero();
  }
}
