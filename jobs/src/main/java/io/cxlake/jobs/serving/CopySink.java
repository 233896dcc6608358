package io.cxlake.jobs.serving;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a PostgreSQL table with COPY (text format) in one transaction: PostgreSQL's
 * fastest load path. Rows are encoded here and sent in buffers of about a megabyte.
 */
class CopySink implements RowSink {
  private static final int FLUSH_CHARS = 1 << 20;

  final Connection conn;
  private final ServingTable table;
  private final CopyIn copy;
  private final StringBuilder buf = new StringBuilder(FLUSH_CHARS + 4096);
  private boolean committed;

  CopySink(Connection conn, String target, ServingTable table, int batchSize) {
    this(conn, target, table, batchSize, "");
  }

  /** With more COPY {@code options} after the format, e.g. ", FREEZE". */
  CopySink(Connection conn, String target, ServingTable table, int batchSize, String options) {
    this.conn = conn;
    this.table = table;
    try {
      conn.setAutoCommit(false);
      this.copy =
          conn.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY "
                      + target
                      + " ("
                      + String.join(", ", table.columnNames())
                      + ") FROM STDIN (FORMAT text"
                      + options
                      + ")");
    } catch (SQLException e) {
      throw new ServingException("cannot start COPY into " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void add(List<Object> row) {
    List<ServingTable.Column> cols = table.columns();
    for (int i = 0; i < cols.size(); i++) {
      if (i > 0) {
        buf.append('\t');
      }
      Object v = row.get(i);
      if (v == null) {
        buf.append("\\N");
        continue;
      }
      switch (cols.get(i).type()) {
        case TEXT -> escape((String) v);
        case INT, DOUBLE -> buf.append(v);
        case TEXT_LIST -> escape(arrayLiteral((List<?>) v));
      }
    }
    buf.append('\n');
    if (buf.length() >= FLUSH_CHARS) {
      flush();
    }
  }

  /** COPY text format: backslash, tab, newline and carriage return are backslash-escaped. */
  private void escape(String s) {
    if (plain(s)) {
      buf.append(s); // the common case, one copy: most ids and labels have nothing to escape
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> buf.append("\\\\");
        case '\t' -> buf.append("\\t");
        case '\n' -> buf.append("\\n");
        case '\r' -> buf.append("\\r");
        default -> buf.append(c);
      }
    }
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  /** A text[] literal, every element quoted: {"a","b \"c\""}. */
  private static String arrayLiteral(List<?> values) {
    StringBuilder a = new StringBuilder("{");
    for (Object v : values) {
      if (a.length() > 1) {
        a.append(',');
      }
      String s = String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"");
      a.append('"').append(s).append('"');
    }
    return a.append('}').toString();
  }

  private void flush() {
    if (buf.length() == 0) {
      return;
    }
    byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
    buf.setLength(0);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw new ServingException("COPY into " + table.storeName() + " failed: " + e, e);
    }
  }

  @Override
  public void commit() {
    try {
      flush();
      long rows = copy.endCopy();
      beforeCommit(rows);
      conn.commit();
      committed = true;
    } catch (SQLException e) {
      throw new ServingException("COPY into " + table.storeName() + " failed: " + e, e);
    }
  }

  /** After the COPY ended, in its transaction: what a subclass adds to the same commit. */
  void beforeCommit(long rows) throws SQLException {}

  @Override
  public void close() {
    try {
      if (!committed) {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
        conn.rollback();
      }
    } catch (SQLException e) {
      // the connection is closed below; PostgreSQL discards an unfinished COPY with it
    } finally {
      try {
        conn.close();
      } catch (SQLException e) {
        // already gone
      }
    }
  }
}
