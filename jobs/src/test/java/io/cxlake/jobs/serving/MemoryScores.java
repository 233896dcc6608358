package io.cxlake.jobs.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores held in memory, written the way the Spark side writes them: split by key range into {@code
 * writers} partitions, each sorted by key and sent through its own sink, in parallel.
 */
class MemoryScores implements Scores {
  final Map<ServingTable, List<List<Object>>> rows;
  final ServingStore store;
  final int writers;
  private final Map<ServingTable, Map<String, List<List<Object>>>> grouped =
      new java.util.EnumMap<>(ServingTable.class);
  private final Map<ServingTable, List<List<List<Object>>>> partitions =
      new java.util.EnumMap<>(ServingTable.class);

  MemoryScores(Map<ServingTable, List<List<Object>>> rows, ServingStore store, int writers) {
    this.rows = rows;
    this.store = store;
    this.writers = writers;
  }

  @Override
  public long rows(ServingTable t) {
    return rows.get(t).size();
  }

  @Override
  public long keys(ServingTable t) {
    return byKey(t).size();
  }

  /** Grouped once: the benchmark times the store, not this test source. */
  Map<String, List<List<Object>>> byKey(ServingTable t) {
    return grouped.computeIfAbsent(t, x -> t.byKey(rows.get(t)));
  }

  /**
   * The table split into {@code writers} ranges of keys, each sorted by key (as Spark's range
   * partitioning and sort within partitions do); done once, so a benchmark can do it before timing.
   */
  List<List<List<Object>>> partitions(ServingTable t) {
    return partitions.computeIfAbsent(
        t,
        x -> {
          List<String> keys = new ArrayList<>(byKey(t).keySet());
          keys.sort(null); // UTF-16 order: the "C" (byte) order for the test keys, all ASCII
          List<List<List<Object>>> parts = new ArrayList<>();
          for (int i = 0; i < writers; i++) {
            parts.add(new ArrayList<>());
          }
          for (int k = 0; k < keys.size(); k++) {
            parts.get((int) ((long) k * writers / keys.size())).addAll(byKey(t).get(keys.get(k)));
          }
          return parts;
        });
  }

  @Override
  public void write(ServingTable t, long version) {
    List<List<List<Object>>> parts = partitions(t);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (List<List<Object>> part : parts) {
        done.add(pool.submit(() -> writePartition(t, version, part)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new ServingException("write of " + t.storeName() + " failed: " + e, e);
    } finally {
      pool.shutdownNow();
    }
  }

  void writePartition(ServingTable t, long version, List<List<Object>> part) {
    try (RowSink sink = store.sink(version, t)) {
      part.forEach(sink::add);
      sink.commit();
    }
  }

  @Override
  public Map<String, List<List<Object>>> sample(ServingTable t, int n) {
    Map<String, List<List<Object>>> all = byKey(t);
    Map<String, List<List<Object>>> out = new java.util.LinkedHashMap<>();
    all.entrySet().stream().limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
