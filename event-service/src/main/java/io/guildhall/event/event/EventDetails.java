package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;

import java.time.Instant;
import java.util.UUID;

/**
 * What an organiser gives to schedule an event, as the domain takes it: plain values, checked by {@link Event#schedule}
 * and {@link EventRules} (the API's {@link CreateEventRequest} checks their form first and hands them over).
 */
public record EventDetails(String title, String description, EventCategory type, EventFormat format,
                           Instant startsAt, Instant endsAt, String timeZone, Integer capacity, Instant rsvpDeadline,
                           String location, String onlineUrl, UUID communityId) {
}
