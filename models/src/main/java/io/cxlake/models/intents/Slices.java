package io.cxlake.models.intents;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;

/**
 * Splits the tagged tickets of the training window by a hash of the ticket id: 60% train the model,
 * 20% choose the thresholds (validation), 20% are held out to report macro-F1 and automated
 * precision (test). A hash, not a random draw, so a rerun splits the same way.
 */
public final class Slices {
  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";
  public static final String TEST = "test";

  /** The run date's own tickets, scored by the model and, where tagged, evaluated too. */
  public static final String DAY = "day";

  private Slices() {}

  private static Column bucket() {
    return pmod(xxhash64(col("ticket_id"), lit("cxlake-intents-slices")), lit(10));
  }

  public static Column isTrain() {
    return bucket().lt(6);
  }

  public static Column isValidation() {
    return bucket().between(6, 7);
  }

  public static Column isTest() {
    return bucket().geq(8);
  }
}
