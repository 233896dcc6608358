package io.cxlake.lake.sim;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One user's whole history, in plain Java: profile, sessions, orders, returns, tickets, consent and
 * cohort assignments. To plant exact lifts, the post-assignment days are simulated again with each
 * automation's arm flipped, on the same random streams; the per-user differences are the truth that
 * the impact measurement must recover.
 */
final class UserSimulator implements Serializable {
  static final String[] AUTOMATIONS = {"homepage_recs", "cart_email", "support_bot"};
  static final double TREATMENT_SHARE = 0.8;
  static final String[] REGIONS = {"EU", "EU", "UK", "US"};
  static final String[][] COUNTRIES = {{"DE", "FR", "NL"}, {"DE", "FR", "NL"}, {"GB"}, {"US"}};
  private static final String[] SIZES = {"XS", "S", "M", "L", "XL"};
  private static final String[] RETURN_REASONS = {
    "too small", "too large", "changed mind", "damaged"
  };

  private final SimParams p;
  private final Catalog catalog;

  UserSimulator(SimParams p, Catalog catalog) {
    this.p = p;
    this.catalog = catalog;
  }

  /** The user's latent traits. */
  record Profile(
      long index,
      String id,
      int region,
      String country,
      int signupDay,
      double activity,
      double buyPropensity,
      double returnZ,
      double[] taste,
      boolean consentPersonalisation,
      boolean consentMarketing,
      boolean consentProfiling,
      int withdrawDay,
      String device) {}

  /** What one simulated world produced for the user from their assignment day on. */
  static final class Outcomes {
    long orders;
    double revenue;
    long itemsReturned;
    double refunds;
    long tickets;
    double resolutionMinutes;
  }

  Profile profile(long user) {
    SplittableRandom r = Rng.stream(p.seed(), user, -2);
    int region = r.nextInt(REGIONS.length);
    String[] countries = COUNTRIES[region];
    double[] taste = new double[Catalog.CATEGORIES.length];
    for (int c = 0; c < taste.length; c++) {
      taste[c] = Math.exp(1.3 * Rng.normal(r));
    }
    boolean late = Rng.chance(r, 0.15);
    int signup = late ? 1 + r.nextInt(p.days() - 2) : -1 - r.nextInt(400);
    boolean personalise = Rng.chance(r, REGIONS[region].equals("EU") ? 0.8 : 0.9);
    int withdraw = personalise && Rng.chance(r, 0.05) ? 1 + r.nextInt(p.days() - 1) : -1;
    return new Profile(
        user,
        String.format("u%07d", user),
        region,
        countries[r.nextInt(countries.length)],
        signup,
        Math.min(0.7, 0.18 * Math.exp(0.6 * Rng.normal(r))),
        1 / (1 + Math.exp(-(-0.6 + 0.9 * Rng.normal(r)))),
        Rng.normal(r),
        taste,
        personalise,
        Rng.chance(r, 0.6),
        Rng.chance(r, 0.7),
        withdraw,
        new String[] {"mobile", "desktop", "tablet"}[Rng.weighted(r, new double[] {5, 4, 1})]);
  }

  int firstDay(Profile u) {
    return Math.max(0, u.signupDay());
  }

  int assignDay(Profile u) {
    return Math.max(p.experimentStart(), firstDay(u));
  }

  boolean[] arms(Profile u) {
    boolean[] a = new boolean[AUTOMATIONS.length];
    for (int k = 0; k < a.length; k++) {
      a[k] = Rng.chance(Rng.stream(p.seed(), u.index(), -3, k), TREATMENT_SHARE);
    }
    return a;
  }

  /** Everything the user contributes: landing lines and truth lines. */
  List<Emitter.Out> simulate(long user) {
    Profile u = profile(user);
    boolean[] arms = arms(u);
    Emitter em = new Emitter(p.seed(), user, p.days() - 1, p.badRate());
    exportCustomer(u, em);
    Outcomes actual = run(u, arms, em);
    for (int k = 0; k < AUTOMATIONS.length; k++) {
      boolean[] flipped = arms.clone();
      flipped[k] = !arms[k];
      Outcomes other = run(u, flipped, Emitter.NONE);
      Outcomes on = arms[k] ? actual : other;
      Outcomes off = arms[k] ? other : actual;
      em.emit("truth/effects", 0, effectLine(AUTOMATIONS[k], u, on, off), "");
      em.emit(
          "assignments",
          assignDay(u),
          String.join(
              ",", u.id(), AUTOMATIONS[k], arms[k] ? "treatment" : "holdout", ts(assignDay(u), 0)),
          "");
    }
    StringBuilder tastes = new StringBuilder(u.id() + "," + REGIONS[u.region()]);
    tastes.append(
        String.format(
            Locale.ROOT, ",%.5f,%.5f,%.5f", u.activity(), u.buyPropensity(), u.returnZ()));
    for (double t : u.taste()) {
      tastes.append(String.format(Locale.ROOT, ",%.5f", t));
    }
    em.emit("truth/user_tastes", 0, tastes.toString(), "");
    return em.lines();
  }

  static String effectsHeader() {
    return "automation,user_id,orders_on,revenue_on,items_returned_on,refunds_on,tickets_on,"
        + "resolution_minutes_on,orders_off,revenue_off,items_returned_off,refunds_off,"
        + "tickets_off,resolution_minutes_off";
  }

  private static String effectLine(String automation, Profile u, Outcomes on, Outcomes off) {
    return String.format(
        Locale.ROOT,
        "%s,%s,%d,%.4f,%d,%.4f,%d,%.4f,%d,%.4f,%d,%.4f,%d,%.4f",
        automation,
        u.id(),
        on.orders,
        on.revenue,
        on.itemsReturned,
        on.refunds,
        on.tickets,
        on.resolutionMinutes,
        off.orders,
        off.revenue,
        off.itemsReturned,
        off.refunds,
        off.tickets,
        off.resolutionMinutes);
  }

  private void exportCustomer(Profile u, Emitter em) {
    String region = REGIONS[u.region()];
    em.emit(
        "customers",
        firstDay(u),
        customerLine(u, region, u.consentPersonalisation(), firstDay(u), 0),
        "");
    if (u.withdrawDay() > firstDay(u)) {
      em.emit(
          "customers", u.withdrawDay(), customerLine(u, region, false, u.withdrawDay(), 3600), "");
    }
  }

  private String customerLine(Profile u, String region, boolean personalise, int day, int second) {
    String signup =
        u.signupDay() >= 0
            ? p.day(u.signupDay()).toString()
            : p.day(0).plusDays(u.signupDay()).toString();
    return String.join(
        ",",
        u.id(),
        "customer" + u.index() + "@example.com",
        "+44 7700 " + String.format("%06d", u.index() % 1_000_000),
        region,
        u.country(),
        signup,
        String.valueOf(personalise),
        String.valueOf(u.consentMarketing()),
        String.valueOf(u.consentProfiling()),
        ts(day, second));
  }

  String ts(int day, long secondOfDay) {
    return Instant.ofEpochSecond(
            p.day(day).atStartOfDay().toEpochSecond(ZoneOffset.UTC) + secondOfDay)
        .toString();
  }

  /** One world: the day loop under the given arms. Emits only through an active emitter. */
  Outcomes run(Profile u, boolean[] arms, Emitter em) {
    Outcomes o = new Outcomes();
    int assign = assignDay(u);
    int lastOrderDay = -100;
    for (int d = firstDay(u); d < p.days(); d++) {
      boolean post = d >= assign;
      SplittableRandom r = Rng.stream(p.seed(), u.index(), d, 1);
      int sessions = Rng.chance(r, u.activity()) ? (Rng.chance(r, 0.3) ? 2 : 1) : 0;
      for (int s = 0; s < sessions; s++) {
        boolean ordered = session(u, arms, post, d, s, r, em, o);
        if (ordered) {
          lastOrderDay = d;
        }
      }
      ticket(u, arms, post, d, d - lastOrderDay <= 7, em, o);
    }
    return o;
  }

  private boolean session(
      Profile u,
      boolean[] arms,
      boolean post,
      int d,
      int s,
      SplittableRandom r,
      Emitter em,
      Outcomes o) {
    String sid = "s" + u.index() + "-" + d + "-" + s;
    long t = 8 * 3600 + r.nextInt(14 * 3600);
    String channel = Rng.chance(r, 0.4) ? "app" : "web";
    SplittableRandom late = Rng.stream(p.seed(), u.index(), d, s, 5);
    int landing = Rng.chance(late, 0.03) ? Math.min(p.days() - 1, d + 1 + late.nextInt(2)) : d;
    EventSink ev = sink(u, sid, d, t, channel, landing, em);
    ev.send("page_view", null, null, null, null);
    int topCat = Rng.weighted(r, u.taste());
    if (Rng.chance(r, 0.3)) {
      ev.send("search", null, null, null, Map.of("query", Catalog.CATEGORIES[topCat]));
    }
    boolean recs = arms[0] && post;
    if (recs) { // impressions and clicks come from their own stream: they never shift purchases
      SplittableRandom rr = Rng.stream(p.seed(), u.index(), d, s, 2);
      for (int pos = 0; pos < 3; pos++) {
        Catalog.Item it = catalog.pick(rr, Rng.weighted(rr, u.taste()), d);
        ev.send(
            "rec_impression",
            it,
            null,
            null,
            Map.of("automation", "homepage_recs", "position", pos));
        if (Rng.chance(rr, 0.12)) {
          ev.send(
              "rec_click", it, null, null, Map.of("automation", "homepage_recs", "position", pos));
        }
      }
    }
    List<Map<String, Object>> cart = new ArrayList<>();
    int views = 1 + r.nextInt(5);
    for (int v = 0; v < views; v++) {
      Catalog.Item it = catalog.pick(r, v == 0 ? topCat : Rng.weighted(r, u.taste()), d);
      ev.send("product_view", it, it.listPrice(), null, null);
      if (Rng.chance(r, 0.35)) {
        double discount = new double[] {0, 0, 0, 0, 0.1, 0.2, 0.3, 0.5}[r.nextInt(8)];
        int variants = it.sizeSensitive() && Rng.chance(r, 0.25) ? 2 + r.nextInt(2) : 1;
        int firstSize = r.nextInt(SIZES.length - variants + 1);
        for (int k = 0; k < variants; k++) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("item_id", it.id());
          line.put("variant", it.sizeSensitive() ? SIZES[firstSize + k] : null);
          line.put("quantity", Rng.chance(r, 0.1) ? 2 : 1);
          line.put("list_price", it.listPrice());
          line.put("unit_price", Math.round(it.listPrice() * (1 - discount) * 100) / 100.0);
          line.put("_item", it);
          line.put("_variants", variants);
          cart.add(line);
          ev.send("add_to_cart", it, line.get("unit_price"), line.get("quantity"), null);
        }
      }
    }
    if (cart.size() > 1 && Rng.chance(r, 0.1)) {
      Map<String, Object> removed = cart.remove(cart.size() - 1);
      ev.send(
          "remove_from_cart",
          (Catalog.Item) removed.get("_item"),
          null,
          removed.get("quantity"),
          null);
    }
    if (cart.isEmpty()) {
      return false;
    }
    double buy = Math.min(0.95, u.buyPropensity() * (recs ? 1.25 : 1.0));
    if (Rng.chance(r, buy)) {
      order(u, d, t + 600, sid, channel, cart, ev, em, o, d >= assignDay(u));
      return true;
    }
    // Abandoned cart: the e-mail brings some users back the next day.
    SplittableRandom rc = Rng.stream(p.seed(), u.index(), d, s, 3);
    double comeBack = arms[1] && post ? 0.30 : 0.10;
    if (d + 1 < p.days() && Rng.chance(rc, comeBack)) {
      String sid2 = sid + "r";
      EventSink ev2 = sink(u, sid2, d + 1, 9 * 3600, "web", d + 1, em);
      order(u, d + 1, 9 * 3600 + 60, sid2, "web", cart, ev2, em, o, d + 1 >= assignDay(u));
      return true;
    }
    return false;
  }

  /** Events of one session, numbered and 20 seconds apart, landing on the given day. */
  private EventSink sink(
      Profile u, String sid, int day, long t0, String channel, int landing, Emitter em) {
    int[] n = {0};
    return (type, item, price, qty, extra) -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("event_id", "e" + sid + "-" + n[0]);
      e.put("user_id", u.id());
      e.put("session_id", sid);
      e.put("event_type", type);
      e.put("item_id", item == null ? null : item.id());
      e.put("ts", ts(day, Math.min(t0 + 20L * n[0]++, 86399)));
      e.put("price", price);
      e.put("quantity", qty);
      e.put("channel", channel);
      e.put("device", u.device());
      if (extra != null) {
        e.putAll(extra);
      }
      if (em.active()) {
        em.event(landing, e);
      }
    };
  }

  /** Emits one event; extra holds optional fields such as query or automation. */
  @FunctionalInterface
  private interface EventSink {
    void send(String type, Catalog.Item item, Object price, Object qty, Map<String, Object> extra);
  }

  private void order(
      Profile u,
      int d,
      long t,
      String sid,
      String channel,
      List<Map<String, Object>> cart,
      EventSink ev,
      Emitter em,
      Outcomes o,
      boolean inWindow) {
    String orderId = "o" + sid;
    ev.send("checkout", null, null, null, null);
    List<Map<String, Object>> lines = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < cart.size(); i++) {
      Map<String, Object> c = cart.get(i);
      Catalog.Item it = (Catalog.Item) c.get("_item");
      int qty = (Integer) c.get("quantity");
      double unit = (Double) c.get("unit_price");
      ev.send("purchase", it, unit, qty, null);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("line_no", i + 1);
      line.put("item_id", it.id());
      line.put("variant", c.get("variant"));
      line.put("quantity", qty);
      line.put("list_price", it.listPrice());
      line.put("unit_price", unit);
      lines.add(line);
      total += unit * qty;
      returnOf(u, d, orderId, i + 1, it, (Integer) c.get("_variants"), qty, unit, em, o);
    }
    if (inWindow) {
      o.orders++;
      o.revenue += total;
    }
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("order_id", orderId);
    order.put("user_id", u.id());
    order.put("ordered_at", ts(d, Math.min(t, 86399)));
    order.put("channel", channel);
    order.put("device", u.device());
    if (em.active()) {
      em.order(d, order, lines);
    }
  }

  private void returnOf(
      Profile u,
      int d,
      String orderId,
      int lineNo,
      Catalog.Item it,
      int variants,
      int qty,
      double unit,
      Emitter em,
      Outcomes o) {
    SplittableRandom r = Rng.stream(p.seed(), u.index(), d, lineNo, orderId.hashCode(), 7);
    double discount = 1 - unit / it.listPrice();
    double pr = ReturnModel.probability(it.sizeSensitive(), variants, discount, u.returnZ(), unit);
    boolean returned = Rng.chance(r, pr);
    int day = d + 1 + r.nextInt(14);
    em.emit(
        "truth/order_lines",
        0,
        String.format(Locale.ROOT, "%s,%s,%.6f,%s,%d", orderId, it.id(), pr, returned, lineNo),
        "");
    if (!returned || day >= p.days()) {
      return; // returns after the last simulated day are in the truth only
    }
    if (day >= assignDay(u)) {
      o.itemsReturned += qty;
      o.refunds += unit * qty;
    }
    em.emit(
        "returns",
        day,
        String.join(
            ",",
            "r" + orderId + "-" + lineNo,
            orderId,
            String.valueOf(lineNo),
            it.id(),
            u.id(),
            String.valueOf(qty),
            ts(day, 10 * 3600 + r.nextInt(8 * 3600)),
            RETURN_REASONS[r.nextInt(RETURN_REASONS.length)],
            String.format(Locale.ROOT, "%.2f", unit * qty)),
        "");
  }

  private void ticket(
      Profile u, boolean[] arms, boolean post, int d, boolean recentOrder, Emitter em, Outcomes o) {
    SplittableRandom r = Rng.stream(p.seed(), u.index(), d, 4);
    if (!Rng.chance(r, recentOrder ? 0.06 : 0.008)) {
      return;
    }
    String intent = Tickets.intent(r, recentOrder);
    Catalog.Item it = catalog.pick(r, Rng.weighted(r, u.taste()), d);
    String body = Tickets.body(r, intent, it.title().toLowerCase(Locale.ROOT));
    long created = 7 * 3600 + r.nextInt(15 * 3600);
    boolean bot = arms[2] && post && Tickets.automatable(intent) && Rng.chance(r, 0.7);
    double agentMinutes = 25 * Math.exp(0.5 * Rng.normal(r));
    double minutes = bot ? 3 + 2 * r.nextDouble() : agentMinutes;
    if (post) {
      o.tickets++;
      o.resolutionMinutes += minutes;
    }
    String id = "t" + u.index() + "-" + d;
    em.emit(
        "tickets",
        d,
        new Json()
            .put("ticket_id", id)
            .put("user_id", u.id())
            .put("order_id", null)
            .put("created_at", ts(d, created))
            .put("channel", bot ? "chat" : "email")
            .put("subject", "Customer message")
            .put("body", body)
            .put("resolved_at", ts(d, Math.min(86399, created + Math.round(minutes * 60))))
            .put("resolved_by", bot ? "bot" : "agent")
            .put("handle_minutes", Math.round(minutes * 100) / 100.0)
            .toString(),
        "");
    em.emit("truth/tickets", 0, id + "," + intent, "");
  }
}
