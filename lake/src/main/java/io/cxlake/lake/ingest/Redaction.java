package io.cxlake.lake.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks raw e-mail addresses and phone numbers in text that goes to quarantine verbatim: each is
 * replaced by its keyed hash (the value customers.email_hash / phone_hash holds), so a refused line
 * can still be matched to its customer but never shows the identifier itself.
 */
final class Redaction implements Serializable {
  static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

  /** International numbers; a local number without "+" is caught only in a CSV phone column. */
  static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 ().-]{5,}[0-9]");

  private final Pseudonymiser p;
  private final String[] csvHeader;

  /** {@code csvHeader}: the source's CSV columns, or null for a JSON source. */
  Redaction(Pseudonymiser p, String[] csvHeader) {
    this.p = p;
    this.csvHeader = csvHeader;
  }

  /**
   * The text with every e-mail and phone replaced by {@code email_hash:<hex>} or {@code
   * phone_hash:<hex>}. A CSV line has its email and phone columns hashed by position first (a local
   * phone number has no pattern to find), also when it has too few or too many fields. Masking
   * twice changes nothing.
   */
  String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = csvHeader == null ? text : byColumn(text);
    out = replace(EMAIL, out, m -> "email_hash:" + p.hash(Pseudonymiser.email(m)));
    return replace(PHONE, out, m -> "phone_hash:" + p.hash(Pseudonymiser.phone(m)));
  }

  private String byColumn(String line) {
    List<String> cells;
    try {
      cells = LineFormats.split(line);
    } catch (LineFormats.Malformed e) {
      return line; // not splittable: the patterns are all there is
    }
    StringBuilder sb = new StringBuilder();
    boolean changed = false;
    // By position even when the width is wrong: a truncated line keeps its leading columns.
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String before = c;
      String column = i < csvHeader.length ? csvHeader[i] : "";
      boolean hashed = c.startsWith("email_hash:") || c.startsWith("phone_hash:");
      if (!hashed && !c.isBlank() && column.equals("email")) {
        c = "email_hash:" + p.hash(Pseudonymiser.email(c));
      } else if (!hashed && !c.isBlank() && column.equals("phone")) {
        c = "phone_hash:" + p.hash(Pseudonymiser.phone(c));
      }
      changed |= !c.equals(before);
      sb.append(i == 0 ? "" : ",").append(quote(c));
    }
    return changed ? sb.toString() : line;
  }

  private static String quote(String c) {
    return c.contains(",") || c.contains("\"") || c.contains("\n")
        ? "\"" + c.replace("\"", "\"\"") + "\""
        : c;
  }

  private static String replace(Pattern pattern, String text, Function<String, String> with) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m.group())));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
