package io.cxlake.lake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private File conf(String text) throws IOException {
    Path p = dir.resolve("test.conf");
    Files.writeString(p, text);
    return p.toFile();
  }

  @Test
  void defaultsAloneGiveTheEmbeddedSetup() {
    CxConfig c = ConfigLoader.load(null, List.of());
    assertThat(c.spark().master()).isEqualTo("local[*]");
    assertThat(c.lake().root()).isEqualTo("data/lake");
    assertThat(c.serving().store()).isEqualTo("sqlite");
  }

  @Test
  void impactKeysAreTypedAndRangeChecked() {
    CxConfig c = ConfigLoader.load(null, List.of("impact.treatment-share=0.5"));
    assertThat(c.impact().treatmentShare()).isEqualTo(0.5);
    assertThat(c.impact().windowDays()).isZero();
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("impact.gross-margin=1.5")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("impact.gross-margin")
        .hasMessageContaining("--set");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("impact.treatment-share=1")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("impact.treatment-share");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("impact.window-days=-1")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("impact.window-days");
  }

  @Test
  void setBeatsFileBeatsDefaults() throws IOException {
    File f = conf("lake.root = \"/from/file\"\nlake.landing = \"/landing/file\"\n");
    CxConfig c = ConfigLoader.load(f, List.of("lake.root=s3a://bucket/lake"));
    assertThat(c.lake().root()).isEqualTo("s3a://bucket/lake");
    assertThat(c.lake().landing()).isEqualTo("/landing/file");
    assertThat(c.ingest().maxFieldChars()).isEqualTo(2000);
  }

  @Test
  void sparkConfPassesDottedKeysThrough() throws IOException {
    File f = conf("spark.conf { \"spark.executor.memory\" = 4g }\n");
    CxConfig c = ConfigLoader.load(f, List.of("spark.conf.spark.sql.shuffle.partitions=8"));
    assertThat(c.spark().conf())
        .containsEntry("spark.executor.memory", "4g")
        .containsEntry("spark.sql.shuffle.partitions", "8");
  }

  @Test
  void unknownKeyInFileIsNamedWithTheFile() throws IOException {
    File f = conf("lake {\n  root = x\n  rooot = y\n}\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("lake.rooot")
        .hasMessageContaining("test.conf");
  }

  @Test
  void unknownKeyInSetIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("ingest.max-feild-chars=3")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("ingest.max-feild-chars")
        .hasMessageContaining("--set");
  }

  @Test
  void wrongTypeIsNamedWithKeyAndFile() throws IOException {
    File f = conf("ingest.max-field-chars = lots\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("ingest.max-field-chars")
        .hasMessageContaining("integer")
        .hasMessageContaining("test.conf");
  }

  @Test
  void badEnumValueIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("serving.store=mongo")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("serving.store")
        .hasMessageContaining("mongo");
  }

  @Test
  void servingKeepsAtLeastTwoVersionsSoReadersNeverLoseTheirs() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("serving.retain-versions=1")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("serving.retain-versions")
        .hasMessageContaining("at least 2");
    CxConfig c = ConfigLoader.load(null, List.of("serving.redis.port=7000"));
    assertThat(c.serving().redis().port()).isEqualTo(7000);
    assertThat(c.serving().retainVersions()).isEqualTo(3);
    assertThat(c.serving().postgres().passwordEnv()).isEqualTo("CXLAKE_POSTGRES_PASSWORD");
  }

  @Test
  void missingFileIsAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.conf").toFile(), List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("nope.conf");
  }

  @Test
  void everyShippedConfLoads() {
    File[] shipped = new File("../conf").listFiles((d, n) -> n.endsWith(".conf"));
    assertThat(shipped).isNotEmpty();
    for (File f : shipped) {
      assertThat(ConfigLoader.load(f, List.of()).lake().root()).as(f.getName()).isNotBlank();
    }
    assertThat(ConfigLoader.load(new File("../conf/local.conf"), List.of()).lake().root())
        .isEqualTo("data/lake");
  }

  @Test
  void intentsKeysAreTypedAndChecked() throws IOException {
    File f = conf("intents {\n  human-only = [complaint]\n  precision-target = 0.95\n}\n");
    CxConfig c = ConfigLoader.load(f, List.of("intents.train-days=14"));
    assertThat(c.intents().humanOnly()).containsExactly("complaint");
    assertThat(c.intents().precisionTarget()).isEqualTo(0.95);
    assertThat(c.intents().trainDays()).isEqualTo(14);
    assertThat(ConfigLoader.load(null, List.of()).intents().humanOnly())
        .containsExactly("complaint", "other");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("intents.precision-targt=0.9")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("intents.precision-targt");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("intents.precision-target=1.5")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("intents.precision-target")
        .hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("intents.train-days=many")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("intents.train-days");
  }
}
