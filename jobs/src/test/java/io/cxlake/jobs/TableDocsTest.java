package io.cxlake.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.table.TableDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TableDocsTest {
  @Test
  void readmeTableReferenceMatchesTheDeclaredSchemas() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    int start = readme.indexOf(TableDocs.START);
    int end = readme.indexOf(TableDocs.END);
    assertThat(start).as("README has the generated tables block").isNotNegative();
    String block = readme.substring(start + TableDocs.START.length() + 1, end);
    assertThat(block)
        .as(
            "README table reference is stale: replace the block with the output of"
                + " io.cxlake.jobs.Tables")
        .isEqualTo(TableDocs.markdown(Tables.ALL));
  }
}
