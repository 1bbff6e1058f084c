package dev.forgeflow.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** A fake {@link BundleStore} in memory, content-addressed like the real one; thread-safe. */
public final class InMemoryBundleStore implements BundleStore {

  private final InMemoryRunStore runs;
  private final Map<String, byte[]> blobs = new HashMap<>();
  private final Map<String, BundleVersion> versions = new HashMap<>();
  private final Map<String, SortedMap<String, String>> filesByBundle = new HashMap<>();
  private final List<BundleVersion> inOrder = new ArrayList<>();

  public InMemoryBundleStore(InMemoryRunStore runs) {
    this.runs = runs;
  }

  @Override
  public synchronized String putBlob(byte[] content) {
    String sha256 = Sha256.hex(content);
    blobs.putIfAbsent(sha256, content.clone());
    return sha256;
  }

  @Override
  public synchronized byte[] blob(String sha256) {
    byte[] content = blobs.get(sha256);
    if (content == null) {
      throw new NoSuchElementException("No content with SHA-256 " + sha256);
    }
    return content.clone();
  }

  /** How many distinct contents are stored. */
  public synchronized int blobCount() {
    return blobs.size();
  }

  @Override
  public synchronized BundleVersion createVersion(
      String runId, String baseBundleId, Map<String, String> changedFiles) {
    runs.requireRun(runId);
    SortedMap<String, String> files = baseFiles(baseBundleId);
    BundleFiles.apply(changedFiles, files);
    Set<String> missing = BundleFiles.named(changedFiles);
    missing.removeAll(blobs.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("No content stored for SHA-256 " + missing);
    }
    int version = latest(runId).map(v -> v.version() + 1).orElse(1);
    BundleVersion created =
        new BundleVersion(
            UUID.randomUUID().toString(), runId, version, files.size(), InMemoryRunStore.now());
    versions.put(created.id(), created);
    filesByBundle.put(created.id(), files);
    inOrder.add(created);
    return created;
  }

  private SortedMap<String, String> baseFiles(String baseBundleId) {
    if (baseBundleId == null) {
      return new TreeMap<>();
    }
    if (!versions.containsKey(baseBundleId)) {
      throw new NoSuchElementException("No base bundle with id " + baseBundleId);
    }
    return new TreeMap<>(filesByBundle.get(baseBundleId));
  }

  @Override
  public synchronized BundleVersion find(String bundleId) {
    BundleVersion version = versions.get(bundleId);
    if (version == null) {
      throw new NoSuchElementException("No bundle with id " + bundleId);
    }
    return version;
  }

  @Override
  public synchronized SortedMap<String, String> files(String bundleId) {
    find(bundleId);
    return new TreeMap<>(filesByBundle.get(bundleId));
  }

  @Override
  public synchronized List<BundleEntry> entries(String bundleId) {
    find(bundleId);
    List<BundleEntry> entries = new ArrayList<>();
    filesByBundle
        .get(bundleId)
        .forEach(
            (path, sha256) -> entries.add(new BundleEntry(path, sha256, blobs.get(sha256).length)));
    return entries;
  }

  @Override
  public synchronized List<BundleVersion> versions(String runId) {
    return inOrder.stream().filter(version -> version.runId().equals(runId)).toList();
  }

  @Override
  public synchronized Optional<BundleVersion> latest(String runId) {
    return inOrder.stream()
        .filter(version -> version.runId().equals(runId))
        .reduce((earlier, later) -> later);
  }
}
