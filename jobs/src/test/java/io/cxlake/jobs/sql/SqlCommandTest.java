package io.cxlake.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class SqlCommandTest {
  private static String stdout(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(Secrets.fromEnvironment(), args)).isEqualTo(ExitCodes.OK);
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tablesAreQueryableByShortNameInEveryFormat(SparkSession spark) throws Exception {
    Lake lake = TempLake.create(spark);
    Date d = Date.valueOf("2026-10-01");
    lake.append(
        Table.COSTS,
        spark.createDataFrame(
            List.of(
                RowFactory.create(d, "recs", "compute", 1.5, d),
                RowFactory.create(d, "recs", "operations", 2.0, d),
                RowFactory.create(d, "bot, v2", "compute", 4.0, d)),
            Table.COSTS.schema()));
    String root = "lake.root=" + lake.root();
    String q = "SELECT automation, sum(amount) AS total FROM costs GROUP BY automation ORDER BY 1";

    assertThat(stdout("sql", "--set", root, "--format", "csv", q))
        .isEqualTo("automation,total\n\"bot, v2\",4.0\nrecs,3.5\n");
    assertThat(stdout("sql", "--set", root, "--format", "json", q))
        .isEqualTo(
            "{\"automation\":\"bot, v2\",\"total\":4.0}\n{\"automation\":\"recs\",\"total\":3.5}\n");
    assertThat(stdout("sql", "--set", root, q)).contains("recs", "3.5", "(2 rows)");

    Path f = Files.createTempFile("notebook", ".sql");
    Files.writeString(f, "-- two statements\nSELECT count(*) AS n FROM costs;\n" + q + ";\n");
    assertThat(stdout("sql", "--set", root, "--format", "csv", "-f", f.toString()))
        .isEqualTo("n\n3\nautomation,total\n\"bot, v2\",4.0\nrecs,3.5\n");
  }
}
