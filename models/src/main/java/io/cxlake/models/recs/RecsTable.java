package io.cxlake.models.recs;

import static io.cxlake.lake.table.TableDef.req;

import io.cxlake.lake.table.TableSpec;
import java.util.List;

/** The recommenders' own tables (their scores go to ScoreTable). */
public enum RecsTable implements TableSpec.Holder {
  RECS_METRICS(
      TableSpec.of(
          "recs_metrics",
          "Per run_date and layer (als, item_item, content, session, popular, blend, and the"
              + " champion's blend when there is one): ranking metrics at k on the time-based holdout"
              + " (trained on what was visible before run_date + 1 - recs.holdout-days, tested on the"
              + " items each user viewed, carted or bought from then to the end of run_date), means"
              + " over the users with a relevant item, and catalog coverage.",
          "run_date",
          List.of("run_date", "layer"),
          req("run_date", DATE),
          req("layer", STRING),
          req("k", INT),
          req("precision_at_k", DOUBLE),
          req("recall_at_k", DOUBLE),
          req("ndcg_at_k", DOUBLE),
          req("map_at_k", DOUBLE),
          req("coverage", DOUBLE),
          req("users", LONG)));

  private final TableSpec spec;

  RecsTable(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }
}
