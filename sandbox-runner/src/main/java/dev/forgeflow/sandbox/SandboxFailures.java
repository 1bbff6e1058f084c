package dev.forgeflow.sandbox;

import dev.forgeflow.sandbox.docker.DockerUnavailable;
import dev.forgeflow.sandbox.image.ProjectImages;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;

/**
 * How sandbox errors reach Temporal: a missing base image or a refused bundle will not get better
 * by retrying; a daemon that is gone, or stops answering part-way, will once it is back.
 */
public final class SandboxFailures {
  private SandboxFailures() {}

  /** The activity failure {@code e} becomes, or {@code e} itself when it is none of these. */
  public static RuntimeException translate(RuntimeException e) {
    if (e instanceof ProjectImages.BaseImageMissing) {
      return ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BaseImageMissing");
    }
    if (e instanceof IllegalArgumentException) {
      return ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BundleRefused");
    }
    if (e instanceof DockerUnavailable) {
      return ApplicationFailure.newFailure(e.getMessage(), DockerUnavailable.TYPE);
    }
    if (causedByIo(e)) {
      return ApplicationFailure.newFailure(
          "The Docker daemon stopped answering: " + e.getMessage(), DockerUnavailable.TYPE);
    }
    return e;
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable cause = e;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
