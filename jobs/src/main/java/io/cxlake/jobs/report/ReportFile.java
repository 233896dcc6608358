package io.cxlake.jobs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Where a report goes and how it is written: through Hadoop's FileSystem, so s3a and HDFS work. */
final class ReportFile {
  static final String NAME = "index.html";

  private ReportFile() {}

  /** {@code <lake.root>/reports/D}: the nightly's place for D's report. */
  static String defaultDir(String lakeRoot, LocalDate day) {
    return (lakeRoot.endsWith("/") ? lakeRoot : lakeRoot + "/") + "reports/" + day;
  }

  /** Writes {@code dir/index.html}, replacing it; returns its fully qualified path. */
  static String write(Configuration conf, String dir, String html) {
    Path file = new Path(dir, NAME);
    try {
      FileSystem fs = file.getFileSystem(conf);
      // No .crc sidecar beside the report on a local disk.
      fs.setWriteChecksum(false);
      try (OutputStream out = fs.create(file, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      return fs.makeQualified(file).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }
}
