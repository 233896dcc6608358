package io.cxlake.jobs.serving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The SQL layout shared by SQLite and PostgreSQL. Version V of a table is the table {@code
 * cx_<table>_v<V>}; {@code cx_current} holds the current version; the view {@code cx_<table>}
 * selects from the current version's table. The pointer and the views change in one transaction, so
 * a reader's single SELECT on a view sees one version whole.
 */
abstract class SqlStore implements ServingStore {
  static final String PREFIX = "cx_";

  private final Connection conn;
  private final String describe;

  SqlStore(Connection conn, String describe) {
    this.conn = conn;
    this.describe = describe;
    run(
        () -> {
          try (Statement s = conn.createStatement()) {
            s.execute(
                "CREATE TABLE IF NOT EXISTS cx_versions (version BIGINT PRIMARY KEY,"
                    + " run_date TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL)");
            s.execute(
                "CREATE TABLE IF NOT EXISTS cx_current (id INTEGER PRIMARY KEY CHECK (id = 1),"
                    + " version BIGINT NOT NULL)");
          }
          return null;
        });
  }

  /** The column type of a serving type in this dialect. */
  abstract String sqlType(ServingTable.Type type);

  /** Reads a TEXT_LIST column. */
  abstract List<String> readList(ResultSet rs, int column) throws SQLException;

  /** Inside the flip or rollback transaction: keeps a second publisher out until commit. */
  abstract void lockPointer(Statement s) throws SQLException;

  /** A collation clause for the key column: ids compare as bytes, which indexes sort fastest. */
  String keyCollation() {
    return "";
  }

  /** Before a version's index is built: the dialect's session settings for it. */
  void beforeIndex(Statement s) throws SQLException {}

  /** What follows a version table's column list in its CREATE TABLE (PostgreSQL: partitioning). */
  String layout(ServingTable t) {
    return "";
  }

  static String table(long version, ServingTable t) {
    return PREFIX + t.storeName() + "_v" + version;
  }

  static String view(ServingTable t) {
    return PREFIX + t.storeName();
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public Optional<Version> current() {
    return run(
        () -> {
          try (Statement s = conn.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT v.version, v.run_date, v.status, v.created_at FROM cx_current c"
                          + " JOIN cx_versions v ON v.version = c.version WHERE c.id = 1")) {
            return rs.next() ? Optional.of(version(rs)) : Optional.empty();
          }
        });
  }

  @Override
  public List<Version> versions() {
    return run(
        () -> {
          List<Version> out = new ArrayList<>();
          try (Statement s = conn.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT version, run_date, status, created_at FROM cx_versions"
                          + " ORDER BY version DESC")) {
            while (rs.next()) {
              out.add(version(rs));
            }
          }
          return out;
        });
  }

  private static Version version(ResultSet rs) throws SQLException {
    return new Version(
        rs.getLong(1),
        LocalDate.parse(rs.getString(2)),
        rs.getString(3),
        Instant.parse(rs.getString(4)));
  }

  @Override
  public Version begin(LocalDate runDate) {
    for (Version v : versions()) {
      if (!v.published()) {
        abandon(v.id()); // left by a publish that was killed before its flip
      }
    }
    Version v =
        tx(
            s -> {
              long id;
              try (ResultSet rs =
                  s.executeQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM cx_versions")) {
                rs.next();
                id = rs.getLong(1);
              }
              Version created = new Version(id, runDate, Version.WRITING, Instant.now());
              try (PreparedStatement p =
                  conn.prepareStatement(
                      "INSERT INTO cx_versions (version, run_date, status, created_at)"
                          + " VALUES (?, ?, ?, ?)")) {
                p.setLong(1, id);
                p.setString(2, runDate.toString());
                p.setString(3, Version.WRITING);
                p.setString(4, created.createdAt().toString());
                p.executeUpdate();
              }
              return created;
            });
    run(
        () -> {
          try (Statement s = conn.createStatement()) {
            for (ServingTable t : ServingTable.values()) {
              String cols =
                  t.columns().stream()
                      .map(
                          c ->
                              c.name()
                                  + " "
                                  + sqlType(c.type())
                                  + (c.name().equals(t.key()) ? keyCollation() : ""))
                      .collect(Collectors.joining(", "));
              s.execute("CREATE TABLE " + table(v.id(), t) + " (" + cols + ")" + layout(t));
            }
          }
          return null;
        });
    return v;
  }

  @Override
  public void seal(long version, ServingTable t) {
    run(
        () -> {
          try (Statement s = conn.createStatement()) {
            String table = table(version, t);
            beforeIndex(s);
            // Built after the load: one sort beats maintaining the index row by row. The key
            // alone: a key has a few rows, which the lookup sorts; a second column cost 25% more.
            s.execute("CREATE INDEX " + table + "_key ON " + table + " (" + t.key() + ")");
          }
          return null;
        });
  }

  @Override
  public long count(long version, ServingTable t) {
    return run(
        () -> {
          try (Statement s = conn.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table(version, t))) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public List<List<Object>> lookup(long version, ServingTable t, String key) {
    return select(table(version, t), t, key);
  }

  @Override
  public List<List<Object>> lookup(ServingTable t, String key) {
    try {
      return select(view(t), t, key);
    } catch (ServingException e) {
      if (current().isEmpty()) {
        throw new ServingException(describe + " has no published version yet");
      }
      throw e;
    }
  }

  private List<List<Object>> select(String from, ServingTable t, String key) {
    String sql =
        "SELECT "
            + String.join(", ", t.columnNames())
            + " FROM "
            + from
            + " WHERE "
            + t.key()
            + " = ? ORDER BY "
            + t.order();
    return run(
        () -> {
          List<List<Object>> rows = new ArrayList<>();
          try (PreparedStatement p = conn.prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                rows.add(row(rs, t));
              }
            }
          }
          return rows;
        });
  }

  private List<Object> row(ResultSet rs, ServingTable t) throws SQLException {
    List<Object> row = new ArrayList<>();
    List<ServingTable.Column> cols = t.columns();
    for (int i = 0; i < cols.size(); i++) {
      int c = i + 1;
      row.add(
          switch (cols.get(i).type()) {
            case TEXT -> rs.getString(c);
            case INT -> rs.getInt(c);
            case DOUBLE -> rs.getDouble(c);
            case TEXT_LIST -> readList(rs, c);
          });
    }
    return row;
  }

  @Override
  public void flip(long version, boolean force) {
    tx(
        s -> {
          lockPointer(s);
          Version target = find(version);
          VersionRules.checkNotLate(current(), target, force);
          point(s, version);
          s.executeUpdate(
              "UPDATE cx_versions SET status = '"
                  + Version.PUBLISHED
                  + "' WHERE version = "
                  + version);
          return null;
        });
  }

  @Override
  public Version rollback(OptionalLong to) {
    return tx(
        s -> {
          lockPointer(s);
          Version cur =
              current()
                  .orElseThrow(
                      () -> new ServingException(describe + " has no published version yet"));
          Version target = VersionRules.rollbackTarget(versions(), cur, to);
          point(s, target.id());
          return target;
        });
  }

  /** Moves the pointer and every view to the version: call inside the flip's transaction. */
  private void point(Statement s, long version) throws SQLException {
    s.executeUpdate(
        "INSERT INTO cx_current (id, version) VALUES (1, "
            + version
            + ") ON CONFLICT (id) DO UPDATE SET version = excluded.version");
    for (ServingTable t : ServingTable.values()) {
      s.execute("DROP VIEW IF EXISTS " + view(t));
      s.execute("CREATE VIEW " + view(t) + " AS SELECT * FROM " + table(version, t));
    }
  }

  private Version find(long id) {
    return versions().stream()
        .filter(v -> v.id() == id)
        .findFirst()
        .orElseThrow(() -> new ServingException(describe + " has no version " + id));
  }

  @Override
  public long forget(ServingTable t, Collection<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    List<String> tables = versions().stream().map(v -> table(v.id(), t)).toList();
    long removed =
        tx(
            s -> {
              beforeForget(s);
              long n = 0;
              for (String table : tables) {
                try (PreparedStatement p =
                    conn.prepareStatement("DELETE FROM " + table + " WHERE " + t.key() + " = ?")) {
                  for (String k : keys) {
                    p.setString(1, k);
                    p.addBatch();
                  }
                  for (int c : p.executeBatch()) {
                    n += Math.max(c, 0);
                  }
                }
              }
              return n;
            });
    run(
        () -> {
          try (Statement s = conn.createStatement()) {
            afterForget(s, tables);
          }
          return null;
        });
    return removed;
  }

  /** In the erasure's transaction, before its deletes (SQLite: overwrite freed content). */
  void beforeForget(Statement s) throws SQLException {}

  /** After the erasure committed: purge what the engine keeps of deleted rows. */
  abstract void afterForget(Statement s, List<String> tables) throws SQLException;

  @Override
  public void abandon(long version) {
    if (current().map(v -> v.id() == version).orElse(false)) {
      throw new ServingException("version " + version + " is current; it cannot be dropped");
    }
    tx(
        s -> {
          for (ServingTable t : ServingTable.values()) {
            s.execute("DROP TABLE IF EXISTS " + table(version, t));
          }
          s.executeUpdate("DELETE FROM cx_versions WHERE version = " + version);
          return null;
        });
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      // closing a connection that failed is not worth failing the command for
    }
  }

  /** A unit of SQL work; JDBC's checked exceptions become a {@link ServingException}. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  @FunctionalInterface
  interface TxWork<T> {
    T run(Statement s) throws SQLException;
  }

  <T> T run(Work<T> w) {
    try {
      return w.run();
    } catch (SQLException e) {
      throw new ServingException(describe + ": " + e.getMessage(), e);
    }
  }

  <T> T tx(TxWork<T> w) {
    return run(
        () -> {
          conn.setAutoCommit(false);
          try (Statement s = conn.createStatement()) {
            T result = w.run(s);
            conn.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
          } finally {
            conn.setAutoCommit(true);
          }
        });
  }
}
