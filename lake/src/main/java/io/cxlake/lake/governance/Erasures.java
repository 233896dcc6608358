package io.cxlake.lake.governance;

import io.cxlake.lake.ingest.Pseudonymiser;
import io.cxlake.lake.table.Lake;
import java.util.HashSet;
import java.util.Set;

/**
 * The standing erasures: which users (by the keyed hash of their user_id) were forgotten. The hash
 * lets ingest recognise a forgotten user who reappears in the landing zone without the lake keeping
 * the id itself; without the pseudonymisation key it can be neither reversed nor recomputed.
 */
public final class Erasures {
  private Erasures() {}

  /** The keyed hash of a user_id as the erasures table keeps it. */
  public static String userHash(Pseudonymiser p, String userId) {
    return p.hash("user_id:" + userId);
  }

  /** The hashes of every user with a standing erasure (empty when none). */
  public static Set<String> standing(Lake lake) {
    Set<String> out = new HashSet<>();
    if (lake.exists(GovernanceTable.ERASURES)) {
      lake.read(GovernanceTable.ERASURES)
          .select("user_hash")
          .distinct()
          .collectAsList()
          .forEach(r -> out.add(r.getString(0)));
    }
    return out;
  }
}
