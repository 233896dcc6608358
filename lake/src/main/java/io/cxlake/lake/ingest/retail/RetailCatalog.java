package io.cxlake.lake.ingest.retail;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * The Online Retail export has no categories or regions: these documented rules derive them
 * (category from keywords in the description, region from the country).
 */
final class RetailCatalog {
  /** Keyword (regex on the upper-cased description) → category, first match wins. */
  static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put("CHRISTMAS|XMAS|ADVENT", "christmas");
    CATEGORIES.put("BAG|PURSE", "bags");
    CATEGORIES.put("CANDLE|T-LIGHT|LANTERN|LIGHT|LAMP", "lighting");
    CATEGORIES.put("MUG|CUP|PLATE|BOWL|TEA|CAKE|JAR|BOTTLE|LUNCH|KITCHEN", "kitchen");
    CATEGORIES.put("CARD|WRAP|PAPER|NOTEBOOK|PEN|STICKER", "stationery");
    CATEGORIES.put("TOY|GAME|DOLL|PLAYHOUSE|SPACEBOY|CHILDREN", "toys");
    CATEGORIES.put("HEART|DECORATION|SIGN|FRAME|CLOCK|CUSHION|VINTAGE", "home_decor");
  }

  /** Countries of the European Union (as the export names them); the UK is its own region. */
  static final String EU =
      "Austria|Belgium|Cyprus|Czech Republic|Denmark|EIRE|Finland|France|Germany|Greece|Italy|"
          + "Lithuania|Malta|Netherlands|Poland|Portugal|Spain|Sweden|Channel Islands|"
          + "European Community";

  private RetailCatalog() {}

  static Column category(Column description) {
    Column d = upper(description);
    Column c = lit("other");
    // Built from the last rule backwards so the first matching rule wins.
    var rules = new java.util.ArrayList<>(CATEGORIES.entrySet());
    java.util.Collections.reverse(rules);
    for (var e : rules) {
      c = when(d.rlike(e.getKey()), lit(e.getValue())).otherwise(c);
    }
    return c;
  }

  static Column region(Column country) {
    return when(country.equalTo("United Kingdom"), lit("UK"))
        .when(country.rlike("^(" + EU + ")$"), lit("EU"))
        .when(country.equalTo("USA"), lit("US"))
        .otherwise(lit("OTHER"));
  }
}
