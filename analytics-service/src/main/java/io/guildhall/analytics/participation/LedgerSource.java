package io.guildhall.analytics.participation;

/** Where a ledger line comes from: an attendance recorded at an event, or a contribution a person logged. */
public enum LedgerSource {
    ATTENDANCE,
    CONTRIBUTION
}
