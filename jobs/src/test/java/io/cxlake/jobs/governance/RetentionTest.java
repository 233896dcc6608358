package io.cxlake.jobs.governance;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxlake.features.FeatureTable;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.Tables;
import io.cxlake.lake.config.ConfigError;
import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention deletes exactly the raw rows dated before each table's window, keeps the boundary day,
 * newer rows and every aggregate, VACUUMs with the safe retention, and records itself in the
 * ledger.
 */
@ExtendWith(SparkExtension.class)
class RetentionTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 23);

  @Test
  void deletesRawRowsOlderThanTheWindowKeepsAggregatesAndRecordsTheRun(SparkSession spark)
      throws Exception {
    Lake lake = TempLake.create(spark);
    int[] eventAges = {400, 396, 395, 394, 10, 0};
    List<Row> events = new ArrayList<>();
    for (int age : eventAges) {
      LocalDate day = D.minusDays(age);
      Timestamp ts = Timestamp.valueOf(day.atTime(12, 0));
      events.add(
          RowFactory.create(
              "e" + age,
              "u1",
              "s" + age,
              "page_view",
              null,
              ts,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              Date.valueOf(day),
              Date.valueOf(day)));
    }
    lake.append(Table.EVENTS, spark.createDataFrame(events, Table.EVENTS.schema()));
    List<Row> quarantine = new ArrayList<>();
    for (int age : new int[] {120, 91, 90, 5}) {
      quarantine.add(
          RowFactory.create(
              "events", "f", "{}", "malformed", null, Date.valueOf(D.minusDays(age))));
    }
    lake.append(Table.QUARANTINE, spark.createDataFrame(quarantine, Table.QUARANTINE.schema()));
    // An aggregate as old as the oldest events (date-partitioned too): not listed, so kept.
    lake.append(
        FeatureTable.ITEM_DAILY,
        spark.createDataFrame(
            List.of(RowFactory.create(Date.valueOf(D.minusDays(400)), "i1", 3L, 1L, 1L, 1L, 0L)),
            FeatureTable.ITEM_DAILY.schema()));

    Pipeline p =
        new Pipeline(
            ConfigLoader.load(
                null,
                List.of(
                    "lake.root=" + lake.root(),
                    "retention.days.quarantine=90",
                    "retention.days.tickets=0")),
            spark,
            Secrets.fromEnvironment());
    Retention.Result r = RetentionCommand.run(p, D);

    assertThat(ages(lake.read(Table.EVENTS), "event_date"))
        .containsExactlyInAnyOrder(395, 394, 10, 0);
    assertThat(ages(lake.read(Table.QUARANTINE), "ingest_date")).containsExactlyInAnyOrder(90, 5);
    assertThat(lake.read(FeatureTable.ITEM_DAILY).count()).isEqualTo(1);
    assertThat(r.rowsDeleted()).containsEntry("events", 2L).containsEntry("quarantine", 2L);
    assertThat(r.rowsDeleted()).doesNotContainKey("tickets"); // 0 keeps everything
    assertThat(r.cutoffs()).containsEntry("events", D.minusDays(395));
    for (Table t : List.of(Table.EVENTS, Table.QUARANTINE)) {
      List<Row> vacuum =
          DeltaTable.forPath(spark, lake.path(t))
              .history()
              .where(col("operation").equalTo("VACUUM START"))
              .select("operationParameters")
              .collectAsList();
      assertThat(vacuum).as("%s was vacuumed", t.shortName()).hasSize(1);
      Map<String, String> params = vacuum.get(0).getJavaMap(0);
      assertThat(params)
          .as("VACUUM START parameters")
          .containsValue(String.valueOf(168L * 3600_000));
    }
    Row ledger = lake.read(Table.RUNS).where("step = 'retention'").head();
    assertThat(ledger.<String>getAs("status")).isEqualTo("succeeded");
    Map<String, Long> counts = ledger.getJavaMap(ledger.fieldIndex("counts"));
    assertThat(counts).containsEntry("deleted.events", 2L).containsEntry("deleted.quarantine", 2L);

    // A second run deletes nothing more.
    assertThat(RetentionCommand.run(p, D).rowsDeleted()).containsEntry("events", 0L);
  }

  @Test
  void aTableThatIsUnknownOrNotDatePartitionedIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                Retention.tables(
                    Tables.ALL,
                    ConfigLoader.load(null, List.of("retention.days.evnts=30")).retention()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("retention.days.evnts");
    assertThatThrownBy(
            () ->
                Retention.tables(
                    Tables.ALL,
                    ConfigLoader.load(null, List.of("retention.days.customers=30")).retention()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("not partitioned by a date");
  }

  private static List<Integer> ages(Dataset<Row> rows, String dateCol) {
    return rows.select(dateCol).collectAsList().stream()
        .map(r -> (int) (D.toEpochDay() - r.getDate(0).toLocalDate().toEpochDay()))
        .toList();
  }
}
