package io.cxlake.lake.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Collects one user's output lines, and plants the bad rows and duplicates: each good event or
 * order may get one extra copy with exactly one defect (tagged with its reason code) or an exact
 * duplicate (tagged {@code duplicate}). A counterfactual run uses {@link #NONE}.
 */
class Emitter {
  static final String DUPLICATE = "duplicate";

  /** One output line: where it goes (landing source or truth file), its day, sort key and tag. */
  record Out(String kind, int day, String key, String line, String tag) {}

  static final Emitter NONE =
      new Emitter(0, 0, 0, 0) {
        @Override
        void emit(String kind, int day, String line, String tag) {}

        @Override
        boolean active() {
          return false;
        }
      };

  private static final String[] EVENT_DEFECTS = {
    "malformed",
    "oversized_field",
    "missing_id",
    "wrong_type",
    "unknown_event_type",
    "bad_timestamp",
    "bad_price",
    "zero_quantity",
    "unknown_reference"
  };
  private static final String[] ORDER_DEFECTS = {
    "malformed",
    "oversized_field",
    "missing_id",
    "wrong_type",
    "bad_timestamp",
    "bad_price",
    "zero_quantity",
    "unknown_reference"
  };

  private final List<Out> out = new ArrayList<>();
  private final long user;
  private final int lastDay;
  private final double badRate;
  private final SplittableRandom planting;
  private long seq;

  Emitter(long seed, long user, int lastDay, double badRate) {
    this.user = user;
    this.lastDay = lastDay;
    this.badRate = badRate;
    this.planting = Rng.stream(seed, user, 99);
  }

  boolean active() {
    return true;
  }

  List<Out> lines() {
    return out;
  }

  void emit(String kind, int day, String line, String tag) {
    out.add(new Out(kind, day, String.format("%010d-%08d", user, seq++), line, tag));
  }

  /** A good event, maybe followed by a planted duplicate or a defective copy. */
  void event(int day, Map<String, Object> e) {
    String good = render(e);
    emit("events", day, good, "");
    if (Rng.chance(planting, badRate)) {
      int dupDay = Rng.chance(planting, 0.5) && day < lastDay ? day + 1 : day;
      emit("events", dupDay, good, DUPLICATE);
    }
    if (Rng.chance(planting, badRate)) {
      String reason = EVENT_DEFECTS[planting.nextInt(EVENT_DEFECTS.length)];
      Map<String, Object> bad = new LinkedHashMap<>(e);
      bad.put("event_id", e.get("event_id") + "x");
      emit("events", day, defect(reason, bad, "event"), reason);
    }
  }

  /** A good order, maybe followed by a defective copy. */
  void order(int day, Map<String, Object> o, List<Map<String, Object>> lines) {
    emit("orders", day, renderOrder(o, lines), "");
    if (Rng.chance(planting, badRate)) {
      String reason = ORDER_DEFECTS[planting.nextInt(ORDER_DEFECTS.length)];
      Map<String, Object> bad = new LinkedHashMap<>(o);
      bad.put("order_id", o.get("order_id") + "x");
      List<Map<String, Object>> badLines = new ArrayList<>();
      lines.forEach(l -> badLines.add(new LinkedHashMap<>(l)));
      Map<String, Object> first = badLines.get(0);
      String line =
          switch (reason) {
            case "wrong_type" -> {
              first.put("quantity", "one");
              yield renderOrder(bad, badLines);
            }
            case "bad_price" -> {
              first.put("unit_price", -Math.abs((Double) first.get("unit_price")) - 1);
              yield renderOrder(bad, badLines);
            }
            case "zero_quantity" -> {
              first.put("quantity", 0);
              yield renderOrder(bad, badLines);
            }
            case "unknown_reference" -> {
              first.put("item_id", "ghost-item-" + user);
              yield renderOrder(bad, badLines);
            }
            default -> defect(reason, bad, "order", badLines);
          };
      emit("orders", day, line, reason);
    }
  }

  private String defect(String reason, Map<String, Object> m, String what) {
    return defect(reason, m, what, null);
  }

  private String defect(
      String reason, Map<String, Object> m, String what, List<Map<String, Object>> lines) {
    String idKey = what.equals("event") ? "event_id" : "order_id";
    String tsKey = what.equals("event") ? "ts" : "ordered_at";
    switch (reason) {
      case "malformed" -> {
        String s = lines == null ? render(m) : renderOrder(m, lines);
        return s.substring(0, s.length() / 2);
      }
      case "oversized_field" -> m.put("device", "x".repeat(2500));
      case "missing_id" -> {
        if (Rng.chance(planting, 0.5)) {
          m.put(idKey, null);
        } else {
          m.put("user_id", "");
        }
      }
      case "wrong_type" -> m.put("quantity", "two");
      case "unknown_event_type" -> m.put("event_type", "teleport");
      case "bad_timestamp" ->
          m.put(tsKey, Rng.chance(planting, 0.5) ? "yesterday at noon" : "2099-01-01T00:00:00Z");
      case "bad_price" -> m.put("price", Rng.chance(planting, 0.5) ? (Object) (-9.99) : "abc");
      case "zero_quantity" -> m.put("quantity", 0);
      case "unknown_reference" -> m.put("user_id", "ghost-user-" + user);
      default -> throw new IllegalArgumentException(reason);
    }
    return lines == null ? render(m) : renderOrder(m, lines);
  }

  static String render(Map<String, Object> m) {
    Json j = new Json();
    m.forEach(j::put);
    return j.toString();
  }

  static String renderOrder(Map<String, Object> o, List<Map<String, Object>> lines) {
    StringBuilder arr = new StringBuilder("[");
    for (Map<String, Object> l : lines) {
      arr.append(arr.length() > 1 ? "," : "").append(render(l));
    }
    Json j = new Json();
    o.forEach(j::put);
    j.put("lines", new Json.Raw(arr.append(']').toString()));
    return j.toString();
  }
}
