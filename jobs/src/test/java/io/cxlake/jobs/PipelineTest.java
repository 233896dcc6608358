package io.cxlake.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.RunLedger;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@link Pipeline#step} adds around a step: Spark labels, the ledger row, a gate's block. */
@ExtendWith(SparkExtension.class)
class PipelineTest {
  private static final LocalDate D = LocalDate.of(2026, 10, 5);

  private static Pipeline pipeline(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    return new Pipeline(
        ConfigLoader.load(null, List.of("lake.root=" + lake.root())),
        spark,
        new Secrets(k -> null));
  }

  @Test
  void aStepsSparkJobsRunInItsJobGroupAndEachLakeWriteSaysWhatItWrites(SparkSession spark)
      throws Exception {
    Pipeline p = pipeline(spark);
    List<String[]> seen = new CopyOnWriteArrayList<>();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart e) {
            seen.add(
                new String[] {
                  e.properties().getProperty("spark.jobGroup.id"),
                  e.properties().getProperty("spark.job.description")
                });
          }
        };
    spark.sparkContext().addSparkListener(listener);
    try {
      long rows =
          p.step("count-things", D, List.of(), () -> spark.range(5).count(), n -> result(n));
      assertThat(rows).isEqualTo(5);
      long deadline = System.currentTimeMillis() + 10_000;
      while (seen.stream().noneMatch(s -> s[1] != null && s[1].contains("append runs"))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup("count-things")).isNotEmpty();
    assertThat(seen)
        .as("every job of the step is in its group, described as the step and its date")
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s[0]).isEqualTo("count-things");
              assertThat(s[1]).startsWith("cxlake count-things " + D);
            });
    assertThat(seen).anySatisfy(s -> assertThat(s[1]).endsWith(": append runs"));
    assertThat(spark.sparkContext().getLocalProperty("spark.jobGroup.id")).isNull();
  }

  @Test
  void aBlockedResultKeepsTheStepsWritesRecordsItBlockedAndThrows(SparkSession spark) {
    Pipeline p = pipeline(spark);
    assertThatThrownBy(
            () ->
                p.step(
                    "judge",
                    D,
                    List.of(Table.COSTS),
                    () -> {
                      p.lake().create(Table.COSTS);
                      return 0L;
                    },
                    n -> new Pipeline.StepResult(Map.of("n", n), "the model is worse", true)))
        .isInstanceOf(GateBlockedException.class)
        .hasMessage("judge for " + D + ": the model is worse");
    assertThat(p.lake().exists(Table.COSTS)).as("the gate's evidence stays").isTrue();
    assertThat(new RunLedger(p.lake()).latestStatus(D)).containsEntry("judge", RunLedger.BLOCKED);
    assertThat(p.history())
        .singleElement()
        .satisfies(e -> assertThat(e.counts()).isEqualTo(Map.of("n", 0L)));
  }

  private static Pipeline.StepResult result(long n) {
    return new Pipeline.StepResult(Map.of("rows", n), "counted " + n);
  }
}
