package io.cxlake.jobs.report;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The run date's HTML report, from the lake's aggregate tables. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write the HTML report of --run-date (lift and ROI with intervals, KPI trends, the"
            + " recommenders, return risk, the run's quality and drift verdicts and what was"
            + " published) to DIR/index.html; DIR defaults to <lake.root>/reports/<run-date>."
            + " Sections whose tables are missing say so. Reads the lake only.")
public final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for index.html: a local path, hdfs:// or s3a:// (default: <lake.root>/reports/<run-date>).")
  String out;

  /** Where the report went and what it holds. */
  public record Written(String path, int charts, List<String> unavailable) {
    public String summary() {
      return "report written to "
          + path
          + " ("
          + charts
          + " charts"
          + (unavailable.isEmpty() ? "" : "; not available: " + String.join(", ", unavailable))
          + ")";
    }
  }

  @Override
  public Integer call() {
    LocalDate day = common.runDate();
    Pipeline p = Pipeline.open(common, main.secrets());
    String dir = out != null ? out : ReportFile.defaultDir(p.config().lake().root(), day);
    System.out.println(write(p, day, dir).summary());
    return ExitCodes.OK;
  }

  /** Renders D's report and writes it to {@code dir}. */
  public static Written write(Pipeline p, LocalDate day, String dir) {
    Report.Rendered r = Report.render(p.lake(), day, Instant.now());
    String path = ReportFile.write(p.spark().sparkContext().hadoopConfiguration(), dir, r.html());
    return new Written(path, r.charts(), r.unavailable());
  }

  /** The nightly's last step: the report to {@code <lake.root>/reports/D/index.html}. */
  public static Written run(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "report",
        day,
        List.of(),
        () -> write(p, day, ReportFile.defaultDir(p.config().lake().root(), day)),
        w -> new Pipeline.StepResult(Map.of("charts", (long) w.charts()), w.summary()));
  }

  /** Where the nightly puts D's report. */
  public static String defaultPath(String lakeRoot, LocalDate day) {
    return ReportFile.defaultDir(lakeRoot, day) + "/" + ReportFile.NAME;
  }
}
