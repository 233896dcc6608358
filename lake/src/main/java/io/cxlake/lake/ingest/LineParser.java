package io.cxlake.lake.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxlake.lake.landing.Landing;
import io.cxlake.lake.landing.Reason;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Parses one source's raw lines (columns {@code raw}, {@code source_file}) into the parsed schema
 * plus {@code _reason}/{@code _detail} (null for a good row) and the raw line and file, so a bad
 * row reaches quarantine verbatim.
 */
final class LineParser implements MapPartitionsFunction<Row, Row> {
  private final Source source;
  private final String[] header;
  private final long latestAllowedEpochSecond;
  private final int maxChars;
  private final Pseudonymiser pseudonymiser;

  LineParser(Source source, String[] header, Instant latestAllowed, int maxChars, Pseudonymiser p) {
    this.source = source;
    this.header = header;
    this.latestAllowedEpochSecond = latestAllowed.getEpochSecond();
    this.maxChars = maxChars;
    this.pseudonymiser = p;
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
        return RowFactory.create(Arrays.copyOf(out, out.length));
      }
    };
  }
}
