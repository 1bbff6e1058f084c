package dev.forgeflow.sandbox.image;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundlePathsTest {

  @Test
  void pathsThatDifferOnlyByCaseAreRefusedTogether() {
    assertThatThrownBy(() -> BundlePaths.checkedAll(List.of("app/models.py", "app/Models.py")))
        .hasMessageContaining("differ only by case")
        .hasMessageContaining("app/Models.py");
  }

  @Test
  void aDecomposedTwinOfAPathIsRefused() {
    assertThatThrownBy(
            () -> BundlePaths.checkedAll(List.of("app/caf\u00e9.py", "app/cafe\u0301.py")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void distinctPathsPass() {
    assertThatCode(
            () -> BundlePaths.checkedAll(List.of("app/main.py", "app/models.py", "README.md")))
        .doesNotThrowAnyException();
  }
}
