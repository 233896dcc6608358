package io.cxlake.lake.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.ingest.IngestResult;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.Checksums;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real export's sample (test resources, CC BY 4.0) ingests end to end and reconciles. */
@ExtendWith(SparkExtension.class)
class OnlineRetailIngestTest {
  private static final String SAMPLE = "online-retail/online_retail_sample.csv.gz";

  /** Counts computed independently from the file, line by line in plain Java. */
  private static Map<String, Long> expected() throws Exception {
    Map<String, Long> reasons = new HashMap<>();
    Set<String> seen = new HashSet<>();
    long duplicates = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    OnlineRetailIngestTest.class.getClassLoader().getResourceAsStream(SAMPLE)),
                StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        RetailLine l = RetailLine.parse(line);
        if (l.reason() != null) {
          reasons.merge(l.reason(), 1L, Long::sum);
        } else if (!seen.add(line)) {
          duplicates++;
        }
      }
    }
    reasons.put("duplicates", duplicates);
    return reasons;
  }

  @Test
  void sampleIngestsWithEveryRowAccountedForAndRerunChangesNothing(SparkSession spark)
      throws Exception {
    Lake lake = TempLake.create(spark);
    String path =
        Path.of(OnlineRetailIngestTest.class.getClassLoader().getResource(SAMPLE).toURI())
            .toString();
    LocalDate day = LocalDate.of(2026, 11, 1);
    IngestResult r = OnlineRetailIngest.run(lake, path, day);
    IngestResult.SourceCounts c = r.sources().get(OnlineRetailIngest.SOURCE);

    assertThat(c.read()).isEqualTo(20_000);
    assertThat(c.reconciles()).as("read = written + quarantined + duplicates: %s", c).isTrue();
    Map<String, Long> expected = expected();
    assertThat(c.duplicates()).isEqualTo(expected.remove("duplicates"));
    // Parse-time reasons match the plain-Java count; cancellations with no earlier purchase add
    // unknown_reference on top.
    expected.forEach((reason, n) -> assertThat(c.quarantinedByReason()).containsEntry(reason, n));
    assertThat(c.quarantinedByReason())
        .containsKeys("missing_id", "not_a_product", "unknown_reference");
    assertThat(lake.read(Table.QUARANTINE).count()).isEqualTo(c.quarantined());
    assertThat(lake.read(Table.ORDER_LINES).count() + lake.read(Table.RETURNS).count())
        .isEqualTo(c.written());
    // Every return points at an earlier purchase of the same item by the same customer.
    long orphans =
        lake.read(Table.RETURNS)
            .as("r")
            .join(
                lake.read(Table.ORDER_LINES).as("l"),
                org.apache.spark.sql.functions.expr(
                    "r.order_id = l.order_id AND r.line_no = l.line_no AND r.item_id = l.item_id"
                        + " AND r.user_id = l.user_id AND l.ordered_at <= r.returned_at"),
                "left_anti")
            .count();
    assertThat(orphans).isZero();
    assertThat(lake.read(Table.CUSTOMERS).where("user_id LIKE '%.0'").count()).isZero();

    Map<String, String> before = Checksums.all(lake);
    IngestResult again = OnlineRetailIngest.run(lake, path, day);
    assertThat(again.sources().get(OnlineRetailIngest.SOURCE).written()).isZero();
    assertThat(Checksums.all(lake)).isEqualTo(before);
  }
}
