package io.guildhall.analytics.participation;

/** Work and participation minutes of one person in one period or group, before any share is taken. */
public record Minutes(long work, long participation) {

    public static final Minutes NONE = new Minutes(0, 0);

    public Minutes plus(Minutes other) {
        return new Minutes(work + other.work, participation + other.participation);
    }

    public Share share(ParticipationRules rules) {
        return Share.of(participation, work, rules);
    }
}
