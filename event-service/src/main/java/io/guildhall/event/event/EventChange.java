package io.guildhall.event.event;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.contracts.event.EventFormat;

import java.time.Instant;

/**
 * An organiser's edit of an event, as the domain takes it: each value null when it stays as it is; checked as a whole
 * by {@link Event#edit} (the API's {@link UpdateEventRequest} checks their form first and hands them over).
 */
public record EventChange(String title, String description, EventCategory type, EventFormat format,
                          Instant startsAt, Instant endsAt, String timeZone, Integer capacity, Instant rsvpDeadline,
                          String location, String onlineUrl) {
}
