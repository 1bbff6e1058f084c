package dev.forgeflow.store;

/**
 * One file of a bundle version, as a listing shows it.
 *
 * @param sha256 the name of its content (see {@link BundleStore#blob})
 * @param size the content's length in bytes
 */
public record BundleEntry(String path, String sha256, int size) {}
