package io.guildhall.gateway.portal.community;

import io.guildhall.gateway.portal.event.EventDetail;

/**
 * A community in the list, as people choose one: its members (a count, never who), its next event, and whether the
 * viewer has joined. A figure a service could not give is null (or, for the events, not known), and the card
 * leaves it out.
 */
public record CommunityCard(CommunityDetail community, Long members, EventDetail nextEvent, boolean eventsKnown,
                            boolean joined) {
}
