package io.cxlake.lake.governance;

import io.cxlake.lake.config.CxConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The catalogue of automations as plain values: what the config says as of a run date, and what
 * changed since the catalogue a previous run recorded. Plain Java, so the rules are unit-tested.
 */
public final class Catalogue {
  public static final String ACTIVE = "active";
  public static final String RETIRED = "retired";

  private Catalogue() {}

  /** One automation as the catalogue holds it. */
  public record Entry(
      String name,
      String owner,
      String purpose,
      String status,
      List<String> regions,
      LocalDate started,
      LocalDate retired,
      String description) {}

  /** One change a run records. */
  public record Change(String automation, String change, String region, String detail) {}

  /** The catalogue the config gives for a run date: regions whose policy enables each one. */
  public static Map<String, Entry> fromConfig(CxConfig.GovernanceSettings g, LocalDate runDate) {
    Map<String, Entry> out = new TreeMap<>();
    g.automations()
        .forEach(
            (name, a) -> {
              TreeSet<String> regions = new TreeSet<>();
              g.regions()
                  .forEach(
                      (r, p) -> {
                        if (p.automations().contains(name)) {
                          regions.add(r);
                        }
                      });
              boolean retired = a.retired() != null && !a.retired().isAfter(runDate);
              out.put(
                  name,
                  new Entry(
                      name,
                      a.owner(),
                      a.purpose(),
                      retired ? RETIRED : ACTIVE,
                      List.copyOf(regions),
                      a.started(),
                      a.retired(),
                      a.description()));
            });
    return out;
  }

  /**
   * What changed from {@code before} (the recorded catalogue) to {@code after}. An automation gone
   * from the config stays in the catalogue as retired (on {@code runDate}), never silently dropped.
   */
  public static List<Change> changes(
      Map<String, Entry> before, Map<String, Entry> after, LocalDate runDate) {
    List<Change> out = new ArrayList<>();
    for (Entry a : after.values()) {
      Entry b = before.get(a.name());
      if (b == null) {
        out.add(
            new Change(
                a.name(), "registered", null, "owner " + a.owner() + ", regions " + a.regions()));
        continue;
      }
      if (!b.status().equals(a.status())) {
        out.add(
            new Change(
                a.name(), a.status().equals(RETIRED) ? "retired" : "reactivated", null, null));
      }
      for (String r : a.regions()) {
        if (!b.regions().contains(r)) {
          out.add(new Change(a.name(), "enabled", r, null));
        }
      }
      for (String r : b.regions()) {
        if (!a.regions().contains(r)) {
          out.add(new Change(a.name(), "disabled", r, null));
        }
      }
      if (!Objects.equals(b.owner(), a.owner())) {
        out.add(new Change(a.name(), "changed", null, "owner " + b.owner() + " -> " + a.owner()));
      }
      if (!Objects.equals(b.purpose(), a.purpose())) {
        out.add(
            new Change(a.name(), "changed", null, "purpose " + b.purpose() + " -> " + a.purpose()));
      }
    }
    for (Entry b : before.values()) {
      if (!after.containsKey(b.name()) && !b.status().equals(RETIRED)) {
        out.add(new Change(b.name(), "retired", null, "no longer in the config"));
      }
    }
    return out;
  }

  /** The catalogue to record: the config's, plus every earlier automation the config dropped. */
  public static Map<String, Entry> merged(
      Map<String, Entry> before, Map<String, Entry> after, LocalDate runDate) {
    Map<String, Entry> out = new TreeMap<>(after);
    before.forEach(
        (name, b) -> {
          if (!out.containsKey(name)) {
            out.put(
                name,
                b.status().equals(RETIRED)
                    ? b
                    : new Entry(
                        name,
                        b.owner(),
                        b.purpose(),
                        RETIRED,
                        List.of(),
                        b.started(),
                        runDate,
                        b.description()));
          }
        });
    return out;
  }
}
