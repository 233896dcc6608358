package io.cxlake.lake.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces raw identifiers (e-mail, phone) with a keyed hash, HMAC-SHA256 in hex, before anything
 * is stored: the same person gets the same hash under one key, and without the key the hash can
 * neither be reversed nor recomputed from a guessed e-mail address.
 */
public final class Pseudonymiser implements Serializable {
  private final byte[] key;
  private transient Mac mac;

  public Pseudonymiser(byte[] key) {
    if (key == null || key.length < 16) {
      throw new IllegalArgumentException("the pseudonymisation key must have at least 16 bytes");
    }
    this.key = key.clone();
  }

  /** The keyed hash of a normalised identifier; null stays null. */
  public String hash(String normalised) {
    if (normalised == null || normalised.isEmpty()) {
      return null;
    }
    try {
      if (mac == null) {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      }
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static String email(String raw) {
    return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
  }

  /** Digits only, with a leading + kept, so "+44 7700 900123" and "+447700900123" match. */
  static String phone(String raw) {
    return raw == null ? null : raw.trim().replaceAll("[^0-9+]", "");
  }

  @Override
  public String toString() {
    return "Pseudonymiser[key hidden]";
  }
}
