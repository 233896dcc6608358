package io.cxlake.jobs.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Times pieces of work, with the driver's peak live heap, and keeps the measures in order. */
final class Stopwatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Stopwatch.class);

  /** Work that returns how many rows it handled. */
  @FunctionalInterface
  interface Work {
    long run() throws Exception;
  }

  private final PeakHeap heap = new PeakHeap();
  private final List<Measure> measures = new ArrayList<>();

  /** Runs the work once. */
  Measure once(String group, String name, Work w) throws Exception {
    return repeat(group, name, 1, w);
  }

  /** Runs the work {@code runs} times; the measure is the median time and the largest peak. */
  Measure repeat(String group, String name, int runs, Work w) throws Exception {
    double[] secs = new double[runs];
    long rows = 0;
    long peak = 0;
    for (int i = 0; i < runs; i++) {
      heap.reset();
      long t = System.nanoTime();
      rows = w.run();
      secs[i] = (System.nanoTime() - t) / 1e9;
      peak = Math.max(peak, heap.peak());
    }
    Measure m = new Measure(group, name, median(secs), rows, runs, peak, "");
    LOG.info(
        "bench {}: {}: {} s, {} rows, peak heap {} MB",
        group,
        name,
        String.format(java.util.Locale.ROOT, "%.1f", m.seconds()),
        rows,
        peak >> 20);
    return add(m);
  }

  /** Replaces the measure with one carrying the note. */
  Measure annotate(Measure m, String note) {
    Measure n =
        new Measure(m.group(), m.name(), m.seconds(), m.rows(), m.runs(), m.peakHeapBytes(), note);
    measures.set(measures.indexOf(m), n);
    return n;
  }

  Measure add(Measure m) {
    measures.add(m);
    return m;
  }

  List<Measure> measures() {
    return List.copyOf(measures);
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  @Override
  public void close() {
    heap.close();
  }
}
