package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

class StoresTest {

  @Test
  void withJournalKeepsEveryOtherStore() throws Exception {
    Stores stores = InMemoryStores.create();
    RunJournal other = new InMemoryRunJournal(new InMemoryRunStore(project -> false));

    Stores swapped = stores.withJournal(other);

    assertThat(swapped.journal()).isSameAs(other);
    for (RecordComponent component : Stores.class.getRecordComponents()) {
      if (!component.getName().equals("journal")) {
        assertThat(component.getAccessor().invoke(swapped))
            .as(component.getName())
            .isNotNull()
            .isSameAs(component.getAccessor().invoke(stores));
      }
    }
  }
}
