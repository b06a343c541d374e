package io.guildhall.community.community;

import java.util.List;

/** One page of a community listing. */
public record CommunityPage(List<CommunityView> items, int page, int size, long totalItems, long totalPages) {
}
