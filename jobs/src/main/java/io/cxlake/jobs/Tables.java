package io.cxlake.jobs;

import io.cxlake.features.FeatureTable;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import io.cxlake.lake.table.TableDocs;
import io.cxlake.models.impact.ImpactTable;
import io.cxlake.models.intents.IntentTables;
import io.cxlake.models.kpi.KpiTable;
import io.cxlake.models.recs.RecsTable;
import io.cxlake.models.registry.RegistryTable;
import io.cxlake.models.returnrisk.ReturnRiskTables;
import io.cxlake.models.score.ScoreTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every table the pipeline writes, in README order: the ingested lake, then each module's own.
 * {@code sql} registers them as views; the README's reference is generated from them.
 */
public final class Tables {
  public static final List<TableDef> ALL = all();

  private Tables() {}

  private static List<TableDef> all() {
    List<TableDef> t = new ArrayList<>(Arrays.asList(Table.values()));
    t.addAll(Arrays.asList(FeatureTable.values()));
    t.addAll(Arrays.asList(IntentTables.values()));
    t.addAll(Arrays.asList(ImpactTable.values()));
    t.addAll(Arrays.asList(ReturnRiskTables.values()));
    t.addAll(Arrays.asList(ScoreTable.values()));
    t.addAll(Arrays.asList(RecsTable.values()));
    t.addAll(Arrays.asList(RegistryTable.values()));
    t.addAll(Arrays.asList(GovernanceTable.values()));
    t.addAll(Arrays.asList(KpiTable.values()));
    return List.copyOf(t);
  }

  /** Prints the README's table reference block. */
  public static void main(String[] args) {
    System.out.print(TableDocs.START + "\n" + TableDocs.markdown(ALL) + TableDocs.END + "\n");
  }
}
