package io.cxlake.models.recs;

import java.io.Serializable;

/**
 * Item → item weights W of an item-item model: a user's score for item j is Σ over the user's items
 * i of W[i][j]. Dense for EASE, top-N neighbour lists for item-kNN.
 */
interface ItemWeights extends Serializable {
  int items();

  /** Adds row i of W into {@code acc}; marks the items it touches in {@code touched}. */
  void addRow(int i, float[] acc, boolean[] touched, int[] touchedList, int[] touchedCount);

  /** Dense n × n, row-major. */
  record Dense(int items, float[] w) implements ItemWeights {
    @Override
    public void addRow(int i, float[] acc, boolean[] touched, int[] list, int[] count) {
      int base = i * items;
      for (int j = 0; j < items; j++) {
        acc[j] += w[base + j];
        if (!touched[j]) {
          touched[j] = true;
          list[count[0]++] = j;
        }
      }
    }
  }

  /** Each item's neighbours and their similarities. */
  record Sparse(int items, int[][] neighbours, float[][] sims) implements ItemWeights {
    @Override
    public void addRow(int i, float[] acc, boolean[] touched, int[] list, int[] count) {
      int[] nb = neighbours[i];
      float[] s = sims[i];
      for (int t = 0; t < nb.length; t++) {
        int j = nb[t];
        acc[j] += s[t];
        if (!touched[j]) {
          touched[j] = true;
          list[count[0]++] = j;
        }
      }
    }
  }
}
