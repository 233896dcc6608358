package io.cxlake.lake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Order-insensitive row assertions on plain Java values. */
public final class Rows {
  private Rows() {}

  /** A row as a list of plain values, for comparison. */
  public static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** The dataset's rows as lists of values, in column order. */
  public static List<List<Object>> values(Dataset<Row> ds) {
    return ds.collectAsList().stream()
        .map(
            r -> {
              List<Object> l = new ArrayList<>();
              for (int i = 0; i < r.length(); i++) {
                l.add(r.get(i));
              }
              return l;
            })
        .collect(Collectors.toList());
  }

  /** Asserts the dataset holds exactly these rows, in any order (duplicates count). */
  @SafeVarargs
  public static void assertRows(Dataset<Row> actual, List<Object>... expected) {
    assertThat(values(actual)).containsExactlyInAnyOrderElementsOf(Arrays.asList(expected));
  }

  /** Asserts two datasets hold the same rows in any order: zero rows differ either way. */
  public static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected) {
    Dataset<Row> a = actual.select(expected.columns()[0], rest(expected.columns()));
    long missing = expected.exceptAll(a).count();
    long extra = a.exceptAll(expected).count();
    assertThat(missing + extra)
        .as("rows differing: %d expected rows missing, %d unexpected rows", missing, extra)
        .isZero();
  }

  private static String[] rest(String[] cols) {
    return Arrays.copyOfRange(cols, 1, cols.length);
  }
}
