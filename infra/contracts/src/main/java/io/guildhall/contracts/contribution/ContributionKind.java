package io.guildhall.contracts.contribution;

/** What kind of community work a contribution log entry records; each kind is giving or taking. */
public enum ContributionKind {
    MENTORING,
    SPEAKING,
    ORGANISING,
    ANSWERING_QUESTIONS,
    WRITING,
    BEING_MENTORED,
    LEARNING
}
