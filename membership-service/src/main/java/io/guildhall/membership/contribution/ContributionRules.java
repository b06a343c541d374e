package io.guildhall.membership.contribution;

import io.guildhall.contracts.contribution.ContributionDirection;
import io.guildhall.contracts.contribution.ContributionKind;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.InvalidFieldException.FieldProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits of the contribution log, as plain code: 1-600 minutes per entry, at most 16 hours per person and day,
 * no future dates, no dates older than the window (30 days by default), and an entry can be changed or deleted
 * only within 14 days (by default) of logging it.
 */
public record ContributionRules(int windowDays, int editDays, int maxMinutesPerDay) {

    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 600;

    public ContributionRules {
        windowDays = windowDays <= 0 ? 30 : windowDays;
        editDays = editDays <= 0 ? 14 : editDays;
        maxMinutesPerDay = maxMinutesPerDay <= 0 ? 16 * 60 : maxMinutesPerDay;
    }

    public static ContributionDirection directionOf(ContributionKind kind) {
        return switch (kind) {
            case MENTORING, SPEAKING, ORGANISING, ANSWERING_QUESTIONS, WRITING -> ContributionDirection.GIVING;
            case BEING_MENTORED, LEARNING -> ContributionDirection.TAKING;
        };
    }

    public static ContributionKind kind(String value) {
        try {
            return ContributionKind.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidFieldException("kind", "must be one of " + java.util.Arrays.toString(ContributionKind.values()));
        }
    }

    /**
     * Every broken rule of a new entry's kind, minutes and date at once, each naming its field; a missing value is
     * left to the request's own validation (so is the day's total, which needs the person's other entries).
     */
    public List<FieldProblem> problems(String kind, Integer minutes, LocalDate date, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (kind != null) {
            collect(problems, () -> kind(kind));
        }
        if (minutes != null) {
            collect(problems, () -> checkMinutes(minutes));
        }
        if (date != null) {
            collect(problems, () -> checkDate(date, today));
        }
        return problems;
    }

    private static void collect(List<FieldProblem> problems, Runnable rule) {
        try {
            rule.run();
        } catch (InvalidFieldException e) {
            problems.addAll(e.problems());
        }
    }

    public void checkMinutes(int minutes) {
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new InvalidFieldException("minutes", "must be between 1 and 600");
        }
    }

    public void checkDate(LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new InvalidFieldException("date", "must not be in the future (today is " + today + ")");
        }
        if (date.isBefore(today.minusDays(windowDays))) {
            throw new InvalidFieldException("date", "must be within the last " + windowDays + " days");
        }
    }

    /** {@code otherMinutes}: what the person logged that day in their other entries. */
    public void checkDay(LocalDate date, long otherMinutes, int minutes) {
        long total = otherMinutes + minutes;
        if (total > maxMinutesPerDay) {
            throw new InvalidFieldException("minutes", "would make " + total + " minutes on " + date
                    + "; at most " + maxMinutesPerDay + " minutes (" + maxMinutesPerDay / 60 + " h) per day");
        }
    }

    public void checkEditable(Instant loggedAt, Instant now) {
        if (now.isAfter(loggedAt.plus(java.time.Duration.ofDays(editDays)))) {
            throw new ConflictException("id", "entries can be changed or deleted only within " + editDays
                    + " days of logging them");
        }
    }
}
