package io.cxlake.jobs.sql;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.ConfigError;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Runs SQL against the lake: every table is a view under its short name. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Query the lake: every table is a view under its short name (events, runs, ...).")
public final class SqlCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Parameters(
      arity = "0..1",
      paramLabel = "QUERY",
      description = "SQL statement(s), ';'-separated.")
  String query;

  @Option(names = "-f", paramLabel = "FILE", description = "Read the SQL from a file.")
  File file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SqlFormat format;

  @Option(
      names = "--max-rows",
      defaultValue = "1000",
      description = "Rows printed per statement (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Override
  public Integer call() throws Exception {
    if ((query == null) == (file == null)) {
      throw new ConfigError("give either a QUERY or -f FILE");
    }
    String text = file != null ? Files.readString(file.toPath()) : query;
    Pipeline p = Pipeline.open(common, main.secrets());
    p.lake().registerViews(Tables.ALL);
    for (String statement : SqlScript.statements(text)) {
      Dataset<Row> result = p.spark().sql(statement);
      print(result, System.out);
    }
    return ExitCodes.OK;
  }

  private void print(Dataset<Row> result, PrintStream out) {
    if (result.columns().length == 0) {
      return;
    }
    List<Row> rows = result.limit(maxRows).collectAsList();
    out.print(SqlFormat.render(format, result.columns(), rows));
  }
}
