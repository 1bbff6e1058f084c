package dev.forgeflow.sandbox;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import java.util.Map;

/**
 * The log settings of every container Forgeflow creates: the {@code json-file} driver, rotated at
 * {@value #MAX_SIZE} with at most {@value #MAX_FILES} files, so a chatty or hostile service cannot
 * fill the daemon's disk.
 */
public final class ContainerLogs {

  public static final String MAX_SIZE = "10m";
  public static final String MAX_FILES = "3";

  private ContainerLogs() {}

  /** The bounded log configuration, for {@link HostConfig#withLogConfig}. */
  public static LogConfig bounded() {
    return new LogConfig(
        LogConfig.LoggingType.JSON_FILE, Map.of("max-size", MAX_SIZE, "max-file", MAX_FILES));
  }

  /** {@code hostConfig} with the bounded log configuration set. */
  public static HostConfig bounded(HostConfig hostConfig) {
    return hostConfig.withLogConfig(bounded());
  }
}
