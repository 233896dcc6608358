package io.cxlake.models.intents;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * Decides each ticket's route from the model's prediction and what the text looks like. Plain Java
 * so it is tested without Spark; the Spark scorer calls it per row. The checks run in order, the
 * first that applies wins, so a reason always names the most basic cause.
 *
 * @param thresholds each intent's validation-chosen threshold; an intent missing here, or mapped to
 *     null, is never automated
 * @param humanOnly intents that always go to a person
 * @param maxUnknownWordShare above this share of words unseen in training, the model is not trusted
 * @param hasModel false when no model could be trained: every ticket goes to a person
 */
public record RoutingPolicy(
    Map<String, Double> thresholds,
    Set<String> humanOnly,
    double maxUnknownWordShare,
    boolean hasModel)
    implements Serializable {

  public static RoutingPolicy noModel() {
    return new RoutingPolicy(Map.of(), Set.of(), 1.0, false);
  }

  /**
   * @param words the number of words in the normalised text
   * @param unknownWords how many of them the training vocabulary lacks
   */
  public Route decide(String intent, double confidence, int words, int unknownWords) {
    if (words == 0) {
      return Route.EMPTY_TEXT;
    }
    if ((double) unknownWords / words > maxUnknownWordShare) {
      return Route.UNSEEN_LANGUAGE;
    }
    if (!hasModel) {
      return Route.NO_MODEL;
    }
    if (humanOnly.contains(intent)) {
      return Route.HUMAN_ONLY;
    }
    Double t = thresholds.get(intent);
    if (t == null) {
      return Route.NO_THRESHOLD;
    }
    return confidence >= t ? Route.CONFIDENT : Route.LOW_CONFIDENCE;
  }
}
