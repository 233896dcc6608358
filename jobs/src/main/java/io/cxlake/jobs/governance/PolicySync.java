package io.cxlake.jobs.governance;

import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.governance.Catalogue;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Lake;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the governance config a run works under: the {@code automations} catalogue as of the run
 * date, and in {@code automation_changes} whatever changed since the catalogue the last run
 * recorded (an automation switched off for a region, retired, ...). The policy itself is read from
 * the config by every run, so a change applies from the next run on; this makes it visible. Writes
 * nothing when nothing changed, so a rerun or a backfill adds no rows.
 */
public final class PolicySync {
  private static final Logger LOG = LoggerFactory.getLogger(PolicySync.class);
  static final List<GovernanceTable> WRITES =
      List.of(GovernanceTable.AUTOMATIONS, GovernanceTable.AUTOMATION_CHANGES);

  private PolicySync() {}

  /** The catalogue as recorded after the run, and the changes the run recorded. */
  public record Result(Map<String, Catalogue.Entry> catalogue, List<Catalogue.Change> changes) {}

  public static Result run(Lake lake, CxConfig.GovernanceSettings g, LocalDate runDate) {
    Map<String, Catalogue.Entry> before = new HashMap<>();
    Map<String, Date> updated = new HashMap<>();
    if (lake.exists(GovernanceTable.AUTOMATIONS)) {
      for (Row r : lake.read(GovernanceTable.AUTOMATIONS).collectAsList()) {
        Catalogue.Entry e =
            new Catalogue.Entry(
                r.getAs("name"),
                r.getAs("owner"),
                r.getAs("purpose"),
                r.getAs("status"),
                r.getList(r.fieldIndex("regions")),
                date(r.getAs("started_at")),
                date(r.getAs("retired_at")),
                r.getAs("description"));
        before.put(e.name(), e);
        updated.put(e.name(), r.getAs("updated_on"));
      }
    }
    Map<String, Catalogue.Entry> config = Catalogue.fromConfig(g, runDate);
    List<Catalogue.Change> changes = Catalogue.changes(before, config, runDate);
    Map<String, Catalogue.Entry> after = Catalogue.merged(before, config, runDate);
    if (changes.isEmpty()) {
      return new Result(after, changes);
    }
    Set<String> changed = new TreeSet<>();
    List<Row> log = new ArrayList<>();
    Date day = Date.valueOf(runDate);
    for (Catalogue.Change c : changes) {
      changed.add(c.automation());
      log.add(RowFactory.create(day, c.automation(), c.change(), c.region(), c.detail()));
      LOG.info(
          "policy {}: {} {}{}{}",
          runDate,
          c.automation(),
          c.change(),
          c.region() == null ? "" : " in " + c.region(),
          c.detail() == null ? "" : " (" + c.detail() + ")");
    }
    List<Row> rows = new ArrayList<>();
    for (Catalogue.Entry e : after.values()) {
      rows.add(
          RowFactory.create(
              e.name(),
              e.owner(),
              e.purpose(),
              e.status(),
              e.regions(),
              sql(e.started()),
              sql(e.retired()),
              e.description(),
              changed.contains(e.name()) ? day : updated.get(e.name())));
    }
    lake.replaceWhere(
        GovernanceTable.AUTOMATIONS,
        "true",
        lake.spark().createDataFrame(rows, GovernanceTable.AUTOMATIONS.schema()));
    lake.append(
        GovernanceTable.AUTOMATION_CHANGES,
        lake.spark().createDataFrame(log, GovernanceTable.AUTOMATION_CHANGES.schema()));
    return new Result(after, changes);
  }

  /** The sync as a ledger step ("policy"); shared by the command and the nightly. */
  public static Result run(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "policy",
        day,
        WRITES,
        () -> run(p.lake(), p.config().governance(), day),
        r ->
            new Pipeline.StepResult(
                Map.of(
                    "automations", (long) r.catalogue().size(),
                    "changes", (long) r.changes().size()),
                r.changes().isEmpty() ? "no change" : r.changes().size() + " changes recorded"));
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static Date sql(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
