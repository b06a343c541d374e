package io.guildhall.community.community;

/** ACTIVE; INACTIVE after the inactivity period without an event (a lead renews it); ARCHIVED for good. */
public enum CommunityStatus {
    ACTIVE, INACTIVE, ARCHIVED
}
