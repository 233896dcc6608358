package io.cxlake.jobs.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.to_date;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.features.FeaturesCommand;
import io.cxlake.jobs.ingest.IngestCommand;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;

/**
 * A generated shop with planted tastes (each user's weights over the categories; items drawn by
 * taste × item popularity, truth/user_tastes) built fast: the landing days are ingested in one run
 * and each row's ingest date is then set to its own date, as if it had arrived that day (one ingest
 * per day costs about 20 s here; the visibility rules only see the ingest date). Features are built
 * once, in full, as of the last day + 1.
 */
final class PlantedShop {
  private PlantedShop() {}

  static void build(Path dir, Pipeline p, LocalDate first, LocalDate last, int users, int items)
      throws Exception {
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    int code =
        Main.run(
            p.secrets(),
            "generate",
            "--out",
            dir.toString(),
            "--users",
            String.valueOf(users),
            "--items",
            String.valueOf(items),
            "--days",
            String.valueOf(days),
            "--bad-rate",
            "0",
            "--first-day",
            first.toString());
    assertThat(code).as("generate").isEqualTo(ExitCodes.OK);
    gatherIntoLastDay(dir.resolve("landing"), last);
    IngestCommand.run(p, last);
    Lake lake = p.lake();
    Map<TableDef, Column> own =
        Map.of(
            Table.EVENTS, col("event_date"),
            Table.ORDERS, col("order_date"),
            Table.ORDER_LINES, col("order_date"),
            Table.RETURNS, col("return_date"),
            Table.ITEMS, to_date(col("updated_at")),
            Table.CUSTOMERS, to_date(col("updated_at")));
    own.forEach(
        (t, day) ->
            DeltaTable.forPath(lake.spark(), lake.path(t))
                .update(Map.of("ingest_date", least(day, col("ingest_date")))));
    FeaturesCommand.run(p, last, true);
  }

  /** Moves every day's landing files into the last day's folders (names kept apart by day). */
  private static void gatherIntoLastDay(Path landing, LocalDate last) throws IOException {
    String target = "date=" + last;
    try (Stream<Path> sources = Files.list(landing)) {
      for (Path source : sources.toList()) {
        Path into = source.resolve(target);
        Files.createDirectories(into);
        try (Stream<Path> days = Files.list(source)) {
          for (Path day : days.toList()) {
            if (!Files.isDirectory(day) || day.getFileName().toString().equals(target)) {
              continue;
            }
            try (Stream<Path> files = Files.list(day)) {
              for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith("_")) {
                  Files.move(f, into.resolve(day.getFileName() + "-" + name));
                }
              }
            }
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
