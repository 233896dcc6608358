package io.cxlake.lake.sim;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The simulated catalog: items with a category, brand, price, text and a popularity weight. */
public final class Catalog implements Serializable {
  /** Category names; the first two are size-sensitive (apparel and shoes come in sizes). */
  static final String[] CATEGORIES = {
    "shoes", "clothing", "electronics", "home", "beauty", "books", "sports", "toys"
  };

  private static final String[][] NOUNS = {
    {"sneaker", "boot", "sandal", "loafer", "running shoe"},
    {"t-shirt", "jacket", "dress", "jeans", "hoodie"},
    {"headphones", "charger", "speaker", "keyboard", "webcam"},
    {"mug", "lamp", "cushion", "vase", "blanket"},
    {"face cream", "shampoo", "lipstick", "serum", "perfume"},
    {"novel", "cookbook", "travel guide", "biography", "comic"},
    {"yoga mat", "dumbbell", "water bottle", "tennis racket", "bike light"},
    {"puzzle", "building set", "plush bear", "board game", "toy car"}
  };
  private static final String[] ADJECTIVES = {
    "classic", "lightweight", "premium", "organic", "vintage", "compact", "soft", "bold"
  };
  private static final String[] COLOURS = {"black", "white", "red", "blue", "green", "grey"};
  private static final String[] BRANDS = {"Northwind", "Acme", "Lumen", "Verde", "Orbit", "Kite"};
  private static final double[] BASE_PRICE = {79, 45, 120, 30, 25, 18, 35, 28};

  /** One catalog item. */
  public record Item(
      int index,
      String id,
      int category,
      String brand,
      String title,
      String description,
      double listPrice,
      double popularity,
      int introDay)
      implements Serializable {

    public boolean sizeSensitive() {
      return category < 2;
    }

    String categoryName() {
      return CATEGORIES[category];
    }
  }

  private final List<Item> items;
  private final int[][] byCategory;

  private Catalog(List<Item> items) {
    this.items = items;
    this.byCategory = new int[CATEGORIES.length][];
    for (int c = 0; c < CATEGORIES.length; c++) {
      final int cat = c;
      byCategory[c] = items.stream().filter(i -> i.category == cat).mapToInt(Item::index).toArray();
    }
  }

  static Catalog generate(SimParams p) {
    SplittableRandom r = Rng.stream(p.seed(), -1);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < p.items(); i++) {
      int cat = i % CATEGORIES.length;
      String noun = NOUNS[cat][r.nextInt(NOUNS[cat].length)];
      String adj = ADJECTIVES[r.nextInt(ADJECTIVES.length)];
      String colour = COLOURS[r.nextInt(COLOURS.length)];
      String brand = BRANDS[r.nextInt(BRANDS.length)];
      double price = Math.round(BASE_PRICE[cat] * Math.exp(0.4 * Rng.normal(r)) * 100) / 100.0;
      // A few items appear later, so new-item cold start exists in the data.
      int intro = i % 20 == 19 ? 1 + r.nextInt(Math.max(1, p.days() - 2)) : 0;
      items.add(
          new Item(
              i,
              String.format("i%05d", i),
              cat,
              brand,
              capitalise(adj) + " " + colour + " " + noun,
              "A "
                  + adj
                  + " "
                  + colour
                  + " "
                  + noun
                  + " by "
                  + brand
                  + " for everyday "
                  + CATEGORIES[cat]
                  + " lovers.",
              price,
              Math.exp(Rng.normal(r)),
              intro));
    }
    return new Catalog(items);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public List<Item> items() {
    return items;
  }

  Item item(int index) {
    return items.get(index);
  }

  /** An item of the category, drawn by popularity, among those introduced by the day. */
  Item pick(SplittableRandom r, int category, int day) {
    int[] ids = byCategory[category];
    double[] w = new double[ids.length];
    for (int k = 0; k < ids.length; k++) {
      Item it = items.get(ids[k]);
      w[k] = it.introDay <= day ? it.popularity : 0;
    }
    return items.get(ids[Rng.weighted(r, w)]);
  }

  /** The items' landing lines (items JSON) exported on a day: those introduced that day. */
  static String line(Item it, LocalDate day) {
    return new Json()
        .put("item_id", it.id())
        .put("title", it.title())
        .put("description", it.description())
        .put("category", it.categoryName())
        .put("brand", it.brand())
        .put("list_price", it.listPrice())
        .put("size_sensitive", it.sizeSensitive())
        .put("in_stock", it.index() % 17 != 5)
        .put(
            "updated_at",
            Instant.ofEpochSecond(day.atStartOfDay().toEpochSecond(ZoneOffset.UTC)).toString())
        .toString();
  }
}
