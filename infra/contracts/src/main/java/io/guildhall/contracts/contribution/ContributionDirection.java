package io.guildhall.contracts.contribution;

/** Whether community work gives to others or takes from them (the "give and take"). */
public enum ContributionDirection {
    GIVING,
    TAKING
}
