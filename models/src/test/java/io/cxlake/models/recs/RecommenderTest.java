package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.CxConfig.RecsSettings;
import io.cxlake.lake.testing.SparkExtension;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A collaborative layer plugged in through {@link CollaborativeTrainer}: fitted on the strengths,
 * asked only for users with enough history, told what they bought, and blended beside the others.
 */
@ExtendWith(SparkExtension.class)
class RecommenderTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 10, 10);

  /** Recommends items "c1", "c2" to every user asked, and remembers what it was given. */
  static final class FixedTrainer implements CollaborativeTrainer {
    final Set<String> fittedOn = new HashSet<>();
    final List<String> askedFor = new ArrayList<>();

    @Override
    public String layer() {
      return "als";
    }

    @Override
    public Map<String, String> params() {
      return Map.of("rank", "8");
    }

    @Override
    public CollaborativeModel fit(Dataset<Row> interactions) {
      assertThat(interactions.columns()).containsExactly("user_id", "item_id", "strength");
      interactions.collectAsList().forEach(r -> fittedOn.add(r.getString(0)));
      return new CollaborativeModel() {
        @Override
        public String layer() {
          return "als";
        }

        @Override
        public Dataset<Row> recommend(Dataset<Row> users, int k, Dataset<Row> exclude) {
          users.collectAsList().forEach(r -> askedFor.add(r.getString(0)));
          assertThat(exclude).isNotNull();
          Dataset<Row> items =
              users
                  .sparkSession()
                  .sql(
                      "SELECT * FROM VALUES ('c1', 2.0, 1), ('c2', 1.0, 2) AS t(item_id, score, rank)");
          return users.select("user_id").crossJoin(items);
        }

        @Override
        public Map<String, String> params() {
          return Map.of("rank", "8");
        }
      };
    }
  }

  @Test
  void collaborativeLayerServesOnlyUsersWithEnoughHistory(SparkSession spark) {
    StructType interactions =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("item_id", DataTypes.StringType)
            .add("strength", DataTypes.DoubleType)
            .add("purchases", DataTypes.LongType)
            .add("last_ts", DataTypes.TimestampType);
    Timestamp old = Timestamp.valueOf("2026-09-01 10:00:00");
    List<Row> rows = new ArrayList<>();
    for (String item : List.of("a", "b", "c1")) {
      rows.add(RowFactory.create("heavy", item, 1.0, item.equals("c1") ? 1L : 0L, old));
    }
    rows.add(RowFactory.create("light", "a", 1.0, 0L, old));
    StructType items =
        new StructType()
            .add("item_id", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("description", DataTypes.StringType)
            .add("category", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("in_stock", DataTypes.BooleanType);
    List<Row> catalog = new ArrayList<>();
    for (String id : List.of("a", "b", "c1", "c2")) {
      catalog.add(RowFactory.create(id, "item " + id, "a thing", "home", "Acme", true));
    }
    StructType users =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("personalise", DataTypes.BooleanType);
    StructType covis =
        new StructType()
            .add("item_id", DataTypes.StringType)
            .add("other_item_id", DataTypes.StringType)
            .add("rank", DataTypes.IntegerType)
            .add("sessions", DataTypes.LongType)
            .add("view_then_buy", DataTypes.LongType);
    RecsInputs in =
        new RecsInputs(
            spark.createDataFrame(rows, interactions),
            spark.createDataFrame(List.of(), covis),
            spark.createDataFrame(catalog, items),
            spark.createDataFrame(
                List.of(
                    RowFactory.create("heavy", "EU", true),
                    RowFactory.create("light", "EU", true),
                    RowFactory.create("nope", "EU", false)),
                users),
            AS_OF);
    RecsSettings s =
        new RecsSettings(
            2,
            10,
            5,
            10,
            3,
            2,
            true,
            List.of(),
            List.of(),
            7,
            false,
            100,
            0.02,
            64,
            Map.of("collaborative", 1.0, "content", 0.1, "session", 0.1, "popular", 0.1),
            new RecsSettings.AlsSettings(false, 8, 0.05, 10, 5));
    FixedTrainer t = new FixedTrainer();
    try (Recommender r = Recommender.fit(in, s, List.of(t))) {
      assertThat(r.layerNames()).containsExactly("als", "content", "session", "popular");
      assertThat(r.params()).containsEntry("als.rank", "8");
      Dataset<Row> recs = r.recommend(r.weights());
      List<Row> heavy = recs.where(col("user_id").equalTo("heavy")).orderBy("rank").collectAsList();
      // c1 was bought: the blend drops it; c2 comes from the collaborative layer.
      assertThat(heavy).extracting(x -> x.getString(2)).containsExactly("c2", "a");
      assertThat(heavy.get(0).<String>getAs("layer")).isEqualTo("als");
      assertThat(
              recs.where(col("user_id").equalTo("light").and(col("layer").equalTo(lit("als"))))
                  .count())
          .isZero();
      assertThat(t.fittedOn).containsExactlyInAnyOrder("heavy", "light");
      assertThat(t.askedFor).containsExactly("heavy");
    }
  }
}
