package io.cxlake.jobs.governance;

import io.cxlake.jobs.serving.ServingStore;
import io.cxlake.jobs.serving.ServingTable;
import io.cxlake.lake.governance.Erasures;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.ingest.Pseudonymiser;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.TableDef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Right to erasure, following Delta's documented GDPR procedure, in phases:
 *
 * <ol>
 *   <li>links: the users' ids and the ids of what they own (orders, tickets, returns);
 *   <li>serving: their keys leave every version the serving store holds (so no rollback brings them
 *       back);
 *   <li>delete: in every lake table with a user_id, order_id, ticket_id, return_id or raw-line
 *       column, the rows that name them (one DELETE per table);
 *   <li>purge: REORG ... APPLY (PURGE) rewrites files whose deleted rows a deletion vector only
 *       hides, then VACUUM with retention 0 removes every file the current version does not
 *       reference. That needs Delta's retention check off, for that call only; afterwards time
 *       travel to the tables' older versions fails. Last, the log before the current version is
 *       dropped (after a checkpoint): its commits keep min/max statistics of the removed files,
 *       which can name the users;
 *   <li>record: one {@code erasures} row per user with the keyed hash of the id, never the id.
 * </ol>
 *
 * Every phase is idempotent: after a failure, rerunning the same forget completes it. Ids are never
 * logged; logs name users by their hash.
 */
public final class Forget {
  private static final Logger LOG = LoggerFactory.getLogger(Forget.class);

  /** What one forget did: per user hash, rows per lake table and entries per serving table. */
  public record Result(
      String erasureId,
      Map<String, Map<String, Long>> rows,
      Map<String, Map<String, Long>> serving,
      List<String> purged) {

    public long totalRows() {
      return rows.values().stream()
          .flatMap(m -> m.values().stream())
          .mapToLong(Long::longValue)
          .sum();
    }

    public long totalServing() {
      return serving.values().stream()
          .flatMap(m -> m.values().stream())
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  private Forget() {}

  /**
   * Forgets the users (ids as the lake stores them) in the tables and the store (null: none).
   * {@code tables} is every table the pipeline has; those that cannot hold a user are skipped.
   */
  public static Result run(
      Lake lake,
      List<? extends TableDef> tables,
      Set<String> users,
      Pseudonymiser pseudonymiser,
      ServingStore store) {
    String erasureId = UUID.randomUUID().toString();
    Map<String, String> hashOf = new TreeMap<>();
    users.forEach(u -> hashOf.put(u, Erasures.userHash(pseudonymiser, u)));
    LOG.info("forget {}: {} users, hashes {}", erasureId, users.size(), hashOf.values());
    List<TableDef> holding =
        tables.stream()
            .filter(UserLinks::mayHoldUsers)
            .filter(t -> t != GovernanceTable.ERASURES)
            .map(t -> (TableDef) t)
            .toList();

    UserLinks links = UserLinks.of(lake, holding, users);
    Map<String, Map<String, Long>> serving = new TreeMap<>();
    users.forEach(u -> serving.put(hashOf.get(u), new TreeMap<>()));
    if (store != null) {
      for (ServingTable t : ServingTable.values()) {
        if (!UserLinks.COLUMNS.contains(t.key())) {
          continue;
        }
        for (String u : users) {
          long n = store.forget(t, links.values(t.key(), u));
          serving.get(hashOf.get(u)).put(t.storeName(), n);
        }
      }
      LOG.info("forget {}: removed from {} in every version it holds", erasureId, store.describe());
    }

    Map<String, Map<String, Long>> rows = new TreeMap<>();
    users.forEach(u -> rows.put(hashOf.get(u), new TreeMap<>()));
    for (TableDef t : holding) {
      Optional<Column> cond = links.condition(t);
      if (cond.isEmpty() || !lake.exists(t)) {
        continue;
      }
      for (Row r :
          lake.read(t)
              .where(cond.get())
              .groupBy(links.owner(t).as("_user"))
              .count()
              .collectAsList()) {
        String user = r.getString(0);
        if (user != null && hashOf.containsKey(user)) {
          rows.get(hashOf.get(user)).put(t.shortName(), r.getLong(1));
        }
      }
      long deleted = lake.deleteWhere(t, cond.get());
      if (deleted > 0) {
        LOG.info("forget {}: deleted {} rows from {}", erasureId, deleted, t.shortName());
      }
    }

    // Old versions of any table may still hold the users (a snapshot replaced since, a quarantine
    // partition rewritten): every table that can hold users is purged, not only those just changed.
    List<String> purged = new ArrayList<>();
    for (TableDef t : holding) {
      if (!lake.exists(t)) {
        continue;
      }
      lake.purgeDeletionVectors(t);
      LOG.warn(
          "forget {}: VACUUM {} RETAIN 0 HOURS with"
              + " spark.databricks.delta.retentionDurationCheck.enabled=false for this call only:"
              + " its versions before now can no longer be read (time travel, restore)",
          erasureId,
          t.shortName());
      lake.vacuum(t, 0, true);
      int logFiles = lake.dropHistory(t);
      LOG.info(
          "forget {}: {} purged; {} log files of older versions (file statistics) deleted",
          erasureId,
          t.shortName(),
          logFiles);
      purged.add(t.shortName());
    }

    Timestamp at = Timestamp.from(Instant.now());
    List<Row> out = new ArrayList<>();
    for (String u : users) {
      String h = hashOf.get(u);
      out.add(RowFactory.create(erasureId, h, at, rows.get(h), serving.get(h), purged));
    }
    lake.append(
        GovernanceTable.ERASURES,
        lake.spark().createDataFrame(out, GovernanceTable.ERASURES.schema()));
    Result result = new Result(erasureId, rows, serving, purged);
    LOG.info(
        "forget {}: {} lake rows and {} serving entries removed, {} tables purged",
        erasureId,
        result.totalRows(),
        result.totalServing(),
        purged.size());
    return result;
  }

  /** Per-user counts summed per table. */
  static Map<String, Long> perTable(Map<String, Map<String, Long>> perUser) {
    Map<String, Long> out = new TreeMap<>();
    perUser.values().forEach(m -> m.forEach((k, v) -> out.merge(k, v, Long::sum)));
    return out;
  }
}
