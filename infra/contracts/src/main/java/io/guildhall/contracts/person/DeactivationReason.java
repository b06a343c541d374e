package io.guildhall.contracts.person;

/** Why a person became inactive in the directory. */
public enum DeactivationReason {
    DISABLED,
    DELETED
}
