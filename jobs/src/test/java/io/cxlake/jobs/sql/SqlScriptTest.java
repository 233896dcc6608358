package io.cxlake.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsOnSemicolonsOutsideQuotesAndDropsComments() {
    String script =
        "-- header; with a semicolon\nSELECT 'a;b' AS x;\n\nSELECT \"c;d\" -- trailing; note\n;\n-- only a comment\n";
    assertThat(SqlScript.statements(script)).containsExactly("SELECT 'a;b' AS x", "SELECT \"c;d\"");
  }

  @Test
  void aScriptWithoutSemicolonIsOneStatement() {
    assertThat(SqlScript.statements("SELECT 1")).containsExactly("SELECT 1");
  }
}
