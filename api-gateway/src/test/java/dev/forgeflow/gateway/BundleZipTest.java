package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundleZipTest {

  @Test
  void theTopFolderIsTheServicesNameMadeSafe() {
    assertThat(BundleZip.folder("Bookshop API", "run-1")).isEqualTo("bookshop-api");
    assertThat(BundleZip.folder("../../etc/passwd", "run-1")).isEqualTo("etc-passwd");
    assertThat(BundleZip.folder("ÜBER_shop.v2", "run-1")).isEqualTo("ber_shop.v2");
    assertThat(BundleZip.folder("x".repeat(100), "run-1")).hasSize(64);
  }

  @Test
  void withoutAUsableNameTheTopFolderIsTheRunId() {
    assertThat(BundleZip.folder(null, "run-1")).isEqualTo("run-1");
    assertThat(BundleZip.folder("  ", "run-1")).isEqualTo("run-1");
    assertThat(BundleZip.folder("///", "run-1")).isEqualTo("run-1");
  }
}
