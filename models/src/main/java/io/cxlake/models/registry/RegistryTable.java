package io.cxlake.models.registry;

import static io.cxlake.lake.table.TableDef.opt;
import static io.cxlake.lake.table.TableDef.req;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import io.cxlake.lake.table.TableSpec;
import java.util.List;

/** The model registry: an append-only audit of every model version and every decision on it. */
public enum RegistryTable implements TableSpec.Holder {
  MODEL_REGISTRY(
      TableSpec.of(
          "model_registry",
          "One row per event on a model version: registered (a challenger with its params, metrics,"
              + " training range and feature table versions), promoted, rejected, rolled_back (the"
              + " version restored) or retired; by whom (pipeline or a person) and why. The champion"
              + " of a model is the version of its newest promoted or rolled_back event.",
          null,
          List.of("model", "version", "event", "at"),
          req("model", STRING),
          req("version", STRING),
          req("event", STRING),
          req("at", TIMESTAMP),
          req("by", STRING),
          opt("reason", STRING),
          opt("run_date", DATE),
          req("params", createMapType(STRING, STRING)),
          req("metrics", createMapType(STRING, DOUBLE)),
          opt("train_from", DATE),
          opt("train_to", DATE),
          req("feature_versions", createMapType(STRING, LONG))));

  private final TableSpec spec;

  RegistryTable(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }
}
