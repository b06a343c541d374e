package io.guildhall.contracts.community;

import io.guildhall.contracts.Description;
import io.guildhall.contracts.EnumValues;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.contracts.MayBeEmpty;
import io.guildhall.contracts.Nullable;

import java.time.Instant;
import java.util.UUID;

@Description("An employee founded a community and became its first lead; no separate lead-assigned event is published "
        + "for the founder.")
public record CommunityFounded(
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
        @Description("The founder, who is the community's first lead (Keycloak user id, the token's sub).")
        String foundedBy,
        @Description("When the community was founded (RFC 3339, UTC).")
        Instant foundedAt,
        @Description("The executive sponsor, if one was named (Keycloak user id, the token's sub).")
        @Nullable String sponsorId) implements GuildhallEvent {

    /** A community founded without an executive sponsor. */
    public CommunityFounded(UUID communityId, String slug, String name, String description, String practiceArea,
                            String visibility, String foundedBy, Instant foundedAt) {
        this(communityId, slug, name, description, practiceArea, visibility, foundedBy, foundedAt, null);
    }

    @Override
    public String aggregateId() {
        return communityId.toString();
    }
}
