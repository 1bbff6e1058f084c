package dev.forgeflow.agents.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeProfileTest {

  private final RuntimeProfile bundled = RuntimeProfile.bundled();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fastapi",
        "starlette",
        "pydantic",
        "pydantic_core",
        "sqlmodel",
        "sqlalchemy",
        "uvicorn",
        "httpx",
        "pytest",
        "_pytest",
        "anyio",
        "typing_extensions",
        "os",
        "json",
        "typing",
        "sqlite3",
        "asyncio",
        "tomllib",
        "__future__",
        "collections.abc",
        "xml.etree.ElementTree"
      })
  void bundledProfileAllowsItsPackagesAndTheStandardLibrary(String module) {
    assertThat(bundled.allows(module)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"requests", "numpy", "flask", "django", "pandas", "yaml", "Fastapi", " ", ""})
  void bundledProfileRejectsEverythingElse(String module) {
    assertThat(bundled.allows(module)).isFalse();
  }

  @Test
  void bundledProfileIsPython311WithPinnedVersions() {
    assertThat(bundled.python()).isEqualTo("3.11");
    assertThat(bundled.packages())
        .containsOnlyKeys(
            "fastapi",
            "starlette",
            "pydantic",
            "pydantic_core",
            "sqlmodel",
            "sqlalchemy",
            "uvicorn",
            "httpx",
            "pytest",
            "anyio",
            "typing_extensions")
        .allSatisfy((name, version) -> assertThat(version).matches("\\d+\\.\\d+\\.\\d+"));
    assertThat(bundled.stdlib()).hasSizeGreaterThan(250).contains("os", "json", "wsgiref");
    assertThat(bundled.allows(null)).isFalse();
  }

  @Test
  void describeSummarisesTheProfileForPrompts() {
    assertThat(bundled.describe())
        .startsWith("Python 3.11; packages: anyio ")
        .contains("fastapi " + bundled.packages().get("fastapi") + ", httpx ")
        .endsWith("uvicorn " + bundled.packages().get("uvicorn") + "; standard library");
  }

  @Test
  void fromJsonTakesPackageNamesAsModulesWhenModulesAreAbsent() {
    RuntimeProfile profile =
        RuntimeProfile.fromJson(
            "{\"python\": \"3.12\", \"packages\": {\"Typing-Extensions\": \"4.12.2\","
                + " \"fastapi\": \"0.115.6\"}, \"stdlib\": [\"os\"]}");

    assertThat(profile.python()).isEqualTo("3.12");
    assertThat(profile.modules()).containsExactly("fastapi", "typing_extensions");
    assertThat(profile.allows("typing_extensions")).isTrue();
    assertThat(profile.allows("os.path")).isTrue();
    assertThat(profile.allows("json")).isFalse();
  }

  @Test
  void fromJsonKeepsExplicitModules() {
    RuntimeProfile profile =
        RuntimeProfile.fromJson(
            "{\"python\": \"3.11\", \"packages\": {\"PyYAML\": \"6.0\"}, \"modules\": [\"yaml\"],"
                + " \"stdlib\": []}");

    assertThat(profile.allows("yaml")).isTrue();
    assertThat(profile.allows("pyyaml")).isFalse();
  }

  @Test
  void fromJsonRejectsWhatIsNotAProfile() {
    assertThatThrownBy(() -> RuntimeProfile.fromJson("python 3.11"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("runtime profile is not valid JSON");
    assertThatThrownBy(() -> RuntimeProfile.fromJson("[]"))
        .hasMessage("runtime profile is not a JSON object");
    assertThatThrownBy(() -> RuntimeProfile.fromJson("{\"python\": \"3.11\", \"packages\": {}}"))
        .hasMessage("runtime profile lacks the field 'stdlib'");
    assertThatThrownBy(
            () -> RuntimeProfile.fromJson("{\"python\": \"\", \"packages\": {}, \"stdlib\": []}"))
        .hasMessage("runtime profile names no Python version");
  }

  @Test
  void profileCollectionsAreImmutable() {
    assertThatThrownBy(() -> bundled.modules().add("requests"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> bundled.packages().put("requests", "2.32.3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
