package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.BLOBS;
import static dev.forgeflow.store.jooq.Tables.BUNDLES;
import static dev.forgeflow.store.jooq.Tables.BUNDLE_FILES;
import static dev.forgeflow.store.jooq.Tables.RUNS;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Creates one bundle version inside a transaction that holds the run's row lock. */
final class NewBundleVersion {

  private final DSLContext tx;
  private final String runId;

  NewBundleVersion(DSLContext tx, String runId) {
    this.tx = tx;
    this.runId = runId;
  }

  BundleVersion create(String baseBundleId, Map<String, String> changedFiles) {
    lockRun();
    SortedMap<String, String> files = baseFiles(baseBundleId);
    BundleFiles.apply(changedFiles, files);
    requireStoredBlobs(changedFiles);
    int version = nextVersion();
    String id = UUID.randomUUID().toString();
    OffsetDateTime createdAt =
        tx.insertInto(BUNDLES)
            .set(BUNDLES.ID, id)
            .set(BUNDLES.RUN_ID, runId)
            .set(BUNDLES.VERSION, version)
            .set(BUNDLES.BASE_ID, baseBundleId)
            .returning(BUNDLES.CREATED_AT)
            .fetchOne(BUNDLES.CREATED_AT);
    insertFiles(id, files);
    return new BundleVersion(id, runId, version, files.size(), createdAt);
  }

  private void lockRun() {
    tx.select(RUNS.ID)
        .from(RUNS)
        .where(RUNS.ID.eq(runId))
        .forUpdate()
        .fetchOptional()
        .orElseThrow(() -> RunMustExist.noSuchRun(runId));
  }

  private SortedMap<String, String> baseFiles(String baseBundleId) {
    if (baseBundleId == null) {
      return new TreeMap<>();
    }
    if (!tx.fetchExists(BUNDLES, BUNDLES.ID.eq(baseBundleId))) {
      throw new NoSuchElementException("No base bundle with id " + baseBundleId);
    }
    return PostgresBundleStore.filesOf(tx, baseBundleId);
  }

  private void requireStoredBlobs(Map<String, String> changedFiles) {
    Set<String> missing = BundleFiles.named(changedFiles);
    missing.removeAll(
        tx.select(BLOBS.SHA256).from(BLOBS).where(BLOBS.SHA256.in(missing)).fetchSet(BLOBS.SHA256));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("No content stored for SHA-256 " + missing);
    }
  }

  private int nextVersion() {
    Integer highest =
        tx.select(DSL.max(BUNDLES.VERSION))
            .from(BUNDLES)
            .where(BUNDLES.RUN_ID.eq(runId))
            .fetchOne(0, Integer.class);
    return highest == null ? 1 : highest + 1;
  }

  private void insertFiles(String bundleId, SortedMap<String, String> files) {
    if (files.isEmpty()) {
      return;
    }
    var insert =
        tx.insertInto(BUNDLE_FILES, BUNDLE_FILES.BUNDLE_ID, BUNDLE_FILES.PATH, BUNDLE_FILES.SHA256);
    files.forEach((path, sha256) -> insert.values(bundleId, path, sha256));
    insert.execute();
  }
}
