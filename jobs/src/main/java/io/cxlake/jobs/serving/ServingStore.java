package io.cxlake.jobs.serving;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A serving store holding versions of the score tables and one current-version pointer that readers
 * resolve every lookup through. A version is written while invisible, validated, then made current
 * in one atomic step ({@link #flip}); readers see the old version or the new one, never a mix. One
 * publisher at a time per store (the nightly run holds its date's lock).
 */
public interface ServingStore extends AutoCloseable {
  /** "postgres at db.example:5432" — for messages. */
  String describe();

  /** The version readers are served, if any was ever published. */
  Optional<Version> current();

  /** Every version the store holds, newest first. */
  List<Version> versions();

  /**
   * Starts a new, invisible version for the run-date: removes what an earlier, killed publish left
   * behind, allocates the next id, creates the version's empty tables.
   */
  Version begin(LocalDate runDate);

  /** A sink writing rows of one table into the version (one connection; close commits). */
  RowSink sink(long version, ServingTable table);

  /** Whether the store keeps one entry per key (Redis) rather than one per row (SQL). */
  default boolean groupsByKey() {
    return false;
  }

  /** After every sink of the table closed: build indexes, statistics. */
  default void seal(long version, ServingTable table) {}

  /** Entries of the table in the version: rows, or keys if {@link #groupsByKey}. */
  long count(long version, ServingTable table);

  /** The rows of one key in one version, ordered by the table's order column. */
  List<List<Object>> lookup(long version, ServingTable table, String key);

  /** The rows of one key in the current version, resolved through the pointer as a reader does. */
  List<List<Object>> lookup(ServingTable table, String key);

  /**
   * Makes the version current atomically. Refused ({@link PublishRefused}) when the current version
   * is of a later run-date, unless {@code force}.
   */
  void flip(long version, boolean force);

  /** Points back to {@code to}, or to the newest published version older than the current one. */
  Version rollback(OptionalLong to);

  /**
   * Drops published versions beyond the newest {@code retain} (never the current one); returns
   * their ids.
   */
  default List<Long> prune(int retain) {
    long cur = current().orElseThrow().id();
    List<Long> drop = VersionRules.toDrop(versions(), cur, retain);
    drop.forEach(this::abandon);
    return drop;
  }

  /**
   * Right to erasure: removes the entries of these keys from every version the store holds — the
   * current one, those retained for rollback, and one being written — and, where the store keeps
   * deleted data around (SQLite's free pages and WAL, PostgreSQL's dead tuples), purges that too.
   * Returns the entries removed: rows in SQL, keys in Redis.
   */
  long forget(ServingTable table, Collection<String> keys);

  /** Drops a version that will not be flipped to (a failed publish cleaning up after itself). */
  void abandon(long version);

  @Override
  void close();
}
