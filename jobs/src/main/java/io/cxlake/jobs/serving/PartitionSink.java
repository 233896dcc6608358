package io.cxlake.jobs.serving;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One writer's part of a PostgreSQL version table, in one transaction: creates its own table (a
 * future range partition of the version's table), COPYs its rows into it, indexes the key, and adds
 * the CHECK constraint of its key range, so that {@link PostgresStore#seal} attaches it without
 * scanning it again. Each writer indexes its own rows right after loading them, on its own
 * connection, while the others may still load; the rows arrive sorted by key, so the index's sort
 * finds them in order. One index over the whole table after every load, on unsorted rows, took
 * twice as long and overlapped nothing (benchmarks/serving.md).
 *
 * <p>A writer that fails or is killed rolls back with its transaction and leaves no table; one that
 * committed leaves a table that only {@code seal} attaches, and {@code abandon} drops.
 */
final class PartitionSink extends CopySink {
  /** One writer's memory for its index sort; its rows arrive sorted, so the sort is one pass. */
  private static final String INDEX_MEMORY = "128MB";

  private final String part;
  private final ServingTable table;

  private PartitionSink(Connection conn, String part, ServingTable table, int batchSize) {
    // FREEZE: the table is new in this transaction, so its rows can be written frozen and its
    // pages all-visible: the first reads write no hint bits and no vacuum has to freeze them
    // later. (It neither speeds up nor slows down the publish itself, measured.)
    super(conn, part, table, batchSize, ", FREEZE");
    this.part = part;
    this.table = table;
  }

  /** Opens a sink on {@code conn} writing a new part of {@code parent}. */
  static PartitionSink open(Connection conn, String parent, ServingTable table, int batchSize) {
    String part = null;
    try {
      conn.setAutoCommit(false);
      try (Statement s = conn.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT txid_current()")) {
          rs.next();
          part = PostgresStore.partName(parent, rs.getLong(1)); // unique: this transaction's id
        }
        s.execute("CREATE TABLE " + part + " (LIKE " + parent + ")");
      }
      return new PartitionSink(conn, part, table, batchSize);
    } catch (SQLException | RuntimeException e) {
      try {
        conn.close(); // rolls the open transaction back
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw new ServingException(
          "cannot start writing " + (part != null ? part : parent) + ": " + e.getMessage(), e);
    }
  }

  @Override
  void beforeCommit(long rows) throws SQLException {
    String key = table.key();
    try (Statement s = conn.createStatement()) {
      if (rows == 0) {
        s.execute("DROP TABLE " + part); // nothing to attach: commit leaves no table
        return;
      }
      // The writers are the parallelism (max-connections of them): no extra workers per index.
      s.execute("SET LOCAL max_parallel_maintenance_workers = 0");
      s.execute("SET LOCAL maintenance_work_mem = '" + INDEX_MEMORY + "'");
      s.execute("CREATE INDEX " + part + "_key ON " + part + " (" + key + ")");
      String lo;
      String hi;
      try (ResultSet rs =
          s.executeQuery("SELECT min(" + key + "), max(" + key + ") FROM " + part)) {
        rs.next(); // both ends read from the index just built
        lo = rs.getString(1);
        hi = rs.getString(2);
      }
      if (lo == null) {
        throw new ServingException(part + ": " + rows + " rows without a " + key);
      }
      s.execute(
          "ALTER TABLE "
              + part
              + " ADD CONSTRAINT "
              + part
              + "_range CHECK ("
              + key
              + " IS NOT NULL AND "
              + key
              + " >= "
              + PostgresStore.literal(lo)
              + " AND "
              + key
              + " < "
              + PostgresStore.literal(PostgresStore.after(hi))
              + ")");
    }
  }
}
