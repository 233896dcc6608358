package io.cxlake.jobs.governance;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.governance.Catalogue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The catalogue of automations: synced from the config as of --run-date, then printed. */
@Command(
    name = "automations",
    mixinStandardHelpOptions = true,
    description =
        "Record the governance config as of --run-date in the `automations` catalogue (what runs"
            + " where, owner, purpose, active or retired) and any change since the last run in"
            + " `automation_changes`, then print the catalogue. The nightly does the same as its"
            + " first step.")
public final class AutomationsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    PolicySync.Result r = PolicySync.run(Pipeline.open(common, main.secrets()), common.runDate());
    r.changes()
        .forEach(
            c ->
                System.out.printf(
                    "changed: %s %s%s%s%n",
                    c.automation(),
                    c.change(),
                    c.region() == null ? "" : " in " + c.region(),
                    c.detail() == null ? "" : " (" + c.detail() + ")"));
    for (Catalogue.Entry e : r.catalogue().values()) {
      System.out.printf(
          "%-16s %-8s owner %-11s purpose %-16s regions %s%n",
          e.name(), e.status(), e.owner(), e.purpose() == null ? "-" : e.purpose(), e.regions());
    }
    return ExitCodes.OK;
  }
}
