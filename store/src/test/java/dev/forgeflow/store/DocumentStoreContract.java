package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.projects.DocumentStore;
import dev.forgeflow.store.projects.NewDocument;
import dev.forgeflow.store.projects.ProjectDocument;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link DocumentStore} promises; run against each implementation. */
abstract class DocumentStoreContract {

  private final Stores stores;
  private final DocumentStore documents;

  protected DocumentStoreContract(Stores stores) {
    this.stores = stores;
    this.documents = stores.documents();
  }

  private String newProject() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    String owner = stores.accounts().createUser(new NewUser(username, null, null)).id();
    return stores.projects().create(owner, "docs " + username).id();
  }

  private static NewDocument spec(String project, String name, List<String> pages) {
    return new NewDocument(project, name, "application/pdf", 2048, "ab" + name, pages, 3);
  }

  @Test
  void aDocumentKeepsItsPagesAndIsListedFoundAndDeletedWithinItsProjectOnly() {
    String shop = newProject();
    String other = newProject();
    ProjectDocument first =
        documents.add("doc-" + UUID.randomUUID(), spec(shop, "spec.pdf", List.of("one", "two!")));
    ProjectDocument second =
        documents.add("doc-" + UUID.randomUUID(), spec(shop, "more.pdf", List.of("three")));

    assertThat(first.pages()).isEqualTo(2);
    assertThat(first.chars()).isEqualTo(7);
    assertThat(first.chunks()).isEqualTo(3);
    assertThat(first.mediaType()).isEqualTo("application/pdf");
    assertThat(documents.pages(first.id())).containsExactly("one", "two!");
    assertThat(documents.list(shop))
        .extracting(ProjectDocument::name)
        .containsExactlyInAnyOrder("spec.pdf", "more.pdf");
    assertThat(documents.find(shop, first.id())).contains(first);
    assertThat(documents.find(other, first.id())).isEmpty();
    assertThat(documents.list(other)).isEmpty();

    assertThat(documents.delete(other, first.id())).isFalse();
    assertThat(documents.delete(shop, first.id())).isTrue();
    assertThat(documents.delete(shop, first.id())).isFalse();
    assertThat(documents.list(shop)).extracting(ProjectDocument::id).containsExactly(second.id());
    assertThat(documents.pages(first.id())).isEmpty();
  }

  @Test
  void aDocumentNeedsAProject() {
    assertThatThrownBy(() -> documents.add("doc-x", spec("no-such-project", "a.md", List.of("x"))))
        .isInstanceOf(NoSuchElementException.class);
  }
}
