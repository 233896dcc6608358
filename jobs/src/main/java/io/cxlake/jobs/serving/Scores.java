package io.cxlake.jobs.serving;

import java.util.List;
import java.util.Map;

/** One run's rows of the serving tables, as {@link Publisher} needs them. */
public interface Scores {
  /** Rows of the table. */
  long rows(ServingTable t);

  /** Distinct lookup keys of the table. */
  long keys(ServingTable t);

  /**
   * Writes every row of the table into the version through sinks of the store (several at once
   * where the store allows), rows of one key together in one sink.
   */
  void write(ServingTable t, long version);

  /** Up to {@code n} keys, each with all its rows ordered by the table's order column. */
  Map<String, List<List<Object>>> sample(ServingTable t, int n);
}
