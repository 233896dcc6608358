package io.cxlake.models.returnrisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.CxConfig.ReturnRiskSettings;
import io.cxlake.lake.testing.SparkExtension;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** When a lake is too young for a return-risk model, and when it is old enough. */
@ExtendWith(SparkExtension.class)
class NoModelYetTest {
  private static final ReturnRiskSettings S =
      new ReturnRiskSettings(30, 0.2, 0.2, 0.001, 20, 0.2, 0.4, 10, 1.5, 100, false);
  private static final StructType SCHEMA =
      new StructType()
          .add("ordered_at", DataTypes.TimestampType)
          .add("label", DataTypes.IntegerType);

  /** {@code n} lines an hour apart, line i returned when {@code returned} says so. */
  private static Dataset<Row> lines(SparkSession spark, int n, IntPredicate returned) {
    List<Row> rows = new ArrayList<>();
    Instant t = Instant.parse("2026-09-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      rows.add(
          RowFactory.create(Timestamp.from(t.plusSeconds(3600L * i)), returned.test(i) ? 1 : 0));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  @Test
  void noClosedReturnWindowMeansNoModelAndSaysWhichKeySetsTheWindow(SparkSession spark) {
    assertThat(ReturnRisk.whyNoModel(lines(spark, 0, i -> false), S))
        .hasValueSatisfying(
            why -> assertThat(why).contains("no order line's return window", "label-days = 30"));
  }

  @Test
  void aSliceWithoutReturnsMeansNoModelAndNamesTheSlice(SparkSession spark) {
    assertThat(ReturnRisk.whyNoModel(lines(spark, 100, i -> false), S))
        .hasValueSatisfying(
            why -> assertThat(why).contains("fit slice", "100 labelled lines (0 returned)"));
    // Returns only among the oldest 55 lines (the fit slice is the oldest 60%): the calibration
    // slice after it has none.
    assertThat(ReturnRisk.whyNoModel(lines(spark, 100, i -> i < 55 && i % 5 == 0), S))
        .hasValueSatisfying(why -> assertThat(why).contains("calibration slice", ", 0 returned"));
    // Every line of the newest 25% returned: the test slice (the newest 20%) has no kept line.
    assertThat(ReturnRisk.whyNoModel(lines(spark, 100, i -> i % 5 == 0 || i >= 75), S))
        .hasValueSatisfying(
            why -> {
              assertThat(why).contains("test slice", "needs both kept and returned");
              assertThat(why).doesNotContain(", 0 returned");
            });
  }

  @Test
  void bothKindsOfLineInEverySliceIsEnough(SparkSession spark) {
    assertThat(ReturnRisk.whyNoModel(lines(spark, 100, i -> i % 5 == 0), S)).isEmpty();
  }
}
