package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServingDocsTest {
  @Test
  void readmeServingLayoutMatchesWhatPublishWrites() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    int start = readme.indexOf(ServingDocs.START);
    int end = readme.indexOf(ServingDocs.END);
    assertThat(start).as("README has the generated serving block").isNotNegative();
    assertThat(readme.substring(start + ServingDocs.START.length() + 1, end))
        .as("README serving layout is stale: replace the block with ServingDocs' output")
        .isEqualTo(ServingDocs.markdown());
  }
}
