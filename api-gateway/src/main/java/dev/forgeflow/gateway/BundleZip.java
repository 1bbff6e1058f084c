package dev.forgeflow.gateway;

import dev.forgeflow.store.BundleEntry;
import dev.forgeflow.store.paths.PathCheck;
import dev.forgeflow.store.paths.PathRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A bundle version as a zip, streamed a file at a time: a file's content is read only when the
 * response asks for more, and dropped once compressed, so memory holds one file's content and the
 * compressed pieces not yet sent (at most one compressed copy of the bundle), never its contents
 * all at once. Every entry sits under one top folder; a path that is not canonical (which no
 * generated file has) is left out rather than let it climb out of that folder when unzipped.
 */
final class BundleZip {

  private static final Logger log = LoggerFactory.getLogger(BundleZip.class);
  private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]+");
  private static final int MAX_FOLDER = 64;

  private BundleZip() {}

  /**
   * The zip's bytes, in pieces.
   *
   * @param files the bundle's files, each stored under {@code folder/path}, dated {@code time}
   * @param content reads the content with a SHA-256; called on {@code blocking}'s threads
   */
  static Flux<byte[]> stream(
      String folder,
      List<BundleEntry> files,
      OffsetDateTime time,
      Function<String, byte[]> content,
      Blocking blocking) {
    List<BundleEntry> kept = files.stream().filter(file -> canonical(folder, file)).toList();
    return Flux.using(
        () -> new Writer(folder, time.toInstant().toEpochMilli()),
        writer ->
            Flux.fromIterable(kept)
                .concatMap(
                    file -> blocking.call(() -> writer.add(file, content.apply(file.sha256()))))
                .concatWith(Mono.fromCallable(writer::finish))
                .filter(piece -> piece.length > 0),
        Writer::close);
  }

  private static boolean canonical(String folder, BundleEntry file) {
    PathCheck check = PathRules.check(file.path());
    if (check.ok() && check.normalized().equals(file.path())) {
      return true;
    }
    log.warn("Left {} out of the zip {}: not a canonical path", file.path(), folder);
    return false;
  }

  /**
   * The top folder: the service's name in lower case, with anything but letters, digits, dots,
   * dashes and underscores turned into dashes; the run id if that leaves nothing.
   */
  static String folder(String serviceName, String runId) {
    String name =
        serviceName == null
            ? ""
            : UNSAFE.matcher(serviceName.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
    name = name.replaceAll("^[-.]+|[-.]+$", "");
    if (name.length() > MAX_FOLDER) {
      name = name.substring(0, MAX_FOLDER).replaceAll("[-.]+$", "");
    }
    return name.isEmpty() ? runId : name;
  }

  /** Writes entries into a zip and hands out the bytes written since it last did. */
  private static final class Writer {
    private final String folder;
    private final long time;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(pending);

    Writer(String folder, long time) {
      this.folder = folder;
      this.time = time;
    }

    /** Adds a file and returns the zip's bytes so far not handed out. */
    byte[] add(BundleEntry file, byte[] content) {
      try {
        ZipEntry entry = new ZipEntry(folder + "/" + file.path());
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return take();
    }

    byte[] finish() throws IOException {
      zip.finish();
      return take();
    }

    private byte[] take() {
      byte[] piece = pending.toByteArray();
      pending.reset();
      return piece;
    }

    void close() {
      try {
        zip.close();
      } catch (IOException ignored) {
        // Only memory to let go of.
      }
    }
  }
}
