package io.cxlake.jobs.serving;

import io.cxlake.models.score.ScoreTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A score table as the serving store holds it: the columns published (the score table's, less
 * run_date, which is the version's), the key an online service looks rows up by, and the column
 * that orders the rows of one key. The README's serving layout is this enum.
 */
public enum ServingTable {
  RECOMMENDATIONS(ScoreTable.RECOMMENDATIONS, "user_id", "rank"),
  POPULAR(ScoreTable.POPULAR, "region", "rank"),
  SIMILAR_ITEMS(ScoreTable.SIMILAR_ITEMS, "item_id", "rank"),
  RETURN_RISK(ScoreTable.RETURN_RISK, "order_id", "line_no"),
  MODEL_VERSIONS(ScoreTable.MODEL_VERSIONS, "model", "version");

  /** The value types a published column can have; each store maps them to its own. */
  public enum Type {
    TEXT,
    INT,
    DOUBLE,
    TEXT_LIST
  }

  /** One published column. */
  public record Column(String name, Type type) {}

  private final ScoreTable source;
  private final String key;
  private final String order;
  private final List<Column> columns;
  private final int keyIndex;
  private final int orderIndex;

  ServingTable(ScoreTable source, String key, String order) {
    this.source = source;
    this.key = key;
    this.order = order;
    List<Column> cols = new ArrayList<>();
    for (StructField f : source.schema().fields()) {
      if (!f.name().equals("run_date")) {
        cols.add(new Column(f.name(), type(f.dataType())));
      }
    }
    this.columns = List.copyOf(cols);
    // Computed once: the Redis sink asks for them for every row.
    this.keyIndex = columnNames().indexOf(key);
    this.orderIndex = columnNames().indexOf(order);
  }

  private static Type type(DataType t) {
    if (t.equals(DataTypes.StringType)) {
      return Type.TEXT;
    } else if (t.equals(DataTypes.IntegerType)) {
      return Type.INT;
    } else if (t.equals(DataTypes.DoubleType)) {
      return Type.DOUBLE;
    } else if (t instanceof ArrayType a && a.elementType().equals(DataTypes.StringType)) {
      return Type.TEXT_LIST;
    }
    throw new IllegalArgumentException("no serving type for " + t.simpleString());
  }

  /** The name in the store: table and view names in SQL, the key segment in Redis. */
  public String storeName() {
    return source.shortName();
  }

  public ScoreTable source() {
    return source;
  }

  /** The column an online service looks rows up by. */
  public String key() {
    return key;
  }

  public int keyIndex() {
    return keyIndex;
  }

  /** The column that orders the rows of one key. */
  public String order() {
    return order;
  }

  public int orderIndex() {
    return orderIndex;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** Rows grouped by key, each key's rows ordered by the order column: what a lookup returns. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Map<String, List<List<Object>>> byKey(List<List<Object>> rows) {
    Map<String, List<List<Object>>> out = new LinkedHashMap<>();
    int k = keyIndex();
    int o = orderIndex();
    for (List<Object> r : rows) {
      out.computeIfAbsent((String) r.get(k), x -> new ArrayList<>()).add(r);
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(r -> (Comparable) r.get(o))));
    return out;
  }

  /** By store name, for the lookup command. */
  public static ServingTable byStoreName(String name) {
    for (ServingTable t : values()) {
      if (t.storeName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no serving table '" + name + "'");
  }
}
