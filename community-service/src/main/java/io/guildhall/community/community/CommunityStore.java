package io.guildhall.community.community;

import io.r2dbc.spi.Readable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Communities in PostgreSQL. {@code version} is the optimistic lock and the ETag: 0 when founded, one more at each
 * change; a write on a stale version fails with {@link OptimisticLockingFailureException} (a 409).
 */
@Repository
public class CommunityStore {

    static final String COLUMNS = """
            id, slug, name, description, practice_area, visibility, purpose, scope, ways_of_working, sponsor_id, status,
            founded_by, created_at, updated_at, archived_by, archived_at, version, channel_kinds, channel_urls""";
    /** The sort keys the API offers, and their columns. */
    private static final Map<String, String> SORTABLE = Map.of("name", "name", "practiceArea", "practice_area",
            "createdAt", "created_at", "updatedAt", "updated_at");

    private final DatabaseClient db;

    public CommunityStore(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts a new community at version 0 and returns it as stored. */
    public Mono<Community> insert(Community c) {
        Community stored = c.withVersion(0L);
        return bindAll(db.sql("INSERT INTO community (" + COLUMNS + ") VALUES (:id, :slug, :name, :description,"
                + " :practiceArea, :visibility, :purpose, :scope, :waysOfWorking, :sponsorId, :status, :foundedBy,"
                + " :createdAt, :updatedAt, :archivedBy, :archivedAt, :version, :channelKinds, :channelUrls)"), stored)
                .then().thenReturn(stored);
    }

    /** Writes a changed community over the version it was read at; returns it at the next version. */
    public Mono<Community> update(Community c) {
        Community stored = c.withVersion(c.version() + 1);
        return bindAll(db.sql("""
                        UPDATE community SET slug = :slug, name = :name, description = :description,
                            practice_area = :practiceArea, visibility = :visibility, purpose = :purpose, scope = :scope,
                            ways_of_working = :waysOfWorking, sponsor_id = :sponsorId, status = :status,
                            founded_by = :foundedBy, created_at = :createdAt, updated_at = :updatedAt,
                            archived_by = :archivedBy, archived_at = :archivedAt, version = :version,
                            channel_kinds = :channelKinds, channel_urls = :channelUrls
                        WHERE id = :id AND version = :readVersion"""), stored)
                .bind("readVersion", c.version())
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(stored) : Mono.error(new OptimisticLockingFailureException(
                        "Community " + c.id() + " changed since version " + c.version())));
    }

    /** A sign of life at {@code at} (an event's start, a renewal): the latest one is kept. */
    public Mono<Void> signOfLife(UUID id, Instant at) {
        return db.sql("UPDATE community SET last_activity_at = GREATEST(last_activity_at, :at) WHERE id = :id")
                .bind("id", id).bind("at", utc(at)).then();
    }

    public Mono<Instant> lastActivity(UUID id) {
        return db.sql("SELECT last_activity_at FROM community WHERE id = :id").bind("id", id)
                .map(row -> instant(row.get("last_activity_at", OffsetDateTime.class))).one();
    }

    /** Communities of {@code status} whose last sign of life is before {@code cutoff}, with it. */
    public Flux<Map.Entry<Community, Instant>> quietSince(CommunityStatus status, Instant cutoff) {
        return db.sql("SELECT " + COLUMNS + ", last_activity_at FROM community WHERE status = :status"
                        + " AND last_activity_at < :cutoff ORDER BY last_activity_at, id")
                .bind("status", status.name()).bind("cutoff", utc(cutoff))
                .map(row -> Map.entry(community(row), instant(row.get("last_activity_at", OffsetDateTime.class)))).all();
    }

    /** The community's status, its row locked until the transaction ends: lead changes serialise on it. */
    public Mono<CommunityStatus> lockStatus(UUID id) {
        return db.sql("SELECT status FROM community WHERE id = :id FOR UPDATE").bind("id", id)
                .map(row -> CommunityStatus.valueOf(row.get("status", String.class))).one();
    }

    /**
     * A change that is part of the community's representation but not of its row (its leads): the next version,
     * so that its ETag changes.
     */
    public Mono<Void> touch(UUID id, Instant now) {
        return db.sql("UPDATE community SET version = version + 1, updated_at = :t WHERE id = :id")
                .bind("t", utc(now)).bind("id", id).then();
    }

    public Mono<Community> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM community WHERE id = :id").bind("id", id)
                .map(row -> community(row)).one();
    }

    /** One page of a search, and how many match in all. */
    public record Page(List<Community> items, long total) {
    }

    /**
     * Communities of {@code status} matching every given filter: {@code text} anywhere in name, description or
     * purpose (case-insensitive), {@code practiceArea} exactly (already lower case); sorted by an API sort key, then id.
     */
    public Mono<Page> search(CommunityStatus status, String practiceArea, String text, String sort, boolean ascending,
                             int page, int size) {
        // No status asked: every community that is not archived (active and inactive alike).
        List<String> where = new ArrayList<>(List.of(status == null ? "status <> 'ARCHIVED'" : "status = :status"));
        Map<String, Object> bindings = new LinkedHashMap<>();
        if (status != null) {
            bindings.put("status", status.name());
        }
        if (practiceArea != null) {
            where.add("practice_area = :practiceArea");
            bindings.put("practiceArea", practiceArea);
        }
        if (text != null) {
            String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.add("(lower(name) LIKE :text OR lower(description) LIKE :text OR lower(purpose) LIKE :text)");
            bindings.put("text", pattern);
        }
        String column = SORTABLE.get(sort);
        if (column == null) {
            throw new IllegalArgumentException("Not a sort key: " + sort);
        }
        String filter = " FROM community WHERE " + String.join(" AND ", where);
        String direction = ascending ? " ASC" : " DESC";
        DatabaseClient.GenericExecuteSpec count = db.sql("SELECT count(*) AS n" + filter);
        DatabaseClient.GenericExecuteSpec select = db.sql("SELECT " + COLUMNS + filter + " ORDER BY " + column + direction
                + ", id LIMIT :limit OFFSET :offset").bind("limit", size).bind("offset", (long) page * size);
        for (Map.Entry<String, Object> binding : bindings.entrySet()) {
            count = count.bind(binding.getKey(), binding.getValue());
            select = select.bind(binding.getKey(), binding.getValue());
        }
        return count.map(row -> row.get("n", Long.class)).one()
                .zipWith(select.map(row -> community(row)).all().collectList())
                .map(result -> new Page(result.getT2(), result.getT1()));
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, Community c) {
        return spec.bind("id", c.id()).bind("slug", c.slug()).bind("name", c.name()).bind("description", c.description())
                .bind("practiceArea", c.practiceArea()).bind("visibility", c.visibility().name())
                .bind("purpose", Parameter.fromOrEmpty(c.purpose(), String.class))
                .bind("scope", Parameter.fromOrEmpty(c.scope(), String.class))
                .bind("waysOfWorking", Parameter.fromOrEmpty(c.waysOfWorking(), String.class))
                .bind("sponsorId", Parameter.fromOrEmpty(c.sponsorId(), String.class))
                .bind("status", c.status().name()).bind("foundedBy", c.foundedBy())
                .bind("createdAt", utc(c.createdAt())).bind("updatedAt", utc(c.updatedAt()))
                .bind("archivedBy", Parameter.fromOrEmpty(c.archivedBy(), String.class))
                .bind("archivedAt", Parameter.fromOrEmpty(c.archivedAt() == null ? null : utc(c.archivedAt()),
                        OffsetDateTime.class))
                .bind("version", c.version())
                .bind("channelKinds", c.channels().stream().map(ch -> ch.kind().name()).toArray(String[]::new))
                .bind("channelUrls", c.channels().stream().map(Channel::url).toArray(String[]::new));
    }

    static Community community(Readable row) {
        return new Community(row.get("id", UUID.class), row.get("slug", String.class), row.get("name", String.class),
                row.get("description", String.class), row.get("practice_area", String.class),
                Visibility.valueOf(row.get("visibility", String.class)), row.get("purpose", String.class),
                row.get("scope", String.class), row.get("ways_of_working", String.class),
                row.get("sponsor_id", String.class), CommunityStatus.valueOf(row.get("status", String.class)),
                row.get("founded_by", String.class), instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("updated_at", OffsetDateTime.class)), row.get("archived_by", String.class),
                instant(row.get("archived_at", OffsetDateTime.class)), row.get("version", Long.class),
                channels(row.get("channel_kinds", String[].class), row.get("channel_urls", String[].class)));
    }

    private static List<Channel> channels(String[] kinds, String[] urls) {
        if (kinds == null || urls == null) {
            return List.of();
        }
        List<Channel> channels = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(kinds.length, urls.length); i++) {
            channels.add(new Channel(Channel.Kind.valueOf(kinds[i]), urls[i]));
        }
        return channels;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
