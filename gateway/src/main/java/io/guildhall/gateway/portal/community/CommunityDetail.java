package io.guildhall.gateway.portal.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * A community as the portal's pages show it: the fields of community-service's {@code GET /api/communities/{id}} (and
 * of each item of its list) the pages read; visibility and status as the API spells them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommunityDetail(UUID id, String slug, String name, String description, String practiceArea,
                              String visibility, Charter charter, List<String> leads, String status) {

    public CommunityDetail {
        leads = leads == null ? List.of() : List.copyOf(leads);
    }

    /** Why the community exists, what it covers and how it works; any part may be unwritten (null). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Charter(String purpose, String scope, String waysOfWorking) {
    }

    public boolean isOpen() {
        return !"REQUEST_TO_JOIN".equals(visibility);
    }

    public boolean isArchived() {
        return "ARCHIVED".equals(status);
    }

    public boolean isLedBy(String personId) {
        return leads.contains(personId);
    }
}
