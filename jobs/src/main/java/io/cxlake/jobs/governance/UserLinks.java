package io.cxlake.jobs.governance;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.regexp_extract;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.TableDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Everything that identifies the rows of some users: their user_ids, and the ids of what they own
 * (orders, tickets, returns), each mapped back to its user. A table holds the users' rows when it
 * has one of these columns, or a raw landing line ({@code raw}) that names one of the ids as a
 * token. Works from columns, not from a list of tables, so a table added later is covered too.
 */
final class UserLinks {
  /** The columns that tie a row to a user, user_id first. */
  static final List<String> COLUMNS = List.of("user_id", "order_id", "ticket_id", "return_id");

  /** A column holding a raw landing line (quarantine). */
  static final String RAW = "raw";

  /** Characters that may continue an id: a token must not be part of a longer one. */
  private static final String ID_CHAR = "[A-Za-z0-9_.@-]";

  /** column → (value → user_id). */
  private final Map<String, Map<String, String>> links;

  private UserLinks(Map<String, Map<String, String>> links) {
    this.links = links;
  }

  /** The users' ids and the ids of everything the tables say they own. */
  static UserLinks of(Lake lake, Collection<? extends TableDef> tables, Set<String> users) {
    Map<String, Map<String, String>> links = new LinkedHashMap<>();
    Map<String, String> self = new LinkedHashMap<>();
    users.forEach(u -> self.put(u, u));
    links.put("user_id", self);
    List<String> ids = List.copyOf(users);
    for (TableDef t : tables) {
      List<String> cols = List.of(t.schema().fieldNames());
      if (!cols.contains("user_id") || !lake.exists(t)) {
        continue;
      }
      for (String c : COLUMNS.subList(1, COLUMNS.size())) {
        if (!cols.contains(c)) {
          continue;
        }
        for (Row r :
            lake.read(t)
                .where(col("user_id").isin(ids.toArray()).and(col(c).isNotNull()))
                .select(col(c), col("user_id"))
                .distinct()
                .collectAsList()) {
          links
              .computeIfAbsent(c, k -> new LinkedHashMap<>())
              .putIfAbsent(r.getString(0), r.getString(1));
        }
      }
    }
    return new UserLinks(links);
  }

  /** The values of one link column that belong to the user (e.g. their order ids). */
  List<String> values(String column, String user) {
    return links.getOrDefault(column, Map.of()).entrySet().stream()
        .filter(e -> e.getValue().equals(user))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Whether the table can hold rows of a user at all: a link column or a raw line. */
  static boolean mayHoldUsers(TableDef t) {
    List<String> cols = List.of(t.schema().fieldNames());
    return cols.contains(RAW) || COLUMNS.stream().anyMatch(cols::contains);
  }

  /** The condition selecting the users' rows of a table, if it can hold any. */
  Optional<Column> condition(TableDef t) {
    List<String> cols = List.of(t.schema().fieldNames());
    Column cond = null;
    for (String c : COLUMNS) {
      Map<String, String> values = links.get(c);
      if (cols.contains(c) && values != null && !values.isEmpty()) {
        Column one = col(c).isin(values.keySet().toArray());
        cond = cond == null ? one : cond.or(one);
      }
    }
    if (cols.contains(RAW)) {
      Column one = col(RAW).rlike(tokenPattern());
      cond = cond == null ? one : cond.or(one);
    }
    return Optional.ofNullable(cond);
  }

  /** Which user a selected row belongs to: the first link column that names one. */
  Column owner(TableDef t) {
    List<String> cols = List.of(t.schema().fieldNames());
    List<Column> who = new ArrayList<>();
    for (String c : COLUMNS) {
      if (cols.contains(c) && links.containsKey(c)) {
        who.add(element_at(literal(links.get(c)), col(c)));
      }
    }
    if (cols.contains(RAW)) {
      who.add(element_at(literal(allTokens()), regexp_extract(col(RAW), tokenPattern(), 1)));
    }
    return coalesce(who.toArray(Column[]::new));
  }

  /** Any of the ids as a whole token: {@code (?<!idchar)(id1|id2|...)(?!idchar)}. */
  private String tokenPattern() {
    String alternatives =
        allTokens().keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"));
    return "(?<!" + ID_CHAR + ")(" + alternatives + ")(?!" + ID_CHAR + ")";
  }

  private Map<String, String> allTokens() {
    Map<String, String> all = new LinkedHashMap<>();
    links.values().forEach(m -> m.forEach(all::putIfAbsent));
    return all;
  }

  private static Column literal(Map<String, String> m) {
    List<Column> kv = new ArrayList<>();
    m.forEach(
        (k, v) -> {
          kv.add(lit(k));
          kv.add(lit(v));
        });
    return map(kv.toArray(Column[]::new));
  }
}
