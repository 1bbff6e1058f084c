package dev.forgeflow.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A run's artifacts and the versions of its code over HTTP, on the gateway over an embedded
 * PostgreSQL: lists, contents, ETags, zips unzipped again, exact diffs, hostile paths, unknown
 * versions, and someone else's run.
 */
class RunArtifactsApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAIN = "import os\n\ndef main():\n    print('%s')\n\nmain()\n";
  private static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static WebTestClient http;

  @BeforeAll
  static void startGateway() {
    gateway = RunningGateway.start(dataDir);
    http = gateway.testClient;
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  /** A run of the owner with two versions: v2 changes main.py, adds new.py, removes old.py. */
  private static String runWithTwoVersions(Owner owner) {
    String run = gateway.newRun(owner);
    Map<String, Object> v1 = new LinkedHashMap<>();
    v1.put("README.md", "# Shop\n");
    v1.put("app/main.py", MAIN.formatted("hello"));
    v1.put("app/old.py", "x = 1\n");
    v1.put("static/logo.png", LOGO);
    BundleVersion first = version(run, null, v1);
    Map<String, Object> v2 = new HashMap<>();
    v2.put("app/main.py", MAIN.formatted("hello, world"));
    v2.put("app/new.py", "y = 2\nz = 3\n");
    v2.put("app/old.py", null);
    version(run, first.id(), v2);
    return run;
  }

  private static BundleVersion version(String run, String base, Map<String, Object> files) {
    Map<String, String> changes = new HashMap<>();
    files.forEach((path, content) -> changes.put(path, content == null ? null : put(content)));
    return gateway.stores.bundles().createVersion(run, base, changes);
  }

  private static String put(Object content) {
    return gateway.stores.bundles().putBlob(bytes(content));
  }

  private static byte[] bytes(Object content) {
    return content instanceof String text ? text.getBytes(UTF_8) : (byte[]) content;
  }

  private static String sha256(Object content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(content)));
  }

  private static WebTestClient.ResponseSpec get(Owner owner, String path) {
    return http.get()
        .uri(URI.create(gateway.base + path))
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .exchange();
  }

  private static JsonNode json(Owner owner, String path) {
    return get(owner, path)
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private static String text(Owner owner, String path) {
    return get(owner, path)
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static void notFound(Owner owner, String path) {
    get(owner, path)
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void versionsAreListedFirstFirstWithTheirFileCounts() {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);
    List<BundleVersion> stored = gateway.stores.bundles().versions(run);

    JsonNode versions = json(ada, "/api/runs/" + run + "/versions").get("items");

    assertThat(versions).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(versions.get(i).get("version").asInt()).isEqualTo(i + 1);
      assertThat(versions.get(i).get("bundleId").asText()).isEqualTo(stored.get(i).id());
      assertThat(versions.get(i).get("createdAt").asText()).isNotBlank();
      assertThat(versions.get(i).get("files").asText())
          .isEqualTo("/api/runs/" + run + "/versions/" + (i + 1) + "/files");
    }
    assertThat(versions.get(0).get("fileCount").asInt()).isEqualTo(4);
    assertThat(versions.get(1).get("fileCount").asInt()).isEqualTo(4);
    assertThat(json(ada, "/api/runs/" + gateway.newRun(ada) + "/versions").get("items")).isEmpty();
  }

  @Test
  void aVersionsFilesAreListedByPathWithSizeAndSha256AndLatestIsTheHighest() throws Exception {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);

    JsonNode tree = json(ada, "/api/runs/" + run + "/versions/1/files");
    JsonNode latest = json(ada, "/api/runs/" + run + "/versions/latest/files");

    assertThat(tree.get("version").asInt()).isEqualTo(1);
    assertThat(tree.get("files"))
        .extracting(file -> file.get("path").asText())
        .containsExactly("README.md", "app/main.py", "app/old.py", "static/logo.png");
    JsonNode main = tree.get("files").get(1);
    assertThat(main.get("size").asInt()).isEqualTo(MAIN.formatted("hello").length());
    assertThat(main.get("sha256").asText()).isEqualTo(sha256(MAIN.formatted("hello")));
    assertThat(latest.get("version").asInt()).isEqualTo(2);
    assertThat(latest.get("files"))
        .extracting(file -> file.get("path").asText())
        .containsExactly("README.md", "app/main.py", "app/new.py", "static/logo.png");
  }

  @Test
  void aFileIsItsContentWithItsSha256AsETagAndUnchangedIsNotModified() throws Exception {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);
    String etag = "\"" + sha256(MAIN.formatted("hello, world")) + "\"";

    get(ada, "/api/runs/" + run + "/versions/2/files/app/main.py")
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("text/plain;charset=UTF-8")
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, etag)
        .expectBody(String.class)
        .isEqualTo(MAIN.formatted("hello, world"));
    http.get()
        .uri(URI.create(gateway.base + "/api/runs/" + run + "/versions/latest/files/app/main.py"))
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .header(HttpHeaders.IF_NONE_MATCH, etag)
        .exchange()
        .expectStatus()
        .isNotModified();
    assertThat(text(ada, "/api/runs/" + run + "/versions/1/files/app/main.py"))
        .isEqualTo(MAIN.formatted("hello"));
  }

  @Test
  void aFileThatIsNotUtf8IsServedAsBytes() {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);

    get(ada, "/api/runs/" + run + "/versions/1/files/static/logo.png")
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .expectBody(byte[].class)
        .isEqualTo(LOGO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../../../etc/passwd",
        "app/../README.md",
        "app/%2e%2e/README.md",
        "%2e%2e/%2e%2e/etc/passwd",
        "app%2Fmain.py",
        "app%2fmain.py",
        "app%5Cmain.py",
        "%2Fetc%2Fpasswd",
        "/etc/passwd",
        "app//main.py",
        "./README.md",
        "app/main.py%00.txt",
        "%00",
        "C:/boot.ini"
      })
  void aHostilePathIsABadRequestAndNeverAnotherFile(String hostile) {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);

    EntityExchangeResult<String> result =
        get(ada, "/api/runs/" + run + "/versions/1/files/" + hostile)
            .expectBody(String.class)
            .returnResult();

    assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(result.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result.getResponseBody()).doesNotContain("# Shop", "import os", "root:");
  }

  @Test
  void unknownVersionsAndFilesAreNotFoundAndMalformedVersionsBadRequests() {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);
    String empty = gateway.newRun(ada);

    notFound(ada, "/api/runs/" + run + "/versions/3/files");
    notFound(ada, "/api/runs/" + run + "/versions/3/files/README.md");
    notFound(ada, "/api/runs/" + run + "/versions/3/zip");
    notFound(ada, "/api/runs/" + run + "/versions/2/files/app/old.py");
    notFound(ada, "/api/runs/" + run + "/versions/1/files/app/nothing.py");
    notFound(ada, "/api/runs/" + empty + "/versions/latest/files");
    notFound(ada, "/api/runs/" + empty + "/download");
    notFound(ada, "/api/runs/" + empty + "/diff");
    notFound(ada, "/api/runs/no-such-run/versions");
    for (String malformed : List.of("0", "-1", "v1", "1.0", "99999999999")) {
      get(ada, "/api/runs/" + run + "/versions/" + malformed + "/files")
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).startsWith("version:"));
    }
  }

  @Test
  void aZipHoldsEveryFileOfTheVersionUnderTheServicesFolder() throws IOException {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);
    gateway.stores.runs().setProjectName(run, "Bookshop API");

    EntityExchangeResult<byte[]> v1 =
        get(ada, "/api/runs/" + run + "/versions/1/zip")
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType("application/zip")
            .expectBody(byte[].class)
            .returnResult();
    EntityExchangeResult<byte[]> latest =
        get(ada, "/api/runs/" + run + "/download").expectBody(byte[].class).returnResult();

    assertThat(v1.getResponseHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(v1.getResponseHeaders().getContentDisposition().getFilename())
        .isEqualTo("bookshop-api-v1.zip");
    assertThat(unzip(v1.getResponseBody()))
        .containsOnlyKeys(
            "bookshop-api/README.md",
            "bookshop-api/app/main.py",
            "bookshop-api/app/old.py",
            "bookshop-api/static/logo.png")
        .containsEntry("bookshop-api/README.md", "# Shop\n".getBytes(UTF_8))
        .containsEntry("bookshop-api/app/main.py", MAIN.formatted("hello").getBytes(UTF_8))
        .containsEntry("bookshop-api/static/logo.png", LOGO);
    assertThat(latest.getResponseHeaders().getContentDisposition().getFilename())
        .isEqualTo("bookshop-api-v2.zip");
    assertThat(unzip(latest.getResponseBody()))
        .containsOnlyKeys(
            "bookshop-api/README.md",
            "bookshop-api/app/main.py",
            "bookshop-api/app/new.py",
            "bookshop-api/static/logo.png")
        .containsEntry("bookshop-api/app/main.py", MAIN.formatted("hello, world").getBytes(UTF_8));
  }

  @Test
  void withoutAServiceNameTheZipsFolderIsTheRunId() throws IOException {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);

    byte[] zip =
        get(ada, "/api/runs/" + run + "/versions/latest/zip")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();

    assertThat(unzip(zip).keySet()).allMatch(name -> name.startsWith(run + "/"));
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  private static final String V1_TO_V2 =
      """
      --- a/app/main.py
      +++ b/app/main.py
      @@ -1,6 +1,6 @@
       import os
      \s
       def main():
      -    print('hello')
      +    print('hello, world')
      \s
       main()
      --- /dev/null
      +++ b/app/new.py
      @@ -0,0 +1,2 @@
      +y = 2
      +z = 3
      --- a/app/old.py
      +++ /dev/null
      @@ -1,1 +0,0 @@
      -x = 1
      """;

  @Test
  void theDiffBetweenTwoVersionsIsAUnifiedDiff() {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);
    String diff = "/api/runs/" + run + "/diff";

    get(ada, diff + "?from=1&to=2")
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("text/x-diff;charset=UTF-8")
        .expectBody(String.class)
        .isEqualTo(V1_TO_V2);
    assertThat(text(ada, diff)).isEqualTo(V1_TO_V2);
    assertThat(text(ada, diff + "?from=1&to=latest")).isEqualTo(V1_TO_V2);
    assertThat(text(ada, diff + "?from=1&to=2&path=app/new.py"))
        .isEqualTo("--- /dev/null\n+++ b/app/new.py\n@@ -0,0 +1,2 @@\n+y = 2\n+z = 3\n");
    assertThat(text(ada, diff + "?from=2&to=1"))
        .startsWith("--- a/app/main.py\n+++ b/app/main.py\n")
        .contains("--- a/app/new.py\n+++ /dev/null\n", "--- /dev/null\n+++ b/app/old.py\n");
    assertThat(text(ada, diff + "?to=1"))
        .contains("--- /dev/null\n+++ b/README.md\n@@ -0,0 +1,1 @@\n+# Shop\n")
        .contains("Binary files /dev/null and b/static/logo.png differ\n");
  }

  @Test
  void theSameVersionTwiceIsAnEmptyDiffAndUnknownVersionsAreNotFound() {
    Owner ada = gateway.newOwner();
    String run = runWithTwoVersions(ada);
    String diff = "/api/runs/" + run + "/diff";

    get(ada, diff + "?from=2&to=2").expectStatus().isOk().expectBody().isEmpty();
    get(ada, diff + "?from=latest&to=2").expectStatus().isOk().expectBody().isEmpty();
    notFound(ada, diff + "?from=1&to=3");
    notFound(ada, diff + "?from=7");
    notFound(ada, diff + "?from=1&to=2&path=app/nothing.py");
    get(ada, diff + "?from=one&to=2").expectStatus().isBadRequest();
    get(ada, diff + "?from=1&to=2&path=../app/main.py").expectStatus().isBadRequest();
  }

  @Test
  void anotherUsersRunsCodeAndArtifactsAreNotFound() {
    Owner ada = gateway.newOwner();
    Owner eve = gateway.newOwner();
    String run = runWithTwoVersions(ada);
    String charter = gateway.stores.artifacts().save(run, "charter", "{\"name\": \"shop\"}");

    for (String route :
        List.of(
            "/versions",
            "/versions/1/files",
            "/versions/1/files/app/main.py",
            "/versions/1/zip",
            "/download",
            "/diff?from=1&to=2",
            "/artifacts",
            "/artifacts/" + charter,
            "/charter")) {
      EntityExchangeResult<String> result =
          get(eve, "/api/runs/" + run + route).expectBody(String.class).returnResult();
      assertThat(result.getStatus()).as(route).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(result.getResponseBody()).as(route).doesNotContain("import os", "shop\"");
    }
  }

  private static String architecture(String mermaid) throws Exception {
    Map<String, Object> design = new LinkedHashMap<>();
    design.put("designMarkdown", "# Design\n\nOne service.");
    design.put("mermaid", mermaid);
    design.put("components", List.of());
    design.put("dataModel", List.of());
    design.put("endpoints", List.of());
    design.put("filePlan", List.of());
    return JSON.writeValueAsString(design);
  }

  private static void journal(String run, Fact fact) {
    gateway.stores.journal().append(run, fact.eventType(), Facts.json(fact), 1);
  }

  @Test
  void artifactsAreListedInTheOrderTheJournalAnnouncedThemWithTheirRounds() throws Exception {
    Owner ada = gateway.newOwner();
    String run = gateway.newRun(ada);
    String charter = gateway.stores.artifacts().save(run, "charter", "{\"name\": \"shop\"}");
    journal(run, new Fact.ArtifactCharter(charter, "shop", 1, "offline"));
    String design = gateway.stores.artifacts().save(run, "architecture", architecture("graph TD"));
    journal(run, new Fact.ArtifactArchitecture(design, List.of("app/main.py"), 1, "offline", null));
    gateway.appendStages(run, 2);
    journal(run, new Fact.TestReport(1, false, "img", 3, 1, List.of(), "1 of 3 failed"));
    String review =
        gateway.stores.artifacts().save(run, "review", "{\"approved\": false, \"issues\": []}");
    journal(run, new Fact.ReviewReport(review, 1, false, "fix it", 1, 1, List.of()));

    JsonNode items = json(ada, "/api/runs/" + run + "/artifacts").get("items");

    assertThat(items)
        .extracting(item -> item.get("kind").asText())
        .containsExactly("charter", "architecture", "test", "review");
    assertThat(items.get(0).get("id").asText()).isEqualTo(charter);
    assertThat(items.get(0).get("url").asText())
        .isEqualTo("/api/runs/" + run + "/artifacts/" + charter);
    assertThat(items.get(0).has("round")).isFalse();
    assertThat(items.get(1).get("id").asText()).isEqualTo(design);
    assertThat(items.get(2).has("id")).isFalse();
    assertThat(items.get(2).get("round").asInt()).isEqualTo(1);
    assertThat(items.get(2).get("seq").asLong()).isEqualTo(5);
    assertThat(items.get(3).get("id").asText()).isEqualTo(review);
    assertThat(items.get(3).get("round").asInt()).isEqualTo(1);
    assertThat(items).allMatch(item -> item.hasNonNull("createdAt"));
    assertThat(json(ada, "/api/runs/" + gateway.newRun(ada) + "/artifacts").get("items")).isEmpty();
  }

  @Test
  void anArtifactIsItsJsonOnlyUnderItsOwnRun() throws Exception {
    Owner ada = gateway.newOwner();
    String run = gateway.newRun(ada);
    String other = gateway.newRun(ada);
    String review = gateway.stores.artifacts().save(run, "review", "{\"approved\": true}");

    get(ada, "/api/runs/" + run + "/artifacts/" + review)
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .json("{\"approved\": true}");
    notFound(ada, "/api/runs/" + other + "/artifacts/" + review);
    notFound(ada, "/api/runs/" + run + "/artifacts/no-such-artifact");
  }

  @Test
  void theCharterAndArchitectureAreTheLatestAndTheDiagramItsMermaidSource() throws Exception {
    Owner ada = gateway.newOwner();
    String run = gateway.newRun(ada);
    String prefix = "/api/runs/" + run;

    get(ada, prefix + "/charter")
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("The run has no charter yet");
    notFound(ada, prefix + "/architecture");
    notFound(ada, prefix + "/architecture/diagram.mmd");
    gateway.stores.artifacts().save(run, "charter", "{\"name\": \"shop\"}");
    gateway.stores.artifacts().save(run, "architecture", architecture("graph TD\n  A-->B"));
    gateway.stores.artifacts().save(run, "architecture", architecture("graph LR\n  api-->db\n"));

    get(ada, prefix + "/charter").expectBody().json("{\"name\": \"shop\"}");
    assertThat(json(ada, prefix + "/architecture").get("mermaid").asText())
        .isEqualTo("graph LR\n  api-->db\n");
    get(ada, prefix + "/architecture/diagram.mmd")
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("text/plain;charset=UTF-8")
        .expectBody(String.class)
        .isEqualTo("graph LR\n  api-->db\n");

    gateway.stores.artifacts().save(run, "architecture", architecture(""));
    notFound(ada, prefix + "/architecture/diagram.mmd");
  }
}
