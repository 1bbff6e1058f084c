package dev.forgeflow.sandbox.image;

/**
 * A built project image.
 *
 * @param tag {@code forgeflow/project-<run>:<bundle>}
 * @param imageId the image's id, {@code sha256:...}
 */
public record ProjectImage(String tag, String imageId) {}
