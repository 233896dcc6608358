package io.cxlake.lake.table;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** One table's contract as a value: what each constant of a table enum holds. */
public record TableSpec(
    String shortName,
    String doc,
    Optional<String> partitionColumn,
    List<String> keys,
    StructType schema) {

  /** A spec; {@code partitionColumn} may be null for an unpartitioned table. */
  public static TableSpec of(
      String shortName,
      String doc,
      String partitionColumn,
      List<String> keys,
      StructField... columns) {
    return new TableSpec(
        shortName, doc, Optional.ofNullable(partitionColumn), keys, new StructType(columns));
  }

  /**
   * A {@link TableDef} enum whose constants each hold a {@link TableSpec}: the enum only lists its
   * tables, the accessors come from here.
   */
  public interface Holder extends TableDef {
    TableSpec spec();

    @Override
    default String shortName() {
      return spec().shortName();
    }

    @Override
    default String doc() {
      return spec().doc();
    }

    @Override
    default Optional<String> partitionColumn() {
      return spec().partitionColumn();
    }

    @Override
    default List<String> keys() {
      return spec().keys();
    }

    @Override
    default StructType schema() {
      return spec().schema();
    }
  }
}
