package io.cxlake.lake.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The planted return model: a logistic function of order-line features. A return-risk model trained
 * on the lake should approach the AUC of these true probabilities.
 */
public final class ReturnModel {
  static final double INTERCEPT = -2.6;
  static final double SIZE_SENSITIVE = 1.1;
  static final double SEVERAL_VARIANTS = 1.3;
  static final double DISCOUNT_DEPTH = 1.5;
  static final double USER_PROPENSITY = 0.9;
  static final double LOG_PRICE = 0.3;

  private ReturnModel() {}

  /** P(returned) of one order line. */
  public static double probability(
      boolean sizeSensitive,
      int variantsOfItemInOrder,
      double discountDepth,
      double userZ,
      double price) {
    double z =
        INTERCEPT
            + SIZE_SENSITIVE * (sizeSensitive ? 1 : 0)
            + SEVERAL_VARIANTS * (variantsOfItemInOrder > 1 ? 1 : 0)
            + DISCOUNT_DEPTH * discountDepth
            + USER_PROPENSITY * userZ
            + LOG_PRICE * Math.log(price / 50.0);
    return 1 / (1 + Math.exp(-z));
  }

  /** The coefficients, as written to truth.json. */
  static Map<String, Double> coefficients() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("intercept", INTERCEPT);
    m.put("size_sensitive", SIZE_SENSITIVE);
    m.put("several_variants_of_item_in_order", SEVERAL_VARIANTS);
    m.put("discount_depth", DISCOUNT_DEPTH);
    m.put("user_return_propensity_z", USER_PROPENSITY);
    m.put("log_price_over_50", LOG_PRICE);
    return m;
  }
}
