package io.cxlake.models.registry;

import static org.apache.spark.sql.functions.col;

import io.cxlake.lake.table.Lake;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The {@code model_registry} table: register a challenger with the gate's verdict, and let a person
 * promote, roll back or retire versions. Events are only appended, so the table is the audit; the
 * pipeline's own events for a version are replaced when a rerun re-decides it.
 */
public final class ModelRegistry {
  public static final String REGISTERED = "registered";
  public static final String PROMOTED = "promoted";
  public static final String REJECTED = "rejected";
  public static final String ROLLED_BACK = "rolled_back";
  public static final String RETIRED = "retired";
  public static final String PIPELINE = "pipeline";

  private static final RegistryTable T = RegistryTable.MODEL_REGISTRY;

  /** One event as read back. */
  public record Event(
      String model,
      String version,
      String event,
      Instant at,
      String by,
      String reason,
      Map<String, Double> metrics) {}

  private final Lake lake;

  public ModelRegistry(Lake lake) {
    this.lake = lake;
  }

  /**
   * Registers the version as a challenger and records the gate's decision on it, in one commit that
   * replaces the pipeline's earlier events for this version (a rerun re-decides).
   */
  public void record(ModelVersion v, ChampionGate.Decision d) {
    Instant at = nextInstant();
    List<Row> rows =
        List.of(
            row(v, REGISTERED, at, PIPELINE, null),
            row(v, d.promote() ? PROMOTED : REJECTED, at.plusMillis(1), PIPELINE, d.reason()));
    lake.replaceWhere(
        T,
        "model = "
            + quote(v.model())
            + " AND version = "
            + quote(v.version())
            + " AND by = '"
            + PIPELINE
            + "'",
        lake.spark().createDataFrame(rows, T.schema()));
  }

  /** The model's serving version: that of its newest promoted or rolled_back event, if any. */
  public Optional<Event> champion(String model) {
    List<Event> decisions = championEvents(model);
    if (decisions.isEmpty()) {
      return Optional.empty();
    }
    Event current = decisions.get(decisions.size() - 1);
    boolean retired =
        events(model).stream()
            .anyMatch(
                e ->
                    e.event().equals(RETIRED)
                        && e.version().equals(current.version())
                        && e.at().isAfter(current.at()));
    return retired ? Optional.empty() : Optional.of(registered(model, current.version()));
  }

  /** Makes a registered version the champion. */
  public Event promote(String model, String version, String by, String reason) {
    registered(model, version);
    return append(model, version, PROMOTED, by, reason);
  }

  /** Restores the champion before the current one; fails when there is none. */
  public Event rollback(String model, String by, String reason) {
    List<Event> decisions = championEvents(model);
    if (decisions.isEmpty()) {
      throw new IllegalStateException("model '" + model + "' has no champion to roll back");
    }
    String current = decisions.get(decisions.size() - 1).version();
    for (int i = decisions.size() - 2; i >= 0; i--) {
      if (!decisions.get(i).version().equals(current)) {
        return append(model, decisions.get(i).version(), ROLLED_BACK, by, reason);
      }
    }
    throw new IllegalStateException(
        "model '"
            + model
            + "' has had only one champion ("
            + current
            + "): nothing to roll back to");
  }

  /** Makes an earlier registered version the champion again, recorded as a rollback. */
  public Event rollbackTo(String model, String version, String by, String reason) {
    registered(model, version);
    return append(model, version, ROLLED_BACK, by, reason);
  }

  /** Retires a version: if it is the champion, the model has none until one is promoted. */
  public Event retire(String model, String version, String by, String reason) {
    registered(model, version);
    return append(model, version, RETIRED, by, reason);
  }

  /** Every event of the model (all models when null), oldest first. */
  public List<Event> events(String model) {
    if (!lake.exists(T)) {
      return List.of();
    }
    var rows = lake.read(T);
    if (model != null) {
      rows = rows.where(col("model").equalTo(model));
    }
    List<Event> out = new ArrayList<>();
    for (Row r : rows.orderBy("at", "event").collectAsList()) {
      out.add(
          new Event(
              r.getAs("model"),
              r.getAs("version"),
              r.getAs("event"),
              r.<Timestamp>getAs("at").toInstant(),
              r.getAs("by"),
              r.getAs("reason"),
              new LinkedHashMap<>(r.getJavaMap(r.fieldIndex("metrics")))));
    }
    return out;
  }

  private List<Event> championEvents(String model) {
    return events(model).stream()
        .filter(e -> e.event().equals(PROMOTED) || e.event().equals(ROLLED_BACK))
        .toList();
  }

  private Event registered(String model, String version) {
    return events(model).stream()
        .filter(e -> e.event().equals(REGISTERED) && e.version().equals(version))
        .reduce((a, b) -> b)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "model '" + model + "' has no registered version '" + version + "'"));
  }

  private Event append(String model, String version, String event, String by, String reason) {
    if (by == null || by.isBlank()) {
      throw new IllegalArgumentException("who made the change must be given (by)");
    }
    Event reg = registered(model, version);
    Instant at = nextInstant();
    Row r =
        RowFactory.create(
            model,
            version,
            event,
            Timestamp.from(at),
            by,
            reason,
            null,
            Map.of(),
            reg.metrics(),
            null,
            null,
            Map.of());
    lake.append(T, lake.spark().createDataFrame(List.of(r), T.schema()));
    return new Event(model, version, event, at, by, reason, reg.metrics());
  }

  /** Now, or just after the newest event, so events stay ordered even with a coarse clock. */
  private Instant nextInstant() {
    Instant now = Instant.now();
    List<Event> all = events(null);
    Instant last = all.isEmpty() ? Instant.EPOCH : all.get(all.size() - 1).at();
    return now.isAfter(last) ? now : last.plusMillis(2);
  }

  private static Row row(ModelVersion v, String event, Instant at, String by, String reason) {
    return RowFactory.create(
        v.model(),
        v.version(),
        event,
        Timestamp.from(at),
        by,
        reason,
        date(v.runDate()),
        v.params(),
        v.metrics(),
        date(v.trainFrom()),
        date(v.trainTo()),
        v.featureVersions());
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
