package io.cxlake.jobs.report;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * The rows a section reads from one table, or why there are none. {@code truncated} says the bound
 * cut the rows short (the report says so rather than show a partial table as whole).
 */
record Fetched(List<Row> rows, Optional<String> missing, boolean truncated) {
  static Fetched none(String why) {
    return new Fetched(List.of(), Optional.of(why), false);
  }

  boolean available() {
    return missing.isEmpty();
  }

  /** A nullable double column by name (null stays null; any numeric type widens). */
  static Double dbl(Row r, String col) {
    int i = r.fieldIndex(col);
    return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
  }

  /** A nullable long column by name. */
  static Long lng(Row r, String col) {
    int i = r.fieldIndex(col);
    return r.isNullAt(i) ? null : ((Number) r.get(i)).longValue();
  }

  /** A nullable column as text. */
  static String str(Row r, String col) {
    int i = r.fieldIndex(col);
    return r.isNullAt(i) ? null : String.valueOf(r.get(i));
  }
}
