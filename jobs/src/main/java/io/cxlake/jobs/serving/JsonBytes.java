package io.cxlake.jobs.serving;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.Arrays;

/**
 * A growable buffer that JSON is written into as UTF-8 bytes, reused from one value to the next:
 * the Redis values go out as bytes, so writing them as bytes saves building a String and encoding
 * it again, twice per value.
 */
final class JsonBytes {
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private byte[] buf = new byte[4096];
  private int len;

  void clear() {
    len = 0;
  }

  /** What was written since {@link #clear}. */
  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  private void room(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  void raw(byte b) {
    room(1);
    buf[len++] = b;
  }

  void raw(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  void nul() {
    raw(NULL);
  }

  /** A JSON integer. */
  void number(int v) {
    if (v >= 0 && v < 10) {
      raw((byte) ('0' + v));
      return;
    }
    ascii(Integer.toString(v));
  }

  /**
   * A JSON number in the fewest digits that read back as the same double (Schubfach); NaN and
   * infinities have none, so they are written as null.
   */
  void number(double d) {
    if (Double.isFinite(d)) {
      ascii(NumberOutput.toString(d, true));
    } else {
      nul();
    }
  }

  private void ascii(String s) {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** A JSON string, UTF-8: quote, backslash and control characters escaped. */
  void string(String s) {
    int n = s.length();
    room(n + 2);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        room(1);
        buf[len++] = (byte) c;
      } else {
        escaped(s, i, c);
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++; // written with its pair
        }
      }
    }
    raw((byte) '"');
  }

  private void escaped(String s, int i, char c) {
    room(6);
    if (c == '"' || c == '\\') {
      buf[len++] = '\\';
      buf[len++] = (byte) c;
    } else if (c < 0x20) {
      buf[len++] = '\\';
      buf[len++] = 'u';
      buf[len++] = '0';
      buf[len++] = '0';
      buf[len++] = HEX[c >> 4];
      buf[len++] = HEX[c & 0xf];
    } else if (c < 0x800) {
      buf[len++] = (byte) (0xc0 | (c >> 6));
      buf[len++] = (byte) (0x80 | (c & 0x3f));
    } else if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      buf[len++] = (byte) (0xf0 | (cp >> 18));
      buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      buf[len++] = (byte) (0x80 | (cp & 0x3f));
    } else if (Character.isSurrogate(c)) {
      buf[len++] = '?'; // a lone surrogate has no UTF-8 form; String.getBytes writes '?' too
    } else {
      buf[len++] = (byte) (0xe0 | (c >> 12));
      buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      buf[len++] = (byte) (0x80 | (c & 0x3f));
    }
  }
}
