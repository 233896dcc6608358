package io.cxlake.lake.sim;

import java.util.List;
import java.util.SplittableRandom;

/** Support-ticket text from intent templates, with typos and the odd mixed message. */
final class Tickets {
  static final List<String> INTENTS =
      List.of(
          "order_status",
          "return_request",
          "refund",
          "delivery_problem",
          "product_question",
          "payment",
          "complaint",
          "other");

  /** Intents a bot may resolve; complaints and "other" always go to a person. */
  static boolean automatable(String intent) {
    return !intent.equals("complaint") && !intent.equals("other");
  }

  private static final String[][] TEMPLATES = {
    {
      "where is my order %s",
      "when will order %s arrive",
      "status of my order %s please",
      "has my order %s shipped yet"
    },
    {
      "i want to return the %s",
      "how do i send back the %s",
      "the %s does not fit, return please",
      "can i return my %s"
    },
    {
      "where is my refund for %s",
      "i returned the %s but got no money back",
      "refund still missing for %s",
      "please refund my %s"
    },
    {
      "my parcel %s never arrived",
      "the courier lost order %s",
      "package %s arrived damaged",
      "delivery of %s is late again"
    },
    {
      "is the %s waterproof",
      "what size is the %s",
      "does the %s come in blue",
      "how long does the %s battery last"
    },
    {
      "my card was charged twice for %s",
      "payment failed for %s",
      "can i pay %s by invoice",
      "why was my payment for %s declined"
    },
    {
      "terrible service with %s, very disappointed",
      "the %s broke after one day, unacceptable",
      "i am angry about how %s was handled",
      "worst experience ever with %s"
    },
    {
      "do you have a shop in paris",
      "can i change my email address",
      "hello is anyone there",
      "question about my account"
    }
  };

  private Tickets() {}

  static String intent(SplittableRandom r, boolean recentOrder) {
    double[] w =
        recentOrder
            ? new double[] {3, 2.5, 1.5, 1.5, 1, 0.8, 0.8, 0.5}
            : new double[] {0.5, 0.5, 0.5, 0.3, 2, 0.5, 0.4, 1.5};
    return INTENTS.get(Rng.weighted(r, w));
  }

  static String body(SplittableRandom r, String intent, String subject) {
    String[] t = TEMPLATES[INTENTS.indexOf(intent)];
    String text = String.format(t[r.nextInt(t.length)], subject);
    if (Rng.chance(r, 0.15)) { // an ambiguous mix of two requests
      String other = INTENTS.get(r.nextInt(INTENTS.size()));
      String[] o = TEMPLATES[INTENTS.indexOf(other)];
      text = text + " and also " + String.format(o[r.nextInt(o.length)], subject);
    }
    return typos(r, text);
  }

  private static String typos(SplittableRandom r, String s) {
    StringBuilder sb = new StringBuilder(s);
    for (int i = 1; i < sb.length() - 1; i++) {
      if (Character.isLetter(sb.charAt(i)) && Rng.chance(r, 0.02)) {
        char c = sb.charAt(i);
        sb.setCharAt(i, sb.charAt(i + 1));
        sb.setCharAt(i + 1, c);
      }
    }
    return sb.toString();
  }
}
