package dev.forgeflow.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.NewUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} promises; run against each implementation. */
abstract class AuditLogContract {

  private final Stores stores;
  private final AuditLog audit;

  protected AuditLogContract(Stores stores) {
    this.stores = stores;
    this.audit = stores.audit();
  }

  private String newUser() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    return stores.accounts().createUser(new NewUser(username, null, null)).id();
  }

  private static NewAuditEvent run(String actor, AuditAction action, String runId, String project) {
    return new NewAuditEvent(
        actor, action, "run", runId, project, Map.of("prompt", "a shop"), "127.0.0.1");
  }

  @Test
  void anEventIsStoredAsGivenWithItsTimeAndDetail() {
    String ada = newUser();
    AuditEvent stored =
        audit.record(
            new NewAuditEvent(
                ada,
                AuditAction.TOKEN_CREATED,
                "token",
                "tok-1",
                null,
                Map.of("name", "laptop \"work\""),
                "127.0.0.1"));

    assertThat(stored.actorId()).isEqualTo(ada);
    assertThat(stored.action()).isEqualTo("token.created");
    assertThat(stored.subjectType()).isEqualTo("token");
    assertThat(stored.subjectId()).isEqualTo("tok-1");
    assertThat(stored.projectId()).isNull();
    assertThat(stored.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(stored.occurredAt()).isNotNull();
    assertThat(stored.detailJson().replace(" ", "")).isEqualTo("{\"name\":\"laptop\\\"work\\\"\"}");
    assertThat(audit.trailOf(new AuditQuery(ada, null, null, null, 10)).events())
        .containsExactly(stored);
  }

  @Test
  void aTrailHoldsWhatTheViewerDidAndWhatHappenedInTheirProjectsAndNothingElse() {
    String ada = newUser();
    String eve = newUser();
    String adasProject = stores.projects().create(ada, "audited " + ada).id();
    AuditEvent adaSignedIn =
        audit.record(new NewAuditEvent(ada, AuditAction.SIGNED_IN, "user", ada, null, null, null));
    AuditEvent inAdasProject =
        audit.record(run(null, AuditAction.RUN_CANCELLED, "run-a", adasProject));
    AuditEvent eveSignedIn =
        audit.record(new NewAuditEvent(eve, AuditAction.SIGNED_IN, "user", eve, null, null, null));
    audit.record(
        new NewAuditEvent(null, AuditAction.SIGN_IN_REFUSED, "user", null, null, null, null));

    assertThat(audit.trailOf(new AuditQuery(ada, null, null, null, 10)).events())
        .containsExactly(inAdasProject, adaSignedIn);
    assertThat(audit.trailOf(new AuditQuery(eve, null, null, null, 10)).events())
        .containsExactly(eveSignedIn);
  }

  @Test
  void aTrailIsReadNewestFirstPageByPageAndFilteredByActionAndProject() {
    String ada = newUser();
    String shop = stores.projects().create(ada, "shop " + ada).id();
    String blog = stores.projects().create(ada, "blog " + ada).id();
    List<AuditEvent> recorded = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      recorded.add(audit.record(run(ada, AuditAction.RUN_CREATED, "run-" + i, shop)));
      recorded.add(audit.record(run(ada, AuditAction.RUN_CANCELLED, "run-" + i, blog)));
    }

    List<AuditEvent> read = new ArrayList<>();
    Long before = null;
    int pages = 0;
    do {
      AuditPage page = audit.trailOf(new AuditQuery(ada, null, null, before, 3));
      read.addAll(page.events());
      before = page.next();
      pages++;
    } while (before != null);

    assertThat(pages).isEqualTo(4);
    Collections.reverse(recorded);
    assertThat(read).containsExactlyElementsOf(recorded);
    assertThat(audit.trailOf(new AuditQuery(ada, AuditAction.RUN_CREATED, null, null, 50)).events())
        .hasSize(5)
        .allSatisfy(event -> assertThat(event.projectId()).isEqualTo(shop));
    assertThat(audit.trailOf(new AuditQuery(ada, null, blog, null, 50)).events())
        .hasSize(5)
        .allSatisfy(event -> assertThat(event.action()).isEqualTo("run.cancelled"));
    assertThat(audit.trailOf(new AuditQuery(ada, AuditAction.RUN_CREATED, blog, null, 50)).events())
        .isEmpty();
  }

  @Test
  void eventsInAProjectOutliveItsDeletion() {
    String ada = newUser();
    String shop = stores.projects().create(ada, "doomed " + ada).id();
    AuditEvent created = audit.record(run(ada, AuditAction.RUN_CREATED, "run-x", shop));
    assertThat(stores.projects().delete(ada, shop)).isTrue();
    AuditEvent deleted =
        audit.record(
            new NewAuditEvent(ada, AuditAction.PROJECT_DELETED, "project", shop, shop, null, null));

    assertThat(audit.trailOf(new AuditQuery(ada, null, shop, null, 10)).events())
        .containsExactly(deleted, created);
  }

  @Test
  void longDetailIsCutAndAPageHasBoundedSize() {
    String ada = newUser();
    AuditEvent stored =
        audit.record(
            new NewAuditEvent(
                ada,
                AuditAction.RUN_CREATED,
                "run",
                "r",
                null,
                Map.of("prompt", "x".repeat(5_000)),
                null));

    assertThat(stored.detailJson().length()).isLessThan(NewAuditEvent.MAX_DETAIL_VALUE + 40);
    assertThatThrownBy(() -> new AuditQuery(ada, null, null, null, AuditQuery.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditQuery(ada, null, null, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
