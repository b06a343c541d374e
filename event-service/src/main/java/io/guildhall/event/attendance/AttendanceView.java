package io.guildhall.event.attendance;

import io.guildhall.contracts.event.CheckInMethod;

import java.time.Instant;
import java.util.UUID;

public record AttendanceView(UUID eventId, String personId, int minutes, CheckInMethod method, Instant recordedAt) {
}
