package dev.forgeflow.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Versioned, content-addressed code bundles. File contents are blobs named by their SHA-256; each
 * content is stored once however many files and versions share it. A bundle version maps paths to
 * blobs and never changes once created.
 */
public interface BundleStore {

  /** Stores the content if it is not stored yet; returns its SHA-256, in lower-case hex. */
  String putBlob(byte[] content);

  /**
   * The content with this SHA-256.
   *
   * @throws java.util.NoSuchElementException if no such content is stored
   */
  byte[] blob(String sha256);

  /**
   * Creates the run's next version: the base's files (none if {@code baseBundleId} is null),
   * overridden by {@code changedFiles}. A path mapped to {@code null} is left out of the new
   * version. Versions are numbered 1, 2, 3 ... per run, also under concurrent calls.
   *
   * @param changedFiles path to SHA-256 of content already stored with {@link #putBlob}
   * @throws java.util.NoSuchElementException if the run or the base bundle does not exist
   * @throws IllegalArgumentException if a path is blank or a content was never stored
   */
  BundleVersion createVersion(String runId, String baseBundleId, Map<String, String> changedFiles);

  /**
   * The bundle version with this id.
   *
   * @throws java.util.NoSuchElementException if there is none
   */
  BundleVersion find(String bundleId);

  /**
   * The files of a bundle version: path to SHA-256, sorted by path.
   *
   * @throws java.util.NoSuchElementException if there is no such bundle
   */
  SortedMap<String, String> files(String bundleId);

  /**
   * The files of a bundle version with the size of each content, sorted by path.
   *
   * @throws java.util.NoSuchElementException if there is no such bundle
   */
  List<BundleEntry> entries(String bundleId);

  /** The run's highest version, or empty if it has none yet. */
  Optional<BundleVersion> latest(String runId);

  /** The run's versions, the first first; empty if it has none yet (or there is no such run). */
  List<BundleVersion> versions(String runId);
}
