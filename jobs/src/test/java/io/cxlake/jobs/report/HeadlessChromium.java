package io.cxlake.jobs.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real browser for tests: headless Chromium as a subprocess, with a throwaway profile and HOME,
 * killed (with its children) if it hangs. Page errors are caught by a script put at the top of a
 * copy of the page, before its Content-Security-Policy applies: script errors, failed or blocked
 * loads, CSP violations and console.error calls are written into a {@code <pre id="cx-errors">}
 * that {@code --dump-dom} shows.
 */
final class HeadlessChromium {
  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private static final long TIMEOUT_SECONDS = 120;

  static final String HOOK =
      """
      <script>(function(){var errs=[];\
      function add(m){errs.push(String(m));var e=document.getElementById('cx-errors');\
      if(e){e.textContent=errs.join('\\n');}}\
      window.addEventListener('error',function(e){add('error: '+(e.message||\
      (e.target&&(e.target.src||e.target.href))||'a resource failed'));},true);\
      window.addEventListener('unhandledrejection',function(e){add('rejection: '+e.reason);});\
      document.addEventListener('securitypolicyviolation',function(e){\
      add('csp: '+e.violatedDirective+' '+e.blockedURI);});\
      var ce=console.error;console.error=function(){\
      add('console.error: '+Array.prototype.join.call(arguments,' '));ce.apply(console,arguments);};\
      window.addEventListener('DOMContentLoaded',function(){var d=document.createElement('pre');\
      d.id='cx-errors';d.textContent=errs.join('\\n');document.body.appendChild(d);});})();</script>""";

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** The first Chromium (or Chrome) on the PATH, if any. */
  static Optional<HeadlessChromium> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new HeadlessChromium(p));
        }
      }
    }
    return Optional.empty();
  }

  /** The errors the page raised while loading, one per line; empty when there were none. */
  String pageErrors(Path html) throws IOException, InterruptedException {
    String page = Files.readString(html, StandardCharsets.UTF_8);
    int head = page.indexOf("<head>");
    if (head < 0) {
      throw new IllegalArgumentException(html + " has no <head>");
    }
    Path hooked = html.resolveSibling("hooked-" + html.getFileName());
    Files.writeString(
        hooked,
        page.substring(0, head + 6) + HOOK + page.substring(head + 6),
        StandardCharsets.UTF_8);
    String dom = run(List.of("--dump-dom", hooked.toUri().toString()));
    Matcher m = Pattern.compile("<pre id=\"cx-errors\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
    if (!m.find()) {
      // The hook never ran: no verdict rather than a false "no errors".
      throw new IllegalStateException("the error hook did not run; the dumped DOM:\n" + dom);
    }
    return m.group(1).strip();
  }

  /** A PNG of the page at the given window size. */
  void screenshot(Path html, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    run(
        List.of(
            "--hide-scrollbars",
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath(),
            html.toUri().toString()));
    if (!Files.exists(png)) {
      throw new IllegalStateException("chromium wrote no screenshot to " + png);
    }
  }

  /** Runs Chromium headless with a fresh profile; returns its standard output. */
  private String run(List<String> args) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("cxlake-chromium");
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox", // root in a container has no user namespace for the sandbox
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--user-data-dir=" + tmp.resolve("profile"),
            // Lets the page finish loading (and fail loading) before the DOM is dumped.
            "--virtual-time-budget=5000"));
    cmd.addAll(args);
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("HOME", tmp.toString());
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new IllegalStateException(
          "chromium did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "chromium exited "
              + p.exitValue()
              + ": "
              + String.join(" ", cmd)
              + "\n"
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
