package io.cxlake.lake.sim;

import java.util.SplittableRandom;

/**
 * Deterministic random streams keyed by (seed, user, day, purpose): a change in one stream (say a
 * treatment that alters purchases) never shifts the draws of another, which is what makes the
 * planted lifts exact (common random numbers).
 */
final class Rng {
  private Rng() {}

  static SplittableRandom stream(long seed, long... keys) {
    long h = mix(seed);
    for (long k : keys) {
      h = mix(h ^ mix(k + 0x9E3779B97F4A7C15L));
    }
    return new SplittableRandom(h);
  }

  /** splitmix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static double normal(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  /** Index drawn with probability proportional to the weights. */
  static int weighted(SplittableRandom r, double[] w) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < w.length; i++) {
      u -= w[i];
      if (u < 0) {
        return i;
      }
    }
    return w.length - 1;
  }
}
