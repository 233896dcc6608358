package io.cxlake.models.recs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.testing.SparkExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The blender's merge, filters and fallback on a few hand-made rows. */
@ExtendWith(SparkExtension.class)
class BlenderTest {
  private static final StructType CAND =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("score", DataTypes.DoubleType);
  private static final StructType POP =
      new StructType()
          .add("region", DataTypes.StringType)
          .add("rank", DataTypes.IntegerType)
          .add("item_id", DataTypes.StringType)
          .add("score", DataTypes.DoubleType);
  private static final StructType USERS =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("region", DataTypes.StringType)
          .add("personalise", DataTypes.BooleanType);
  private static final StructType PAIRS =
      new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);
  private static final StructType ITEMS = new StructType().add("item_id", DataTypes.StringType);

  private final SparkSession spark;

  BlenderTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> df(StructType t, Object[]... rows) {
    List<Row> r = new ArrayList<>();
    for (Object[] o : rows) {
      r.add(RowFactory.create(o));
    }
    return spark.createDataFrame(r, t);
  }

  private Dataset<Row> popular() {
    // EU list p1..p4; default (global) list g1..g3. p3 is out of stock: not in any list.
    return df(
        POP,
        new Object[] {"EU", 1, "p1", 0.4},
        new Object[] {"EU", 2, "p2", 0.3},
        new Object[] {"EU", 3, "p4", 0.2},
        new Object[] {"default", 1, "g1", 0.5},
        new Object[] {"default", 2, "g2", 0.4},
        new Object[] {"default", 3, "g3", 0.1});
  }

  private Dataset<Row> eligible() {
    return df(
        ITEMS,
        new Object[] {"a"},
        new Object[] {"b"},
        new Object[] {"c"},
        new Object[] {"p1"},
        new Object[] {"p2"},
        new Object[] {"p4"},
        new Object[] {"g1"},
        new Object[] {"g2"},
        new Object[] {"g3"});
  }

  private static Map<String, List<String>> lists(Dataset<Row> recs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Row r : recs.orderBy("user_id", "rank").collectAsList()) {
      out.computeIfAbsent(r.getString(0), x -> new ArrayList<>()).add(r.getString(2));
    }
    return out;
  }

  @Test
  void mergesLayersFiltersAndFallsBack() {
    Dataset<Row> content =
        df(
            CAND,
            new Object[] {"u1", "a", 2.0}, // normalised 1.0
            new Object[] {"u1", "b", 1.0}, // normalised 0.5, and 1.0 in session
            new Object[] {"u1", "x", 1.5}, // x is out of stock: not eligible
            new Object[] {"u1", "c", 0.2}, // u1 bought c
            new Object[] {"u3", "a", 1.0}); // u3 may not be personalised
    Dataset<Row> session = df(CAND, new Object[] {"u1", "b", 5.0});
    Dataset<Row> users =
        df(
            USERS,
            new Object[] {"u1", "EU", true},
            new Object[] {"u2", "EU", true}, // no history: popular only
            new Object[] {"u3", "EU", false},
            new Object[] {"u4", "Mars", false}); // region without a list: default's
    Dataset<Row> bought = df(PAIRS, new Object[] {"u1", "c"}, new Object[] {"u3", "p1"});
    Map<String, Double> w =
        Map.of(Candidates.CONTENT, 0.5, Candidates.SESSION, 1.0, Candidates.POPULAR, 0.1);
    Dataset<Row> recs =
        Blender.blend(
            List.of(
                new Candidates(Candidates.CONTENT, content),
                new Candidates(Candidates.SESSION, session)),
            w,
            popular(),
            users,
            eligible(),
            bought,
            3,
            10);
    Map<String, List<String>> got = lists(recs);
    // u1: b = 0.5 ln(1 + 0.5 / f) + ln(1 + 1 / f) > a = 0.5 ln(1 + 1 / f) > p1 > p2.
    assertThat(got.get("u1")).containsExactly("b", "a", "p1");
    assertThat(got.get("u2")).containsExactly("p1", "p2", "p4");
    // Without consent: exactly the region's list, even the item they bought (no profile is used).
    assertThat(got.get("u3")).containsExactly("p1", "p2", "p4");
    assertThat(got.get("u4")).containsExactly("g1", "g2", "g3");
    Map<String, String> layer = new LinkedHashMap<>();
    for (Row r : recs.where("user_id = 'u1'").collectAsList()) {
      layer.put(r.getString(2), r.getString(4));
    }
    assertThat(layer).containsEntry("b", "session").containsEntry("a", "content");
    assertThat(layer).containsEntry("p1", "popular");
    Row b = recs.where("user_id = 'u1' AND item_id = 'b'").head();
    double f = Blender.FLOOR;
    assertThat(b.getDouble(3))
        .isCloseTo(
            0.5 * Math.log(1 + 0.5 / f) + Math.log(1 + 1 / f),
            org.assertj.core.data.Offset.offset(1e-12));
    Row p2 = recs.where("user_id = 'u1' AND item_id = 'p1'").head();
    assertThat(p2.getDouble(3))
        .isCloseTo(0.1 * Math.log(1 + 1 / f), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void boughtItemsStayWhenConfigured() {
    Dataset<Row> content = df(CAND, new Object[] {"u1", "c", 1.0}, new Object[] {"u1", "a", 0.5});
    Dataset<Row> users = df(USERS, new Object[] {"u1", "EU", true});
    Dataset<Row> bought = df(PAIRS, new Object[] {"u1", "c"});
    Map<String, Double> w = Map.of(Candidates.CONTENT, 1.0);
    List<Candidates> layers = List.of(new Candidates(Candidates.CONTENT, content));
    assertThat(
            lists(Blender.blend(layers, w, popular(), users, eligible(), bought, 2, 10)).get("u1"))
        .containsExactly("a");
    assertThat(lists(Blender.blend(layers, w, popular(), users, eligible(), null, 2, 10)).get("u1"))
        .containsExactly("c", "a");
  }
}
