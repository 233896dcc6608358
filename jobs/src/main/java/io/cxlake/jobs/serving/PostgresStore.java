package io.cxlake.jobs.serving;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * PostgreSQL serving store. Versions load through COPY, one connection per writer; the flip locks
 * {@code cx_current} in EXCLUSIVE mode, which blocks a second publisher but not readers.
 */
final class PostgresStore extends SqlStore {
  private final Supplier<Connection> connect;
  private final int batchSize;

  PostgresStore(Connection conn, String describe, Supplier<Connection> connect, int batchSize) {
    super(conn, describe);
    this.connect = connect;
    this.batchSize = batchSize;
  }

  @Override
  String sqlType(ServingTable.Type type) {
    return switch (type) {
      case TEXT -> "text";
      case INT -> "integer";
      case DOUBLE -> "double precision";
      case TEXT_LIST -> "text[]";
    };
  }

  @Override
  List<String> readList(ResultSet rs, int column) throws SQLException {
    Array a = rs.getArray(column);
    return a == null ? null : Arrays.asList((String[]) a.getArray());
  }

  @Override
  void lockPointer(Statement s) throws SQLException {
    s.execute("LOCK TABLE cx_current IN EXCLUSIVE MODE");
  }

  @Override
  String keyCollation() {
    return " COLLATE \"C\"";
  }

  @Override
  void beforeIndex(Statement s) throws SQLException {
    // The 1M-row index sorts in memory. No ANALYZE after it: it cost a third of the index's time,
    // and a lookup by key picks the index without statistics; autovacuum gathers them later.
    s.execute("SET maintenance_work_mem = '256MB'");
  }

  @Override
  void afterForget(Statement s, List<String> tables) throws SQLException {
    // A deleted row stays in its page as a dead tuple until VACUUM reclaims it.
    for (String t : tables) {
      s.execute("VACUUM " + t);
    }
  }

  @Override
  public RowSink sink(long version, ServingTable table) {
    return new CopySink(connect.get(), table(version, table), table, batchSize);
  }
}
