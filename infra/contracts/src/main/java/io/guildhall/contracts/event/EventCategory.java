package io.guildhall.contracts.event;

/** What kind of event it is; analytics counts participation minutes per category. */
public enum EventCategory {
    TRAINING,
    SPORTS,
    PARTY,
    CONFERENCE,
    COMMUNITY_MEETUP
}
