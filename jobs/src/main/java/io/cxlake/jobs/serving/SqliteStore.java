package io.cxlake.jobs.serving;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The embedded serving store: one SQLite file. WAL journal, so readers never wait for the publish
 * writing its version; transactions start IMMEDIATE, so a flip takes the write lock up front.
 */
final class SqliteStore extends SqlStore {
  private final String path;
  private final int batchSize;

  private SqliteStore(Connection conn, String path, int batchSize) {
    super(conn, "sqlite at " + path);
    this.path = path;
    this.batchSize = batchSize;
  }

  static SqliteStore open(String path, int batchSize) {
    return new SqliteStore(connect(path), path, batchSize);
  }

  static Connection connect(String path) {
    File parent = new File(path).getAbsoluteFile().getParentFile();
    if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
      throw new StoreUnavailable("cannot create the directory of sqlite store " + path, null);
    }
    SQLiteConfig c = new SQLiteConfig();
    c.setJournalMode(SQLiteConfig.JournalMode.WAL);
    c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    c.setBusyTimeout(60_000);
    c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    try {
      return c.createConnection("jdbc:sqlite:" + path);
    } catch (SQLException e) {
      throw new StoreUnavailable("cannot open sqlite store " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  String sqlType(ServingTable.Type type) {
    return switch (type) {
      case TEXT -> "TEXT";
      case INT -> "INTEGER";
      case DOUBLE -> "REAL";
      case TEXT_LIST -> "TEXT"; // a JSON array of strings
    };
  }

  @Override
  List<String> readList(ResultSet rs, int column) throws SQLException {
    return RowJson.decodeList(rs.getString(column));
  }

  @Override
  void lockPointer(Statement s) {
    // IMMEDIATE transactions already hold the database's write lock.
  }

  @Override
  void beforeForget(Statement s) throws SQLException {
    // Freed pages are zeroed rather than left holding the deleted rows until reused.
    s.execute("PRAGMA secure_delete = ON");
  }

  @Override
  void afterForget(Statement s, List<String> tables) throws SQLException {
    // Page splits while a version was written leave stale copies of cells in unused page space,
    // which secure_delete never sees: VACUUM rewrites the file from the live rows only. Then the
    // WAL, which still holds pages as they were, is copied back and truncated.
    s.execute("VACUUM");
    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  @Override
  public RowSink sink(long version, ServingTable table) {
    return new JdbcBatchSink(connect(path), table(version, table), table, batchSize);
  }
}
