package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class BundlePathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"app/main.py", "README.md", "tests/unit/test_books.py", "a b/c.txt"})
  void aCanonicalPathIsLookedUpAsItIs(String path) {
    assertThat(BundlePaths.requested("/" + path, "/api/runs/r/versions/1/files/" + path))
        .isEqualTo(path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../secret",
        "app/../../etc/passwd",
        "app/./main.py",
        "/etc/passwd",
        "app//main.py",
        "app\\main.py",
        "..\\..\\boot.ini",
        "app/main.py\0.txt",
        "C:/windows/win.ini",
        "app/",
        "",
        ".git/config",
        "app/main.py/.."
      })
  void aHostilePathIsABadRequest(String path) {
    assertThatThrownBy(() -> BundlePaths.requested("/" + path, "/api/runs/r/versions/1/files/x"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
  }

  @ParameterizedTest
  @ValueSource(strings = {"app%2Fmain.py", "app%2fmain.py", "app%5Cmain.py", "..%2F..%2Fx"})
  void aSlashOrBackslashSmuggledInEncodedIsABadRequest(String raw) {
    assertThatThrownBy(
            () -> BundlePaths.requested("/app/main.py", "/api/runs/r/versions/1/files/" + raw))
        .isInstanceOf(ErrorResponseException.class);
  }
}
