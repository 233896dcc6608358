package io.cxlake.jobs.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One nightly run per date: a lock file in the lake ({@code _locks/nightly-D.lock}), created with
 * create-if-absent, which is atomic on local disks and HDFS. It names its holder, host, process id
 * and an expiry, so a holder that crashed without releasing it blocks the date only until the
 * expiry passes, or not at all when the lock was taken on this host by a process that is gone (a
 * killed run retried by cron on the same machine).
 */
public final class RunLock implements AutoCloseable {
  private final FileSystem fs;
  private final Path path;
  private final String holder;

  private RunLock(FileSystem fs, Path path, String holder) {
    this.fs = fs;
    this.path = path;
    this.holder = holder;
  }

  /** Thrown when another live run holds the date. */
  public static final class HeldException extends RuntimeException {
    HeldException(String message) {
      super(message);
    }
  }

  /** Takes the lock for the date, or throws {@link HeldException} naming the live holder. */
  public static RunLock acquire(
      Configuration conf, String lakeRoot, LocalDate date, String holder, Duration ttl) {
    Path path = new Path(lakeRoot + "/_locks/nightly-" + date + ".lock");
    try {
      FileSystem fs = path.getFileSystem(conf);
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          createNew(fs, path, describe(holder, ttl).getBytes(StandardCharsets.UTF_8));
          return new RunLock(fs, path, holder);
        } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
          Properties held = read(fs, path);
          Instant expires = Instant.parse(held.getProperty("expires", Instant.EPOCH.toString()));
          if (Instant.now().isBefore(expires) && !deadHere(held)) {
            throw new HeldException(
                "another nightly run for "
                    + date
                    + " holds the lock "
                    + path
                    + " (holder "
                    + held.getProperty("holder")
                    + " on "
                    + held.getProperty("host")
                    + " since "
                    + held.getProperty("acquired")
                    + ", expires "
                    + expires
                    + "); nothing was touched");
          }
          fs.delete(path, false); // the holder died: its lock expired, or its process is gone
        }
      }
      throw new HeldException("could not take the lock " + path + ": another run raced for it");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the run lock " + path, e);
    }
  }

  /** Releases the lock if it is still ours. */
  @Override
  public void close() {
    try {
      if (fs.exists(path) && holder.equals(read(fs, path).getProperty("holder"))) {
        fs.delete(path, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the run lock " + path, e);
    }
  }

  /** Creates the file only if absent: java.nio's CREATE_NEW locally, Hadoop's create elsewhere. */
  private static void createNew(FileSystem fs, Path path, byte[] content) throws IOException {
    if (fs instanceof LocalFileSystem local) {
      java.nio.file.Path file = local.pathToFile(path).toPath();
      Files.createDirectories(file.getParent());
      Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return;
    }
    try (FSDataOutputStream out = fs.create(path, false)) {
      out.write(content);
    }
  }

  /** Whether the lock was taken on this host by a process that no longer runs. */
  static boolean deadHere(Properties held) throws IOException {
    String pid = held.getProperty("pid");
    if (pid == null || !host().equals(held.getProperty("host"))) {
      return false; // another machine: only the expiry tells
    }
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(h -> !h.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String host() throws IOException {
    return InetAddress.getLocalHost().getHostName();
  }

  private static String describe(String holder, Duration ttl) throws IOException {
    Instant now = Instant.now();
    return "holder="
        + holder
        + "\nhost="
        + host()
        + "\npid="
        + ProcessHandle.current().pid()
        + "\nacquired="
        + now
        + "\nexpires="
        + now.plus(ttl)
        + "\n";
  }

  private static Properties read(FileSystem fs, Path path) throws IOException {
    Properties p = new Properties();
    try (var in = fs.open(path)) {
      p.load(in);
    } catch (java.io.FileNotFoundException e) {
      // released between our create and our read: treat as expired
    }
    return p;
  }
}
