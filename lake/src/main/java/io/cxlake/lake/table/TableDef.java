package io.cxlake.lake.table;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A lake table's contract: short name, description, declared schema, date partition column and key
 * columns. Each module declares its own tables as an enum implementing this ({@link Table} for the
 * ingested ones); {@link Lake} reads and writes any of them.
 */
public interface TableDef {
  String shortName();

  String doc();

  /** The date column the table is partitioned by, if any. */
  Optional<String> partitionColumn();

  /** The columns that identify a row; MERGE matches on them. */
  List<String> keys();

  StructType schema();

  /** A required (non-null) column. */
  static StructField req(String name, DataType type) {
    return new StructField(name, type, false, Metadata.empty());
  }

  /** An optional (nullable) column. */
  static StructField opt(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  // Shorthands so table enums read as a column list.
  DataType STRING = StringType;
  DataType DATE = DateType;
  DataType TIMESTAMP = TimestampType;
  DataType DOUBLE = DoubleType;
  DataType INT = IntegerType;
  DataType LONG = LongType;
  DataType BOOLEAN = BooleanType;
}
