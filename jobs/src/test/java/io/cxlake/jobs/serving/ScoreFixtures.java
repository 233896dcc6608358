package io.cxlake.jobs.serving;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One run's serving rows, made up: {@code keys} users (and up to 1000 items and orders), every
 * value derived from {@code tag} so two versions are told apart by any row. Text includes the
 * characters bulk paths must escape (tab, quote, backslash, braces, comma, newline, non-ASCII).
 */
final class ScoreFixtures {
  static final int RECS_PER_USER = 3;
  static final List<String> REGIONS = List.of("eu", "us", "apac");

  private ScoreFixtures() {}

  static Map<ServingTable, List<List<Object>>> run(int keys, int tag) {
    return run(keys, tag, RECS_PER_USER);
  }

  /** As {@link #run(int, int)} with {@code recsPerUser} recommendations per user. */
  static Map<ServingTable, List<List<Object>>> run(int keys, int tag, int recsPerUser) {
    Map<ServingTable, List<List<Object>>> t = new EnumMap<>(ServingTable.class);
    t.put(ServingTable.RECOMMENDATIONS, recommendations(keys, tag, recsPerUser));
    List<List<Object>> popular = new ArrayList<>();
    for (String region : REGIONS) {
      for (int rank = 1; rank <= 5; rank++) {
        popular.add(List.of(region, rank, "i" + tag + "-" + rank, 100.0 * tag - rank));
      }
    }
    t.put(ServingTable.POPULAR, popular);
    List<List<Object>> similar = new ArrayList<>();
    List<List<Object>> risk = new ArrayList<>();
    for (int i = 0; i < Math.min(keys, 1000); i++) {
      for (int rank = 1; rank <= 2; rank++) {
        similar.add(List.of("item-" + i, rank, "i" + tag + "-" + (i + rank), 1.0 / (rank + tag)));
      }
      for (int line = 1; line <= 2; line++) {
        double p = ((tag * 37 + i * 11 + line) % 100) / 100.0;
        risk.add(
            List.of(
                "order-" + i,
                line,
                "item-" + (i + line),
                p,
                p > 0.6 ? "high" : p > 0.3 ? "medium" : "low",
                List.of("size_sensitive_v" + tag, "multi \"size\"\t{x,y}\\ é\n"),
                "rr-" + tag));
      }
    }
    t.put(ServingTable.SIMILAR_ITEMS, similar);
    t.put(ServingTable.RETURN_RISK, risk);
    t.put(
        ServingTable.MODEL_VERSIONS,
        List.of(List.of("als", "als-" + tag), List.of("return_risk", "rr-" + tag)));
    return t;
  }

  static List<List<Object>> recommendations(int users, int tag, int recsPerUser) {
    List<List<Object>> rows = new ArrayList<>(users * recsPerUser);
    for (int u = 0; u < users; u++) {
      rows.addAll(recommendationsOf(u, tag, recsPerUser));
    }
    return rows;
  }

  /** What a lookup of user u must return from a version published with this tag. */
  static List<List<Object>> recommendationsOf(int u, int tag) {
    return recommendationsOf(u, tag, RECS_PER_USER);
  }

  static List<List<Object>> recommendationsOf(int u, int tag, int recsPerUser) {
    List<List<Object>> rows = new ArrayList<>();
    for (int rank = 1; rank <= recsPerUser; rank++) {
      rows.add(
          List.of(
              user(u),
              rank,
              "i" + tag + "-" + ((u * 7 + rank) % 1000),
              tag + 1.0 / rank + u * 1e-7,
              rank == 1 ? "als" : "item_item",
              "recs-v" + tag));
    }
    return rows;
  }

  static String user(int u) {
    return "user-" + u;
  }
}
