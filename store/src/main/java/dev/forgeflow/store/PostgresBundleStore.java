package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.BLOBS;
import static dev.forgeflow.store.jooq.Tables.BUNDLES;
import static dev.forgeflow.store.jooq.Tables.BUNDLE_FILES;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Bundles in {@code bundles} and {@code bundle_files}, contents in {@code blobs}. A new version
 * locks its run's row, so concurrent versions of one run get consecutive numbers.
 */
final class PostgresBundleStore implements BundleStore {

  private static final Field<Integer> FILE_COUNT =
      DSL.field(DSL.selectCount().from(BUNDLE_FILES).where(BUNDLE_FILES.BUNDLE_ID.eq(BUNDLES.ID)))
          .as("file_count");

  private final DSLContext db;

  PostgresBundleStore(DSLContext db) {
    this.db = db;
  }

  @Override
  public String putBlob(byte[] content) {
    String sha256 = Sha256.hex(content);
    if (!db.fetchExists(BLOBS, BLOBS.SHA256.eq(sha256))) {
      db.insertInto(BLOBS)
          .set(BLOBS.SHA256, sha256)
          .set(BLOBS.CONTENT, content)
          .set(BLOBS.SIZE, content.length)
          .onConflictDoNothing()
          .execute();
    }
    return sha256;
  }

  @Override
  public byte[] blob(String sha256) {
    return db.select(BLOBS.CONTENT)
        .from(BLOBS)
        .where(BLOBS.SHA256.eq(sha256))
        .fetchOptional(BLOBS.CONTENT)
        .orElseThrow(() -> new NoSuchElementException("No content with SHA-256 " + sha256));
  }

  @Override
  public BundleVersion createVersion(
      String runId, String baseBundleId, Map<String, String> changedFiles) {
    return db.transactionResult(
        transaction ->
            new NewBundleVersion(transaction.dsl(), runId).create(baseBundleId, changedFiles));
  }

  @Override
  public BundleVersion find(String bundleId) {
    return findWhere(BUNDLES.ID.eq(bundleId))
        .orElseThrow(() -> new NoSuchElementException("No bundle with id " + bundleId));
  }

  @Override
  public SortedMap<String, String> files(String bundleId) {
    find(bundleId);
    return filesOf(db, bundleId);
  }

  @Override
  public List<BundleEntry> entries(String bundleId) {
    find(bundleId);
    return db
        .select(BUNDLE_FILES.PATH, BUNDLE_FILES.SHA256, BLOBS.SIZE)
        .from(BUNDLE_FILES)
        .join(BLOBS)
        .on(BLOBS.SHA256.eq(BUNDLE_FILES.SHA256))
        .where(BUNDLE_FILES.BUNDLE_ID.eq(bundleId))
        .fetch(row -> new BundleEntry(row.value1(), row.value2(), row.value3()))
        .stream()
        // Sorted as files() sorts (String order), whatever the database's collation.
        .sorted(Comparator.comparing(BundleEntry::path))
        .toList();
  }

  @Override
  public Optional<BundleVersion> latest(String runId) {
    return db.select(BUNDLES.ID, BUNDLES.RUN_ID, BUNDLES.VERSION, FILE_COUNT, BUNDLES.CREATED_AT)
        .from(BUNDLES)
        .where(BUNDLES.RUN_ID.eq(runId))
        .orderBy(BUNDLES.VERSION.desc())
        .limit(1)
        .fetchOptional(PostgresBundleStore::toVersion);
  }

  @Override
  public List<BundleVersion> versions(String runId) {
    return db.select(BUNDLES.ID, BUNDLES.RUN_ID, BUNDLES.VERSION, FILE_COUNT, BUNDLES.CREATED_AT)
        .from(BUNDLES)
        .where(BUNDLES.RUN_ID.eq(runId))
        .orderBy(BUNDLES.VERSION)
        .fetch(PostgresBundleStore::toVersion);
  }

  static SortedMap<String, String> filesOf(DSLContext db, String bundleId) {
    SortedMap<String, String> files = new TreeMap<>();
    db.select(BUNDLE_FILES.PATH, BUNDLE_FILES.SHA256)
        .from(BUNDLE_FILES)
        .where(BUNDLE_FILES.BUNDLE_ID.eq(bundleId))
        .forEach(row -> files.put(row.value1(), row.value2()));
    return files;
  }

  private Optional<BundleVersion> findWhere(Condition condition) {
    return db.select(BUNDLES.ID, BUNDLES.RUN_ID, BUNDLES.VERSION, FILE_COUNT, BUNDLES.CREATED_AT)
        .from(BUNDLES)
        .where(condition)
        .fetchOptional(PostgresBundleStore::toVersion);
  }

  private static BundleVersion toVersion(Record row) {
    return new BundleVersion(
        row.get(BUNDLES.ID),
        row.get(BUNDLES.RUN_ID),
        row.get(BUNDLES.VERSION),
        row.get(FILE_COUNT),
        row.get(BUNDLES.CREATED_AT));
  }
}
