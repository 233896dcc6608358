package io.cxlake.jobs.report;

import java.util.ArrayList;
import java.util.List;

/** A section's HTML as it is built, with what it could not show (for the run's ledger message). */
final class Body {
  private final StringBuilder html = new StringBuilder();
  private final List<String> unavailable = new ArrayList<>();
  private int charts;

  /** Appends HTML that is already escaped. */
  Body add(String h) {
    html.append(h);
    return this;
  }

  /** A sub-heading (plain text). */
  Body h3(String text) {
    return add("<h3>" + Html.esc(text) + "</h3>");
  }

  /** A chart with its caption. */
  Body chart(String svg, String caption) {
    charts++;
    return add(Html.figure(svg, caption));
  }

  /** Says that {@code what} is not available and why. */
  Body notAvailable(String what, String why) {
    unavailable.add(what);
    return add(Html.notAvailable(what + ": " + why));
  }

  String html() {
    return html.toString();
  }

  List<String> unavailable() {
    return unavailable;
  }

  int charts() {
    return charts;
  }
}
