package io.cxlake.lake.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Named points where a crash test can stop the process. With the system property {@code
 * cxlake.fault.pause-at=POINT}, the process that reaches POINT writes the file named by {@code
 * cxlake.fault.marker} and blocks there for good, so the test can kill it with SIGKILL at exactly
 * that point. Without the property (always, outside those tests) every call returns at once and
 * nothing is added to any plan.
 *
 * <p>Points: {@code mid:STEP} inside the step's first lake write ({@code mid:STEP#N}: its N-th),
 * after some of its data files are written and before its Delta commit (for {@code publish}: inside
 * the serving-store write, before the pointer flip); {@code done:STEP} after the step's work,
 * before its ledger row; {@code after:STEP} after its ledger row.
 */
public final class FaultPause {
  public static final String PROPERTY = "cxlake.fault.pause-at";
  public static final String MARKER = "cxlake.fault.marker";

  /** The job-group id Spark keeps per thread; {@code Pipeline.step} sets it to the step's name. */
  private static final String JOB_GROUP = "spark.jobGroup.id";

  /** Lake writes of the configured step so far (one run per process in crash tests). */
  private static final AtomicInteger WRITES = new AtomicInteger();

  private FaultPause() {}

  /** Blocks for good if this is the configured point; otherwise returns at once. */
  public static void at(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      pause(point);
    }
  }

  /**
   * The rows of a lake write, made to pause inside the write when the configured point is {@code
   * mid:STEP} (the step's first lake write) or {@code mid:STEP#N} (its N-th) and this is that write
   * of the current step: the first partition blocks while the others write their files, so the
   * Delta commit never happens. Unchanged otherwise.
   */
  public static Dataset<Row> duringWrite(SparkSession spark, Dataset<Row> rows) {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || !configured.startsWith("mid:")) {
      return rows;
    }
    String step = spark.sparkContext().getLocalProperty(JOB_GROUP);
    String[] point = configured.substring(4).split("#", 2);
    if (!point[0].equals(step)) {
      return rows;
    }
    int nth = point.length > 1 ? Integer.parseInt(point[1]) : 1;
    if (WRITES.incrementAndGet() != nth) {
      return rows;
    }
    return rows.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            it -> {
              if (TaskContext.getPartitionId() == 0) {
                // Local mode: the task runs in the driver's JVM, which has the property.
                pause(configured);
              }
              return it;
            },
        Encoders.row(rows.schema()));
  }

  private static void pause(String point) {
    String marker = System.getProperty(MARKER);
    try {
      if (marker != null) {
        Path tmp = Path.of(marker + ".tmp");
        Files.writeString(tmp, point, StandardCharsets.UTF_8);
        Files.move(tmp, Path.of(marker)); // whole or absent: the test reads it as soon as it exists
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fault marker " + marker, e);
    }
    System.err.println("cxlake: paused at fault point " + point);
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // keep blocking: the point is to be killed here
      }
    }
  }
}
