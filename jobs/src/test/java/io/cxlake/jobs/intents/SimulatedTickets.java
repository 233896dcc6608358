package io.cxlake.jobs.intents;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_date;
import static org.apache.spark.sql.functions.to_date;

import io.cxlake.lake.sim.SimParams;
import io.cxlake.lake.sim.Simulator;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A simulated shop's tickets straight into a lake's {@code tickets} table, without the full ingest:
 * ingesting every source costs ~40 s a day, and the classifier needs weeks of tickets. The tickets'
 * own path through ingest is covered by IngestEndToEndIT. With no bad rows planted, ingest would
 * keep every ticket line as it is, so this loads the same rows.
 */
final class SimulatedTickets {
  private static final StructType LANDING =
      new StructType()
          .add("ticket_id", DataTypes.StringType)
          .add("user_id", DataTypes.StringType)
          .add("order_id", DataTypes.StringType)
          .add("created_at", DataTypes.TimestampType)
          .add("channel", DataTypes.StringType)
          .add("subject", DataTypes.StringType)
          .add("body", DataTypes.StringType)
          .add("resolved_at", DataTypes.TimestampType)
          .add("resolved_by", DataTypes.StringType)
          .add("handle_minutes", DataTypes.DoubleType);

  private SimulatedTickets() {}

  /**
   * Generates the shop under {@code dir} (landing/, truth/) and loads its tickets; returns them.
   */
  static long load(SparkSession spark, SimParams params, Path dir, Lake lake) {
    Simulator.generate(spark, params, dir);
    Dataset<Row> t =
        spark
            .read()
            .schema(LANDING)
            .json(dir.resolve("landing/tickets").toString())
            .withColumn("ingest_date", current_date())
            .withColumn("ticket_date", to_date(col("created_at")));
    return lake.append(Table.TICKETS, t);
  }
}
