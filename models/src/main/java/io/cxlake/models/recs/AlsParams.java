package io.cxlake.models.recs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ALS hyper-parameters. {@code alpha} scales an interaction's strength into confidence (1 + alpha ·
 * strength); {@code checkpointInterval} cuts the lineage of long runs (needs a checkpoint dir).
 */
public record AlsParams(
    int rank, double regParam, double alpha, int maxIter, int checkpointInterval, long seed) {
  public static final AlsParams DEFAULT = new AlsParams(32, 0.05, 10.0, 10, 5, 42);

  public AlsParams {
    if (rank < 1 || maxIter < 1 || !(regParam >= 0) || !(alpha >= 0)) {
      throw new IllegalArgumentException(
          "ALS needs rank >= 1, maxIter >= 1, regParam >= 0, alpha >= 0; got " + this);
    }
  }

  public AlsParams withRank(int v) {
    return new AlsParams(v, regParam, alpha, maxIter, checkpointInterval, seed);
  }

  public AlsParams withRegParam(double v) {
    return new AlsParams(rank, v, alpha, maxIter, checkpointInterval, seed);
  }

  public AlsParams withAlpha(double v) {
    return new AlsParams(rank, regParam, v, maxIter, checkpointInterval, seed);
  }

  public AlsParams withMaxIter(int v) {
    return new AlsParams(rank, regParam, alpha, v, checkpointInterval, seed);
  }

  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rank", Integer.toString(rank));
    m.put("reg_param", Double.toString(regParam));
    m.put("alpha", Double.toString(alpha));
    m.put("max_iter", Integer.toString(maxIter));
    m.put("checkpoint_interval", Integer.toString(checkpointInterval));
    m.put("seed", Long.toString(seed));
    return m;
  }

  public static AlsParams fromMap(Map<String, String> m) {
    return new AlsParams(
        Integer.parseInt(m.get("rank")),
        Double.parseDouble(m.get("reg_param")),
        Double.parseDouble(m.get("alpha")),
        Integer.parseInt(m.get("max_iter")),
        Integer.parseInt(m.get("checkpoint_interval")),
        Long.parseLong(m.get("seed")));
  }
}
