package io.cxlake.lake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxlake.lake.governance.Erasures;
import io.cxlake.lake.landing.Landing;
import io.cxlake.lake.landing.Reason;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Parses one source's raw lines (columns {@code raw}, {@code source_file}) into the parsed schema
 * plus {@code _reason}/{@code _detail} (null for a good row) and the raw line and file, so a bad
 * row reaches quarantine (with e-mails and phones masked, see {@link Redaction}). A row of a user
 * with a standing erasure gets the reason {@link #ERASED} instead: it is neither written nor
 * quarantined.
 */
final class LineParser implements MapPartitionsFunction<Row, Row> {
  private final Source source;
  private final String[] header;
  private final long latestAllowedEpochSecond;
  private final int maxChars;
  private final Pseudonymiser pseudonymiser;
  private final Set<String> erased;
  private final int userColumn;

  /** The reason marking a row of a forgotten user: dropped and counted, never stored. */
  static final String ERASED = "_erased";

  /** What separates the tokens of a raw line (JSON or CSV) in which a user_id may stand. */
  private static final Pattern TOKENS = Pattern.compile("[\\s,;:\"{}\\[\\]]+");

  LineParser(
      Source source,
      String[] header,
      Instant latestAllowed,
      int maxChars,
      Pseudonymiser p,
      Set<String> erased) {
    this.source = source;
    this.header = header;
    this.latestAllowedEpochSecond = latestAllowed.getEpochSecond();
    this.maxChars = maxChars;
    this.pseudonymiser = p;
    this.erased = erased;
    this.userColumn = List.of(source.parsedSchema().fieldNames()).indexOf("user_id");
  }

  static StructType outputSchema(Source s) {
    return s.parsedSchema()
        .add("_reason", DataTypes.StringType)
        .add("_detail", DataTypes.StringType)
        .add("raw", DataTypes.StringType)
        .add("source_file", DataTypes.StringType);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> lines) {
    int width = source.parsedSchema().size();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Row next() {
        Row in = lines.next();
        String raw = in.getString(0);
        Object[] out = new Object[width + 4];
        out[width + 2] = raw;
        out[width + 3] = in.getString(1);
        try {
          JsonNode node = null;
          Map<String, Object> values;
          if (source.landing.format() == Landing.Format.JSON) {
            node = LineFormats.json(raw);
            values = LineFormats.fieldsOf(node);
          } else {
            values = LineFormats.csv(raw, header);
          }
          Fields f = new Fields(values, Instant.ofEpochSecond(latestAllowedEpochSecond), maxChars);
          Object[] parsed = source.parse(f, node, pseudonymiser);
          if (parsed == null) {
            out[width] = f.reason().code();
            out[width + 1] = f.detail();
          } else {
            System.arraycopy(parsed, 0, out, 0, width);
          }
        } catch (LineFormats.Malformed e) {
          out[width] = Reason.MALFORMED.code();
          out[width + 1] = e.getMessage();
        }
        if (!erased.isEmpty() && isErased(out, width, raw)) {
          out[width] = ERASED;
          out[width + 1] = null;
          out[width + 2] = "";
        }
        return RowFactory.create(Arrays.copyOf(out, out.length));
      }
    };
  }

  /**
   * Whether the row belongs to a forgotten user: a parsed row by its user_id; a refused one by any
   * token of the raw line (its user_id may not have parsed), hashed the same way.
   */
  private boolean isErased(Object[] out, int width, String raw) {
    if (out[width] == null) {
      return userColumn >= 0
          && out[userColumn] != null
          && erased.contains(Erasures.userHash(pseudonymiser, (String) out[userColumn]));
    }
    for (String token : TOKENS.split(raw)) {
      if (!token.isEmpty() && erased.contains(Erasures.userHash(pseudonymiser, token))) {
        return true;
      }
    }
    return false;
  }
}
