package io.cxlake.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final Pseudonymiser P =
      new Pseudonymiser("redaction-test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private static final String[] CUSTOMERS = Ingest.header(Source.CUSTOMERS);

  @Test
  void aCustomersLineHasItsEmailAndLocalPhoneReplacedByTheHashesCustomersHolds() {
    String line = "u0000042,Jane.Doe@Example.com,07700 900123,EU,DE,2025-01-02,maybe,true,true,x";
    String masked = new Redaction(P, CUSTOMERS).mask(line);
    assertThat(masked)
        .doesNotContain("Jane.Doe")
        .doesNotContain("Example.com")
        .doesNotContain("900123")
        .contains("email_hash:" + P.hash("jane.doe@example.com"))
        .contains("phone_hash:" + P.hash("07700900123"))
        .startsWith("u0000042,")
        .endsWith(",EU,DE,2025-01-02,maybe,true,true,x");
  }

  @Test
  void aTruncatedCustomersLineStillHasItsLeadingColumnsMasked() {
    String masked =
        new Redaction(P, CUSTOMERS).mask("u0000002,a@b.de,0151 98765432,EU,DE,2025-01-0");
    assertThat(masked)
        .isEqualTo(
            "u0000002,email_hash:"
                + P.hash("a@b.de")
                + ",phone_hash:"
                + P.hash("015198765432")
                + ",EU,DE,2025-01-0");
  }

  @Test
  void emailsAndInternationalNumbersAnywhereInAJsonLineAreMasked() {
    String line =
        "{\"event_id\":\"e1\",\"query\":\"call me +44 7700 900123 or mail a.b+c@shop.co.uk\","
            + "\"ts\":\"2026-10-01T09:15:03Z\",\"price\":-1}";
    String masked = new Redaction(P, null).mask(line);
    assertThat(masked)
        .doesNotContain("a.b+c@shop.co.uk")
        .doesNotContain("7700 900123")
        .contains("email_hash:" + P.hash("a.b+c@shop.co.uk"))
        .contains("phone_hash:" + P.hash("+447700900123"))
        .contains("\"ts\":\"2026-10-01T09:15:03Z\"") // dates and prices are no phone numbers
        .contains("\"price\":-1");
  }

  @Test
  void maskingTwiceChangesNothingAndALineWithoutIdentifiersStaysAsItWas() {
    Redaction r = new Redaction(P, CUSTOMERS);
    String once = r.mask("u1,x@y.org,+1 555 0100 2000,US,US,,true,true,true,2026-10-01T00:00:00Z");
    assertThat(r.mask(once)).isEqualTo(once);
    String plain = "u1,,,\"EU, north\",DE,,true,true,true,2026-10-01T00:00:00Z";
    assertThat(r.mask(plain)).isEqualTo(plain);
    assertThat(new Redaction(P, null).mask("{\"broken\": ")).isEqualTo("{\"broken\": ");
  }
}
