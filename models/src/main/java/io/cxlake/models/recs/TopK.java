package io.cxlake.models.recs;

/**
 * The k best (score, index) pairs seen so far, in primitive arrays: a min-heap whose root is the
 * worst kept pair. Higher score is better; on equal scores the lower index is better (indexes
 * follow id order, see {@link DenseIds}), so results do not depend on the order of offers.
 */
final class TopK {
  private final float[] scores;
  private final int[] items;
  private int size;

  TopK(int k) {
    scores = new float[k];
    items = new int[k];
  }

  void clear() {
    size = 0;
  }

  void offer(float score, int item) {
    if (size < scores.length) {
      scores[size] = score;
      items[size] = item;
      up(size++);
    } else if (scores.length > 0 && better(score, item, scores[0], items[0])) {
      scores[0] = score;
      items[0] = item;
      down(0);
    }
  }

  /** Indexes best first; {@code outScores} gets their scores. Empties the heap. */
  int drain(int[] outItems, float[] outScores) {
    int n = size;
    for (int i = n - 1; i >= 0; i--) {
      outItems[i] = items[0];
      outScores[i] = scores[0];
      size--;
      if (size > 0) {
        scores[0] = scores[size];
        items[0] = items[size];
        down(0);
      }
    }
    return n;
  }

  private static boolean better(float s1, int i1, float s2, int i2) {
    return s1 > s2 || (s1 == s2 && i1 < i2);
  }

  private void up(int i) {
    while (i > 0) {
      int p = (i - 1) / 2;
      if (better(scores[p], items[p], scores[i], items[i])) {
        swap(i, p);
        i = p;
      } else {
        return;
      }
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int worst = i;
      if (l < size && better(scores[worst], items[worst], scores[l], items[l])) {
        worst = l;
      }
      if (r < size && better(scores[worst], items[worst], scores[r], items[r])) {
        worst = r;
      }
      if (worst == i) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    int t = items[a];
    items[a] = items[b];
    items[b] = t;
  }
}
