package io.guildhall.analytics.rebuild;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Serdeable
@Schema(description = "The read model was emptied and the listeners replay these partitions from their beginning")
public record RebuildStarted(Instant startedAt, List<String> topics, List<String> partitions) {
}
