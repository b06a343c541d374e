package io.guildhall.analytics.rebuild;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(description = "A rebuild started: it builds a shadow read model from the topics' beginning while the reports"
        + " keep reading the current one, and switches them over in one transaction once it has caught up."
        + " Follow it at GET /api/analytics/admin/rebuild.")
public record RebuildStarted(UUID id, Instant startedAt, List<String> topics, List<String> partitions) {
}
