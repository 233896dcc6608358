package io.cxlake.jobs.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.GateBlockedException;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.jobs.features.FeaturesCommand;
import io.cxlake.jobs.ingest.IngestCommand;
import io.cxlake.jobs.nightly.QualityGate;
import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.SparkExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One generated shop per test JVM, shared by the governance tests: generated once (with 3% bad
 * rows, so quarantine has lines naming real users), every day but the last ingested and judged by
 * the quality gate (its metrics are the history), features built as of the last day ingested. Each
 * test works on its own copy of the lake, so tests that delete or purge never see each other. A
 * Delta table's log holds paths relative to its folder, so a copied folder is a complete lake.
 */
final class SharedShop {
  static final String KEY = "governance-test-key-0123456789";
  static final Secrets SECRETS =
      Secrets.fromEnvironment().withOverrides(Map.of("CXLAKE_PSEUDONYM_KEY", KEY));
  static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
  static final int DAYS = 4;

  /** The last day ingested. */
  static final LocalDate LAST = FIRST.plusDays(DAYS - 1);

  /** A day generated (its landing files are there) but not ingested: a next night to run. */
  static final LocalDate NEXT = LAST.plusDays(1);

  private static Path root;

  private SharedShop() {}

  /** The shop's folder: landing/, truth/, lake/ (do not modify: copy with {@link #lakeCopy}). */
  static synchronized Path root() {
    String reuse = System.getProperty("cxlake.test.shop");
    if (root == null && reuse != null && Files.isDirectory(Path.of(reuse, "lake"))) {
      root = Path.of(reuse); // a shop an earlier run built: for iterating on one test
    }
    if (root == null) {
      try {
        root = Files.createTempDirectory("cxlake-governance-shop");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long t0 = System.nanoTime();
      int code =
          Main.run(
              SECRETS,
              "generate",
              "--out",
              root.toString(),
              "--users",
              "200",
              "--items",
              "40",
              "--days",
              String.valueOf(DAYS + 1),
              "--bad-rate",
              "0.03",
              "--first-day",
              FIRST.toString());
      assertThat(code).as("generate").isEqualTo(ExitCodes.OK);
      Pipeline p =
          new Pipeline(
              ConfigLoader.load(
                  null, List.of("lake.root=" + root.resolve("lake"), "lake.landing=" + landing())),
              SparkExtension.spark(),
              SECRETS);
      try {
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
          IngestCommand.run(p, d);
          try {
            QualityGate.run(p, d); // the history later days are judged against
          } catch (GateBlockedException e) {
            System.out.println("shared shop: " + e.getMessage()); // metrics are kept anyway
          }
        }
        FeaturesCommand.run(p, LAST, true);
      } catch (Exception e) {
        throw new IllegalStateException("the shared shop could not be built", e);
      }
      System.out.printf("shared shop built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
    return root;
  }

  static Path landing() {
    return root.resolve("landing");
  }

  /** A fresh copy of the shop's lake under {@code dir}; returns its root. */
  static Path lakeCopy(Path dir) {
    return copy(root().resolve("lake"), dir.resolve("lake"));
  }

  /** A fresh copy of the shop's landing zone under {@code dir}, to plant faults in. */
  static Path landingCopy(Path dir) {
    return copy(root().resolve("landing"), dir.resolve("landing"));
  }

  private static Path copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  static Lake lake(Path lakeRoot) {
    return new Lake(SparkExtension.spark(), lakeRoot.toString());
  }
}
