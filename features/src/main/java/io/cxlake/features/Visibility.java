package io.cxlake.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * When a lake row becomes known to the feature store: on its visible day, the later of its date and
 * its ingest date; a snapshot as of A uses the rows visible before A. Reading one day's new rows
 * touches only recent files: Delta skips files by their ingest_date statistics.
 */
public final class Visibility {
  public static final String DAY = "visible_day";

  private final Lake lake;
  private final int futureDays;

  /**
   * @param futureToleranceHours how far ahead of its landing day ingest accepts a row, so how many
   *     days before its visible day a row may have been ingested
   */
  public Visibility(Lake lake, int futureToleranceHours) {
    this.lake = lake;
    this.futureDays = (futureToleranceHours + 23) / 24;
  }

  /** The date a row of the table is about, which with its ingest date makes its visible day. */
  static String dateColumn(Table t) {
    return t.partitionColumn()
        .orElseThrow(() -> new IllegalArgumentException(t.shortName() + " has no date column"));
  }

  /** The table's rows visible on days in [from, until), with a {@code visible_day} column. */
  public Dataset<Row> between(Table t, LocalDate from, LocalDate until) {
    Column day = greatest(col("ingest_date"), col(dateColumn(t)));
    return lake.read(t)
        .where(
            col("ingest_date")
                .geq(lit(from.minusDays(futureDays)))
                .and(col("ingest_date").lt(lit(until))))
        .withColumn(DAY, day)
        .where(col(DAY).geq(lit(from)).and(col(DAY).lt(lit(until))));
  }

  /** Every row of the table visible before {@code until}. */
  public Dataset<Row> before(Table t, LocalDate until) {
    return lake.read(t)
        .where(col("ingest_date").lt(lit(until)))
        .withColumn(DAY, greatest(col("ingest_date"), col(dateColumn(t))))
        .where(col(DAY).lt(lit(until)));
  }
}
