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
                              String visibility, Charter charter, List<String> leads, String status,
                              List<Channel> channels) {

    public CommunityDetail {
        leads = leads == null ? List.of() : List.copyOf(leads);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Where the community talks (community-service's {@code channels}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(String kind, String url) {

        /** The kinds, as a person names them, in the order the lead's form offers them. */
        public static final java.util.Map<String, String> KINDS = new java.util.LinkedHashMap<>(java.util.Map.of());

        static {
            KINDS.put("SLACK", "Slack");
            KINDS.put("TEAMS", "Microsoft Teams");
            KINDS.put("LINKEDIN", "LinkedIn");
            KINDS.put("MAILING_LIST", "Mailing list");
            KINDS.put("OTHER", "Other");
        }

        public String label() {
            return KINDS.getOrDefault(kind, "Other");
        }

        /** What the link reads: the address without its scheme. */
        public String shown() {
            return url == null ? "" : url.replaceFirst("^(https?://|mailto:)", "");
        }
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
