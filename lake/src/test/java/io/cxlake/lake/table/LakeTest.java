package io.cxlake.lake.table;

import static io.cxlake.lake.testing.Rows.assertRows;
import static io.cxlake.lake.testing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class LakeTest {
  private static final Date D1 = Date.valueOf("2026-01-01");

  private static Dataset<Row> costs(SparkSession spark, Object[]... rows) {
    return spark.createDataFrame(
        java.util.Arrays.stream(rows).map(RowFactory::create).toList(), Table.COSTS.schema());
  }

  @Test
  void insertNewIsIdempotentAndUpsertKeepsNewest(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    Dataset<Row> a = costs(spark, new Object[] {D1, "recs", "compute", 1.0, D1});
    assertThat(lake.insertNew(Table.COSTS, a)).isEqualTo(1);
    assertThat(lake.insertNew(Table.COSTS, a)).isZero();
    assertThat(lake.read(Table.COSTS).count()).isEqualTo(1);

    Dataset<Row> newer =
        costs(spark, new Object[] {D1, "recs", "compute", 2.0, Date.valueOf("2026-01-02")});
    Map<String, Long> m = lake.upsert(Table.COSTS, newer, "ingest_date");
    assertThat(m).containsEntry("updated", 1L).containsEntry("inserted", 0L);
    lake.upsert(Table.COSTS, a, "ingest_date"); // an older replay changes nothing
    assertRows(lake.read(Table.COSTS).select("amount"), row(2.0));
  }

  @Test
  void replacePartitionTouchesOnlyThatDate(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    Dataset<Row> q =
        spark.createDataFrame(
            List.of(
                RowFactory.create("events", "f1", "{", "malformed", null, D1),
                RowFactory.create(
                    "events", "f2", "{", "malformed", null, Date.valueOf("2026-01-02"))),
            Table.QUARANTINE.schema());
    lake.append(Table.QUARANTINE, q);
    Dataset<Row> again =
        spark.createDataFrame(
            List.of(RowFactory.create("orders", "f3", "x", "missing_id", "order_id", D1)),
            Table.QUARANTINE.schema());
    lake.replacePartition(Table.QUARANTINE, LocalDate.of(2026, 1, 1), again);
    assertRows(lake.read(Table.QUARANTINE).select("source_file"), row("f2"), row("f3"));
  }

  @Test
  void conformNamesAMissingColumn(SparkSession spark) {
    Dataset<Row> noAmount = spark.sql("select date'2026-01-01' as date, 'a' as automation");
    assertThatThrownBy(() -> Lake.conform(Table.COSTS, noAmount))
        .hasMessageContaining("cost_type")
        .hasMessageContaining("costs");
  }

  @Test
  void restoreUndoesWritesAndRemovesCreatedTables(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    lake.append(Table.COSTS, costs(spark, new Object[] {D1, "recs", "compute", 1.0, D1}));
    Map<TableDef, Long> before = lake.versions(List.of(Table.COSTS, Table.RUNS));
    lake.append(Table.COSTS, costs(spark, new Object[] {D1, "bot", "compute", 5.0, D1}));
    lake.create(Table.RUNS);
    lake.restore(before);
    assertRows(lake.read(Table.COSTS).select("automation"), row("recs"));
    assertThat(lake.exists(Table.RUNS)).isFalse();
  }
}
