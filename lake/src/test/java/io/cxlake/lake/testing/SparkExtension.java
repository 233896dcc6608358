package io.cxlake.lake.testing;

import io.cxlake.lake.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Shares one SparkSession per test JVM (starting Spark costs seconds). Inject it as a test or
 * constructor parameter. It starts before the class's tests, so a test that only runs commands
 * (which get-or-create a session) gets the test profile too. After each test, temp views and cached
 * data are cleared so tests do not see each other's state.
 */
public final class SparkExtension
    implements BeforeAllCallback, ParameterResolver, AfterEachCallback {
  private static SparkSession session;

  public static synchronized SparkSession spark() {
    if (session == null) {
      try {
        Path warehouse = Files.createTempDirectory("cxlake-warehouse");
        session = SparkSessions.forTests(warehouse.toString());
      } catch (IOException e) {
        throw new IllegalStateException("cannot create the test warehouse", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    spark();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return spark();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (session != null) {
      // SHOW VIEWS rather than catalog().listTables(): the latter's typed rows need generated
      // code, which the test profile turns off.
      session.sql("SHOW VIEWS").collectAsList().stream()
          .filter(r -> r.getBoolean(r.fieldIndex("isTemporary")))
          .forEach(r -> session.catalog().dropTempView(r.getString(r.fieldIndex("viewName"))));
      session.catalog().clearCache();
    }
  }
}
