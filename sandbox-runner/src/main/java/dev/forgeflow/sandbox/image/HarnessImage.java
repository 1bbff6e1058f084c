package dev.forgeflow.sandbox.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox base image plus the check harness in {@code /opt/forgeflow/harness}: scripts owned by
 * root, read-only to the generated code on the containers' read-only root. Project images are built
 * on it, and the probe runs in a container of it that holds no generated code. Tagged by a hash of
 * the base image's id and the scripts, so it is built once per recipe.
 */
public final class HarnessImage {

  /** Where the harness scripts live in the image. */
  public static final String DIR = "/opt/forgeflow/harness";

  /** Label carrying the harness recipe's hash. */
  public static final String HARNESS_LABEL = "dev.forgeflow.harness";

  static final List<String> SCRIPTS =
      List.of("compile_all.py", "wait_ready.py", "run_pytest.py", "pytest_main.py");

  private HarnessImage() {}

  /** The tag of the harness image on {@code baseImage}, built first when missing. */
  public static String ensure(DockerClient docker, String baseImage) {
    String baseId;
    try {
      baseId = docker.inspectImageCmd(baseImage).exec().getId();
    } catch (NotFoundException e) {
      throw new ProjectImages.BaseImageMissing(baseImage);
    }
    SortedMap<String, byte[]> files = scripts();
    String hash = hash(baseId, files);
    String tag = "forgeflow/sandbox-harness:" + hash;
    try {
      docker.inspectImageCmd(tag).exec();
      return tag;
    } catch (NotFoundException missing) {
      build(docker, baseImage, files, tag, hash);
      return tag;
    }
  }

  private static void build(
      DockerClient docker,
      String baseImage,
      SortedMap<String, byte[]> files,
      String tag,
      String hash) {
    String dockerfile =
        "FROM "
            + baseImage
            + "\nLABEL "
            + HARNESS_LABEL
            + "=\""
            + hash
            + "\"\nCOPY --chown=root:root harness/ "
            + DIR
            + "/\n";
    SortedMap<String, byte[]> context = new TreeMap<>();
    files.forEach((name, content) -> context.put("harness/" + name, content));
    byte[] tar = BuildContext.tar(context, dockerfile);
    docker
        .buildImageCmd()
        .withTarInputStream(new ByteArrayInputStream(tar))
        .withDockerfilePath(BuildContext.DOCKERFILE)
        .withPull(false)
        .withNetworkMode("none")
        .withRemove(true)
        .withForcerm(true)
        .withLabels(Map.of(HARNESS_LABEL, hash))
        .withTags(Set.of(tag))
        .exec(new BuildImageResultCallback())
        .awaitImageId(300, TimeUnit.SECONDS);
  }

  static SortedMap<String, byte[]> scripts() {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String name : SCRIPTS) {
      String resource = "/dev/forgeflow/sandbox/harness/" + name;
      try (InputStream in = HarnessImage.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Missing resource " + resource);
        }
        files.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static String hash(String baseId, SortedMap<String, byte[]> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(baseId.getBytes(StandardCharsets.UTF_8));
      files.forEach(
          (name, content) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
          });
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
