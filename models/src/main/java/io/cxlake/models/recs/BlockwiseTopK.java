package io.cxlake.models.recs;

import dev.ludovic.netlib.blas.BLAS;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Top k items for every user of a factor model without a users × items join: the item factors are
 * broadcast once, each partition multiplies a block of its users' factors by them (one SGEMM per
 * block, the block sized so the score matrix stays near 16 MB) and keeps a bounded heap per user.
 * Excluded items are set to -∞ before the heap sees them, so exclusion costs nothing extra.
 */
public final class BlockwiseTopK {
  /** Score floats per block: 4M floats = 16 MB per task. */
  static final int BLOCK_FLOATS = 4 << 20;

  public static final StructType SCHEMA =
      new StructType()
          .add("uix", DataTypes.IntegerType, false)
          .add("iix", DataTypes.IntegerType, false)
          .add("score", DataTypes.DoubleType, false)
          .add("rank", DataTypes.IntegerType, false);

  private BlockwiseTopK() {}

  /**
   * @param users rows of (user index int, factors array&lt;float&gt;, excluded item indexes
   *     array&lt;int&gt; or null)
   * @param itemFactors item i's factors at [i·rank, (i+1)·rank)
   * @return (uix, iix, score, rank) rows, rank 1 = best
   */
  public static Dataset<Row> of(Dataset<Row> users, float[] itemFactors, int rank, int k) {
    int nItems = itemFactors.length / rank;
    int block = Math.max(1, Math.min(4096, BLOCK_FLOATS / Math.max(1, nItems)));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(users.sparkSession().sparkContext());
    Broadcast<float[]> items = jsc.broadcast(itemFactors);
    var out =
        users
            .javaRDD()
            .mapPartitions(rows -> new Blocks(rows, items.value(), rank, nItems, k, block));
    return users.sparkSession().createDataFrame(out, SCHEMA);
  }

  /** Lazily scores one block of users at a time. */
  private static final class Blocks implements Iterator<Row> {
    private final Iterator<Row> in;
    private final float[] items;
    private final int rank;
    private final int nItems;
    private final int k;
    private final int block;
    private final float[] userBlock;
    private final float[] scores;
    private final TopK heap;
    private final int[] topItems;
    private final float[] topScores;
    private final List<Row> pending = new ArrayList<>();
    private int next;

    Blocks(Iterator<Row> in, float[] items, int rank, int nItems, int k, int block) {
      this.in = in;
      this.items = items;
      this.rank = rank;
      this.nItems = nItems;
      this.k = Math.min(k, nItems);
      this.block = block;
      this.userBlock = new float[block * rank];
      this.scores = new float[block * nItems];
      this.heap = new TopK(this.k);
      this.topItems = new int[this.k];
      this.topScores = new float[this.k];
    }

    @Override
    public boolean hasNext() {
      while (next >= pending.size()) {
        if (!in.hasNext()) {
          return false;
        }
        fill();
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.get(next++);
    }

    private void fill() {
      pending.clear();
      next = 0;
      List<Row> users = new ArrayList<>(block);
      while (users.size() < block && in.hasNext()) {
        Row u = in.next();
        List<Float> f = u.getList(1);
        int off = users.size() * rank;
        for (int j = 0; j < rank; j++) {
          userBlock[off + j] = f.get(j);
        }
        users.add(u);
      }
      int b = users.size();
      // Column-major: items (rank × nItems)ᵀ · users (rank × b) = scores (nItems × b).
      BLAS.getInstance()
          .sgemm("T", "N", nItems, b, rank, 1f, items, rank, userBlock, rank, 0f, scores, nItems);
      for (int u = 0; u < b; u++) {
        Row row = users.get(u);
        int base = u * nItems;
        if (!row.isNullAt(2)) {
          for (Object ex : row.getList(2)) {
            scores[base + (Integer) ex] = Float.NEGATIVE_INFINITY;
          }
        }
        heap.clear();
        for (int i = 0; i < nItems; i++) {
          float s = scores[base + i];
          if (s != Float.NEGATIVE_INFINITY) {
            heap.offer(s, i);
          }
        }
        int n = heap.drain(topItems, topScores);
        int uix = row.getInt(0);
        for (int r = 0; r < n; r++) {
          pending.add(RowFactory.create(uix, topItems[r], (double) topScores[r], r + 1));
        }
      }
    }
  }
}
