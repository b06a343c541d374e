package io.guildhall.event.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A certificate of attendance: who, which training, when (the event's own date), how long, and its code. */
public record Certificate(String code, UUID eventId, String personId, String personName, String training, LocalDate heldOn,
                          int minutes, Instant issuedAt) {
}
