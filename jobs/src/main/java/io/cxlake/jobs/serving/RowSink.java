package io.cxlake.jobs.serving;

import java.util.List;

/**
 * Writes rows of one table into one version, on one connection. Rows are the table's columns in
 * order. {@link #commit} makes them durable; {@link #close} without a commit discards what the
 * store can discard (an open transaction or COPY) — a task that fails midway must not commit a
 * part. Nothing a sink writes is visible to readers until its version is flipped to.
 */
public interface RowSink extends AutoCloseable {
  void add(List<Object> row);

  /** Flushes and commits what was added. */
  void commit();

  /** Releases the connection; rolls back if {@link #commit} was not called. */
  @Override
  void close();
}
