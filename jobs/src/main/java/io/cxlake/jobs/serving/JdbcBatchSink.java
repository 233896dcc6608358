package io.cxlake.jobs.serving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Inserts rows with prepared-statement batches in one transaction (SQLite's fast path). */
final class JdbcBatchSink implements RowSink {
  private final Connection conn;
  private final ServingTable table;
  private final PreparedStatement insert;
  private final int batchSize;
  private int pending;
  private boolean committed;

  JdbcBatchSink(Connection conn, String target, ServingTable table, int batchSize) {
    this.conn = conn;
    this.table = table;
    this.batchSize = batchSize;
    try {
      conn.setAutoCommit(false);
      String marks = String.join(", ", Collections.nCopies(table.columns().size(), "?"));
      this.insert =
          conn.prepareStatement(
              "INSERT INTO "
                  + target
                  + " ("
                  + String.join(", ", table.columnNames())
                  + ") VALUES ("
                  + marks
                  + ")");
    } catch (SQLException e) {
      throw new ServingException("cannot start writing " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void add(List<Object> row) {
    try {
      List<ServingTable.Column> cols = table.columns();
      for (int i = 0; i < cols.size(); i++) {
        Object v = row.get(i);
        int p = i + 1;
        switch (cols.get(i).type()) {
          case TEXT -> insert.setString(p, (String) v);
          case INT -> insert.setInt(p, ((Number) v).intValue());
          case DOUBLE -> insert.setDouble(p, ((Number) v).doubleValue());
          case TEXT_LIST -> insert.setString(p, RowJson.encodeList((List<?>) v));
        }
      }
      insert.addBatch();
      if (++pending >= batchSize) {
        insert.executeBatch();
        pending = 0;
      }
    } catch (SQLException e) {
      throw new ServingException("insert into " + table.storeName() + " failed: " + e, e);
    }
  }

  @Override
  public void commit() {
    try {
      if (pending > 0) {
        insert.executeBatch();
      }
      conn.commit();
      committed = true;
    } catch (SQLException e) {
      throw new ServingException("commit of " + table.storeName() + " failed: " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      if (!committed) {
        conn.rollback();
      }
      conn.close();
    } catch (SQLException e) {
      // the connection is gone either way; an uncommitted transaction is discarded by the store
    }
  }
}
