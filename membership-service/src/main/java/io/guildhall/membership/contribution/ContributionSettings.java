package io.guildhall.membership.contribution;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("guildhall.contributions")
public record ContributionSettings(int windowDays, int editDays, int maxMinutesPerDay) {

    public ContributionRules rules() {
        return new ContributionRules(windowDays, editDays, maxMinutesPerDay);
    }
}
