package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasePoolSizeTest {

  @Test
  void aPoolWithoutConnectionsIsRefusedBeforeAnyIsOpened() {
    assertThatThrownBy(() -> Database.pooled("jdbc:postgresql://127.0.0.1:1/none", "u", "p", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one connection");
  }

  @Test
  void anEmbeddedPoolLargerThanTheServerAcceptsIsRefusedBeforeTheServerStarts(
      @TempDir Path dataDir) {
    assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, EmbeddedDatabase.MAX_CONNECTIONS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and " + EmbeddedDatabase.MAX_CONNECTIONS);
  }
}
