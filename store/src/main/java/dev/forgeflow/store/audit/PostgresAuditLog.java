package dev.forgeflow.store.audit;

import static dev.forgeflow.store.jooq.Tables.AUDIT_EVENTS;
import static dev.forgeflow.store.jooq.Tables.PROJECTS;

import dev.forgeflow.store.jooq.tables.records.AuditEventsRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** The trail in the {@code audit_events} table, whose trigger refuses updates and removals. */
public final class PostgresAuditLog implements AuditLog {

  private final DSLContext db;
  private final Clock clock;

  public PostgresAuditLog(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public AuditEvent record(NewAuditEvent event) {
    return db.insertInto(AUDIT_EVENTS)
        .set(AUDIT_EVENTS.OCCURRED_AT, now())
        .set(AUDIT_EVENTS.ACTOR_ID, event.actorId())
        .set(AUDIT_EVENTS.ACTION, event.action().code())
        .set(AUDIT_EVENTS.SUBJECT_TYPE, event.subjectType())
        .set(AUDIT_EVENTS.SUBJECT_ID, event.subjectId())
        .set(AUDIT_EVENTS.PROJECT_ID, event.projectId())
        .set(AUDIT_EVENTS.DETAIL, JSONB.valueOf(AuditDetail.json(event.detail())))
        .set(AUDIT_EVENTS.CLIENT_ADDRESS, event.clientAddress())
        .returning()
        .fetchOne(PostgresAuditLog::toEvent);
  }

  @Override
  public AuditPage trailOf(AuditQuery query) {
    Condition where =
        AUDIT_EVENTS
            .ACTOR_ID
            .eq(query.viewerId())
            .or(
                AUDIT_EVENTS.PROJECT_ID.in(
                    DSL.select(PROJECTS.ID)
                        .from(PROJECTS)
                        .where(PROJECTS.OWNER_ID.eq(query.viewerId()))));
    if (query.action() != null) {
      where = where.and(AUDIT_EVENTS.ACTION.eq(query.action().code()));
    }
    if (query.projectId() != null) {
      where = where.and(AUDIT_EVENTS.PROJECT_ID.eq(query.projectId()));
    }
    if (query.before() != null) {
      where = where.and(AUDIT_EVENTS.ID.lt(query.before()));
    }
    List<AuditEvent> rows =
        db.selectFrom(AUDIT_EVENTS)
            .where(where)
            .orderBy(AUDIT_EVENTS.ID.desc())
            .limit(query.limit() + 1)
            .fetch(PostgresAuditLog::toEvent);
    if (rows.size() <= query.limit()) {
      return new AuditPage(rows, null);
    }
    List<AuditEvent> page = rows.subList(0, query.limit());
    return new AuditPage(page, page.get(page.size() - 1).id());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MICROS);
  }

  private static AuditEvent toEvent(AuditEventsRecord row) {
    return new AuditEvent(
        row.getId(),
        row.getOccurredAt(),
        row.getActorId(),
        row.getAction(),
        row.getSubjectType(),
        row.getSubjectId(),
        row.getProjectId(),
        row.getDetail().data(),
        row.getClientAddress());
  }
}
