package io.guildhall.gateway.portal.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A page of community-service's community search ({@code GET /api/communities}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommunityPage(List<CommunityDetail> items, long totalItems, int totalPages) {

    /** No result to show (the search was refused): the page shows its error instead. */
    public static final CommunityPage NONE = new CommunityPage(null, 0, 0);
}
