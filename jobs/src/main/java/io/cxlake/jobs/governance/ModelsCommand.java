package io.cxlake.jobs.governance;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.ConfigError;
import io.cxlake.models.registry.ModelRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The model registry for people: list versions and decisions, promote, roll back, retire. Every
 * change is an event in {@code model_registry} with who, when and why.
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    subcommands = {
      ModelsCommand.ListCommand.class,
      ModelsCommand.PromoteCommand.class,
      ModelsCommand.RollbackCommand.class,
      ModelsCommand.RetireCommand.class
    },
    description =
        "The model registry: `models list` shows each model's champion and every event (who,"
            + " when, why); promote, rollback and retire record a person's decision.")
public final class ModelsCommand implements Runnable {
  @ParentCommand Main main;

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Who made the change and why: both go into the registry. */
  static final class Audit {
    @Option(
        names = "--by",
        paramLabel = "WHO",
        defaultValue = "${sys:user.name}",
        description = "Who decides (default: the OS user, ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--reason", paramLabel = "WHY", required = true, description = "Why.")
    String reason;
  }

  private static ModelRegistry registry(CommonOptions common, Main main) {
    return new ModelRegistry(Pipeline.open(common, main.secrets()).lake());
  }

  /** Registry refusals (unknown version, nothing to roll back) are bad arguments: exit 2. */
  private static ModelRegistry.Event decide(java.util.function.Supplier<ModelRegistry.Event> s) {
    try {
      ModelRegistry.Event e = s.get();
      System.out.printf(
          "%s %s %s by %s at %s: %s%n",
          e.model(), e.version(), e.event(), e.by(), e.at(), e.reason());
      return e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ConfigError(e.getMessage());
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Each model's champion, then its events oldest first.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @ParentCommand ModelsCommand models;

    @Option(names = "--model", paramLabel = "M", description = "Only this model.")
    String model;

    @Override
    public Integer call() {
      ModelRegistry reg = registry(common, models.main);
      Map<String, List<ModelRegistry.Event>> byModel = new TreeMap<>();
      reg.events(model)
          .forEach(
              e -> byModel.computeIfAbsent(e.model(), k -> new java.util.ArrayList<>()).add(e));
      if (byModel.isEmpty()) {
        System.out.println(model == null ? "no models registered" : "no model '" + model + "'");
      }
      byModel.forEach(
          (m, events) -> {
            Optional<ModelRegistry.Event> champion = reg.champion(m);
            System.out.printf(
                "%s: champion %s%n", m, champion.map(ModelRegistry.Event::version).orElse("none"));
            for (ModelRegistry.Event e : events) {
              System.out.printf(
                  "  %s  %-11s %-28s by %-10s %s%s%n",
                  e.at(),
                  e.event(),
                  e.version(),
                  e.by(),
                  e.reason() == null ? "" : e.reason(),
                  e.event().equals(ModelRegistry.REGISTERED)
                      ? "  " + new TreeMap<>(e.metrics())
                      : "");
            }
          });
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = "Make a registered version the champion.")
  static final class PromoteCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin Audit audit;
    @ParentCommand ModelsCommand models;

    @Option(names = "--model", paramLabel = "M", required = true)
    String model;

    @Option(names = "--version", paramLabel = "V", required = true)
    String version;

    @Override
    public Integer call() {
      ModelRegistry reg = registry(common, models.main);
      decide(() -> reg.promote(model, version, audit.by, audit.reason));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Restore the champion before the current one (or --version V).")
  static final class RollbackCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin Audit audit;
    @ParentCommand ModelsCommand models;

    @Option(names = "--model", paramLabel = "M", required = true)
    String model;

    @Option(
        names = "--version",
        paramLabel = "V",
        description = "Roll back to this registered version instead (recorded as a rollback).")
    String version;

    @Override
    public Integer call() {
      ModelRegistry reg = registry(common, models.main);
      decide(
          () ->
              version == null
                  ? reg.rollback(model, audit.by, audit.reason)
                  : reg.rollbackTo(model, version, audit.by, audit.reason));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "retire",
      mixinStandardHelpOptions = true,
      description = "Retire a version; if it is the champion, the model has none until a promote.")
  static final class RetireCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin Audit audit;
    @ParentCommand ModelsCommand models;

    @Option(names = "--model", paramLabel = "M", required = true)
    String model;

    @Option(names = "--version", paramLabel = "V", required = true)
    String version;

    @Override
    public Integer call() {
      ModelRegistry reg = registry(common, models.main);
      decide(() -> reg.retire(model, version, audit.by, audit.reason));
      return ExitCodes.OK;
    }
  }
}
