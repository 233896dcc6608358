package io.cxlake.jobs.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.Rows;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import io.cxlake.models.kpi.KpiTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code kpis} as the command line runs it: it writes the run-date's window of kpi_daily, a rerun
 * leaves the same rows, each run is in the ledger, and a date before the window is not touched.
 * (KpisTest in models checks the values themselves.)
 */
@ExtendWith(SparkExtension.class)
class KpisCommandTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 23);

  @Test
  void writesTheWindowAndARerunLeavesTheSameRows(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    LocalDate old = D.minusDays(91);
    lake.append(
        Table.EVENTS,
        spark.createDataFrame(
            List.of(
                event("e1", "u1", "page_view", D.atTime(9, 0, 0)),
                event("e2", "u1", "add_to_cart", D.atTime(9, 0, 12)),
                event("e3", "u2", "page_view", D.minusDays(3).atTime(9, 0)),
                event("e4", "u2", "page_view", old.atTime(9, 0))),
            Table.EVENTS.schema()));
    lake.append(
        Table.CUSTOMERS,
        spark.createDataFrame(
            List.of(customer("u1", "EU"), customer("u2", "US")), Table.CUSTOMERS.schema()));

    assertThat(kpis(lake)).isEqualTo(ExitCodes.OK);
    // Run-date − 91 is final: a row an earlier run left there stays as it is.
    Row oldRow =
        RowFactory.create(
            Date.valueOf(old),
            "US",
            "web",
            1L,
            1L,
            0L,
            0.0,
            0.0,
            null,
            0.0,
            0L,
            null,
            null,
            0L,
            0L,
            null,
            0L,
            0L,
            null,
            0.0,
            0L,
            0L,
            null,
            null,
            null);
    lake.append(
        KpiTable.KPI_DAILY, spark.createDataFrame(List.of(oldRow), KpiTable.KPI_DAILY.schema()));
    List<List<Object>> first = Rows.values(lake.read(KpiTable.KPI_DAILY));
    assertThat(kpis(lake)).isEqualTo(ExitCodes.OK);

    assertThat(Rows.values(lake.read(KpiTable.KPI_DAILY)))
        .containsExactlyInAnyOrderElementsOf(first);
    Rows.assertRows(
        lake.read(KpiTable.KPI_DAILY)
            .select(
                "date",
                "region",
                "channel",
                "visitors",
                "sessions",
                "median_seconds_to_first_action"),
        Rows.row(Date.valueOf(D), "EU", "web", 1L, 1L, 12.0),
        Rows.row(Date.valueOf(D.minusDays(3)), "US", "web", 1L, 1L, null),
        Rows.row(Date.valueOf(old), "US", "web", 1L, 1L, null));
    List<Row> ledger = lake.read(Table.RUNS).where("step = 'kpis'").collectAsList();
    assertThat(ledger).hasSize(2);
    for (Row r : ledger) {
      assertThat(r.<String>getAs("status")).isEqualTo("succeeded");
      Map<String, Long> counts = r.getJavaMap(r.fieldIndex("counts"));
      assertThat(counts).containsEntry("kpi_rows", 2L);
    }
  }

  private static int kpis(Lake lake) {
    return Main.run(
        Secrets.fromEnvironment(),
        "kpis",
        "--run-date",
        D.toString(),
        "--set",
        "lake.root=" + lake.root());
  }

  private static Row event(String id, String user, String type, LocalDateTime at) {
    Date day = Date.valueOf(at.toLocalDate());
    return RowFactory.create(
        id,
        user,
        "s-" + user + "-" + at.toLocalDate(),
        type,
        null,
        Timestamp.valueOf(at),
        null,
        null,
        null,
        "web",
        "desktop",
        null,
        null,
        day,
        day);
  }

  private static Row customer(String user, String region) {
    return RowFactory.create(
        user,
        null,
        null,
        region,
        null,
        null,
        true,
        true,
        true,
        Timestamp.valueOf(D.minusDays(200).atStartOfDay()),
        Date.valueOf(D.minusDays(200)));
  }
}
