package io.cxlake.jobs.serving;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * PostgreSQL serving store. Version V of a table is range-partitioned on its key, one partition per
 * writer: each writer loads its key range through COPY into a table of its own and indexes it
 * ({@link PartitionSink}); {@link #seal} attaches the parts. A lookup by key reads one partition
 * through its index. The flip locks {@code cx_current} in EXCLUSIVE mode, which blocks a second
 * publisher but not readers.
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
  String layout(ServingTable t) {
    return " PARTITION BY RANGE (" + t.key() + ")";
  }

  /** The part of a version table written in transaction {@code txid}. */
  static String partName(String table, long txid) {
    return table + "_p" + txid;
  }

  /** A SQL string literal (standard_conforming_strings, on since PostgreSQL 9.1). */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * The least text greater than {@code s} in the "C" collation: the exclusive upper bound of a
   * range whose greatest key is {@code s}.
   */
  static String after(String s) {
    return s + (char) 1;
  }

  /** Attaches the committed parts of the version's table as its partitions, in one transaction. */
  @Override
  public void seal(long version, ServingTable t) {
    String parent = table(version, t);
    String key = t.key();
    tx(
        s -> {
          for (String part : unattached(s, parent)) {
            String lo;
            String hi;
            try (ResultSet rs =
                s.executeQuery("SELECT min(" + key + "), max(" + key + ") FROM " + part)) {
              rs.next();
              lo = rs.getString(1);
              hi = rs.getString(2);
            }
            // The part's CHECK constraint already proves this range: no scan. Two writers whose
            // key ranges overlap fail here ("would overlap"), so the publish is refused.
            s.execute(
                "ALTER TABLE "
                    + parent
                    + " ATTACH PARTITION "
                    + part
                    + " FOR VALUES FROM ("
                    + literal(lo)
                    + ") TO ("
                    + literal(after(hi))
                    + ")");
          }
          return null;
        });
  }

  /** The committed parts of a version table not attached to it yet. */
  private static List<String> unattached(Statement s, String parent) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT c.relispartition"
                + " AND c.relname ~ '^"
                + parent
                + "_p[0-9]+$' ORDER BY c.relname")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * Drops the version. Parts a killed publish committed but never attached go first: no reader can
   * reach them, and were they left, a later version given the same number would attach them.
   */
  @Override
  public void abandon(long version) {
    tx(
        s -> {
          for (ServingTable t : ServingTable.values()) {
            for (String part : unattached(s, table(version, t))) {
              s.execute("DROP TABLE " + part);
            }
          }
          return null;
        });
    super.abandon(version);
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
    return PartitionSink.open(connect.get(), table(version, table), table, batchSize);
  }
}
