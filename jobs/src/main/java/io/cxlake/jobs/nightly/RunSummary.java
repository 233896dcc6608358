package io.cxlake.jobs.nightly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON run summary a scheduler reads: per step, status, duration, counts, gate verdicts. */
public final class RunSummary {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunSummary() {}

  public static String json(
      String runId,
      LocalDate from,
      LocalDate to,
      String status,
      int exitCode,
      String message,
      List<Nightly.Outcome> outcomes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("from_date", from.toString());
    m.put("to_date", to.toString());
    m.put("status", status);
    m.put("exit_code", exitCode);
    m.put("message", message);
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Nightly.Outcome o : outcomes) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("run_date", o.runDate().toString());
      s.put("step", o.step());
      s.put("status", o.status());
      s.put("seconds", o.seconds());
      s.put("counts", o.counts());
      s.put("message", o.message());
      steps.add(s);
    }
    m.put("steps", steps);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the run summary", e);
    }
  }
}
