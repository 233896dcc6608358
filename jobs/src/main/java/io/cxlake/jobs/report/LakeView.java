package io.cxlake.jobs.report;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.TableDef;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the report reads: small, bounded collects of aggregate tables for one run date. A table that
 * does not exist or has no rows for the date is not an error: it comes back as {@link Fetched#none}
 * with the reason, and its section says so.
 */
final class LakeView {
  /** No aggregate table the report reads has anywhere near this many rows for one date. */
  static final int MAX_ROWS = 5000;

  private final Lake lake;
  private final LocalDate day;
  private final Set<String> truncated = new TreeSet<>();

  LakeView(Lake lake, LocalDate day) {
    this.lake = lake;
    this.day = day;
  }

  Lake lake() {
    return lake;
  }

  LocalDate day() {
    return day;
  }

  /** The date as a SQL literal. */
  String dayLiteral() {
    return "DATE'" + day + "'";
  }

  /** The table's rows matching {@code where}, ordered, at most {@link #MAX_ROWS}. */
  Fetched fetch(TableDef t, Column where, Column... orderBy) {
    if (!lake.exists(t)) {
      return Fetched.none(
          "table `" + t.shortName() + "` does not exist yet (the step that writes it never ran)");
    }
    Dataset<Row> d = lake.read(t).where(where);
    if (orderBy.length > 0) {
      d = d.orderBy(orderBy);
    }
    List<Row> rows = d.limit(MAX_ROWS + 1).collectAsList();
    if (rows.isEmpty()) {
      return Fetched.none("table `" + t.shortName() + "` has no rows for " + day);
    }
    boolean cut = rows.size() > MAX_ROWS;
    if (cut) {
      truncated.add(t.shortName());
    }
    return new Fetched(cut ? rows.subList(0, MAX_ROWS) : rows, Optional.empty(), cut);
  }

  /** The tables whose rows for the date were cut at {@link #MAX_ROWS}. */
  Set<String> truncated() {
    return truncated;
  }
}
