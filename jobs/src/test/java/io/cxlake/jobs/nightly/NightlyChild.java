package io.cxlake.jobs.nightly;

import io.cxlake.jobs.Main;
import io.cxlake.lake.testing.SparkExtension;

/**
 * A cxlake command in a JVM of its own, for tests that kill it: the arguments are the CLI's. It
 * starts the test Spark profile first (the command then joins that session), so its tables are
 * computed exactly as a run inside the test JVM computes them.
 */
public final class NightlyChild {
  private NightlyChild() {}

  public static void main(String[] args) {
    SparkExtension.spark();
    System.exit(Main.run(args));
  }
}
