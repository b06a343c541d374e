package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.MayBeEmpty;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("A lead edited a community. Carries the community's public state after the edit, not a diff.")
public record CommunityUpdated(
        @Description("The community; also the Kafka record key and ce_subject.")
        UUID communityId,
        @Description("URL slug derived from the name; unique.")
        String slug,
        @Description("Display name; unique.")
        String name,
        @Description("What the community is about.")
        @MayBeEmpty String description,
        @Description("Practice area tag, e.g. java or facilitation.")
        String practiceArea,
        @Description("OPEN: anyone joins at once; REQUEST_TO_JOIN: a lead approves each request.")
        @EnumValues(Visibility.class) String visibility,
        @Description("The executive sponsor, or null when there is none (Keycloak user id, the token's sub).")
        @Nullable String sponsorId,
        @Description("The lead who made the edit (Keycloak user id, the token's sub).")
        String updatedBy,
        @Description("When the edit happened (RFC 3339, UTC).")
        Instant updatedAt) implements GuildhallEvent {

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
