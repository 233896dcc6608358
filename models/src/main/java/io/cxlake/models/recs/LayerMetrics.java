package io.cxlake.models.recs;

/**
 * One layer's (or the blend's) ranking quality on a holdout: means over the evaluated users of
 * precision, recall, nDCG and average precision at k (binary relevance), and the share of the
 * eligible catalog recommended to anyone.
 */
public record LayerMetrics(
    String layer,
    int k,
    double precisionAtK,
    double recallAtK,
    double ndcgAtK,
    double mapAtK,
    double coverage,
    long users) {

  public String line() {
    return String.format(
        java.util.Locale.ROOT,
        "%-10s p@%d %.4f  r@%d %.4f  ndcg@%d %.4f  map@%d %.4f  coverage %.3f  users %d",
        layer,
        k,
        precisionAtK,
        k,
        recallAtK,
        k,
        ndcgAtK,
        k,
        mapAtK,
        coverage,
        users);
  }
}
