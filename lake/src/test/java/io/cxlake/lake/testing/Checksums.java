package io.cxlake.lake.testing;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.MapType;

/** Order-insensitive content checksums of lake tables: equal checksums, equal contents. */
public final class Checksums {
  private static final String WALL_CLOCK = "at";

  private Checksums() {}

  /**
   * "rows:hashsum" of one table; the sum of row hashes is exact in decimal(38,0). Maps cannot be
   * hashed: they enter as their entries sorted by key. Doubles enter as floats: sums taken in
   * another order (another partitioning) differ in the last bits of a double, not of a float. A
   * column {@code at} (the wall-clock time an audit row was recorded, as in model_registry) is left
   * out: two runs of the same night differ in it and nothing else.
   */
  public static String of(Lake lake, TableDef t) {
    Dataset<Row> rows = lake.read(t);
    Column[] all =
        Arrays.stream(rows.schema().fields())
            .filter(f -> !f.name().equals(WALL_CLOCK))
            .map(
                f ->
                    f.dataType() instanceof MapType
                        ? array_sort(map_entries(col(f.name())))
                        : f.dataType() instanceof DoubleType
                            ? col(f.name()).cast("float")
                            : col(f.name()))
            .toArray(Column[]::new);
    Row r =
        rows.select(xxhash64(all).cast("decimal(38,0)").as("h"))
            .agg(count(lit(1)), sum(col("h")))
            .head();
    return r.getLong(0) + ":" + r.get(1);
  }

  /** Checksums of every existing lake table except those given. */
  public static Map<String, String> all(Lake lake, TableDef... except) {
    return all(lake, Arrays.asList(Table.values()), except);
  }

  /** Checksums of each existing table of the list except those given. */
  public static Map<String, String> all(
      Lake lake, List<? extends TableDef> tables, TableDef... except) {
    Map<String, String> out = new TreeMap<>();
    for (TableDef t : tables) {
      if (lake.exists(t) && !Arrays.asList(except).contains(t)) {
        out.put(t.shortName(), of(lake, t));
      }
    }
    return out;
  }
}
