package io.cxlake.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The analyst notebooks of notebooks-export/, run as an analyst runs them ({@code sql -f FILE
 * --format csv}) and checked against the result columns each declares: one {@code -- columns: a, b,
 * c} line per statement, in order.
 */
public final class Notebooks {
  static final Path DIR = Path.of("../notebooks-export");
  static final String COLUMNS = "-- columns:";

  private Notebooks() {}

  /** One statement's result: its CSV header and rows. */
  public record Result(String header, List<String> rows) {}

  /** Every notebook file, by name. */
  public static List<Path> all() {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result columns the notebook declares, one list per statement. */
  static List<List<String>> declared(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(COLUMNS)) {
        out.add(
            Arrays.stream(line.substring(COLUMNS.length()).split(",")).map(String::trim).toList());
      }
    }
    return out;
  }

  /**
   * Runs the notebook on the lake and asserts it exits 0, has as many statements as declared column
   * lists, and that each statement returns at least one row under exactly its declared header.
   * Returns the results, in order.
   */
  public static List<Result> runAndCheck(Secrets secrets, String lakeRoot, Path notebook)
      throws IOException {
    String name = notebook.getFileName().toString();
    String text = Files.readString(notebook);
    List<List<String>> declared = declared(text);
    assertThat(declared).as("%s declares its columns", name).isNotEmpty();
    assertThat(SqlScript.statements(text))
        .as("%s: one '%s' line per statement", name, COLUMNS)
        .hasSameSizeAs(declared);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          Main.run(
              secrets,
              "sql",
              "--set",
              "lake.root=" + lakeRoot,
              "--format",
              "csv",
              "-f",
              notebook.toString());
    } finally {
      System.setOut(old);
    }
    assertThat(code).as(name).isEqualTo(ExitCodes.OK);

    // Results follow each other; each starts with its header, which is how they are told apart.
    List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    List<Result> results = new ArrayList<>();
    int at = 0;
    for (int k = 0; k < declared.size(); k++) {
      String header = String.join(",", declared.get(k));
      assertThat(at).as("%s: statement %d printed nothing", name, k + 1).isLessThan(lines.size());
      assertThat(lines.get(at)).as("%s: statement %d's columns", name, k + 1).isEqualTo(header);
      String nextHeader = k + 1 < declared.size() ? String.join(",", declared.get(k + 1)) : null;
      int end = at + 1;
      while (end < lines.size() && !lines.get(end).equals(nextHeader)) {
        end++;
      }
      List<String> rows = lines.subList(at + 1, end);
      assertThat(rows).as("%s: statement %d's rows", name, k + 1).isNotEmpty();
      results.add(new Result(header, rows));
      at = end;
    }
    return results;
  }
}
