package io.cxlake.lake.testing;

import io.cxlake.lake.table.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** A lake in a fresh temp directory, on the shared test session. */
public final class TempLake {
  private TempLake() {}

  public static Lake create(SparkSession spark) {
    try {
      Path dir = Files.createTempDirectory("cxlake-lake");
      return new Lake(spark, dir.toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temp lake", e);
    }
  }
}
