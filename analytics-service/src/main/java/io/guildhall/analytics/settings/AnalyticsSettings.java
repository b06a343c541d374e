package io.guildhall.analytics.settings;

import io.guildhall.analytics.participation.ParticipationRules;
import io.guildhall.contracts.time.OrganisationZones;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The platform settings of the participation figures ({@code guildhall.analytics.*}), set by an administrator through
 * the environment. Eager and validated: a threshold below 5 or a target outside (0, 1] must stop the start-up rather
 * than quietly publish figures that single people out or mean nothing.
 */
@Context
@ConfigurationProperties("guildhall.analytics")
public class AnalyticsSettings {

    /** The floor of the privacy threshold: below it small groups would identify people. */
    public static final int MINIMUM_PRIVACY_THRESHOLD = 5;

    @NotBlank
    private String timeZone = "Europe/Berlin";
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("1")
    private BigDecimal targetShare = new BigDecimal("0.17");
    private List<String> countedCategories = List.of();
    private List<String> holidays = List.of();
    @Min(MINIMUM_PRIVACY_THRESHOLD)
    private int privacyThreshold = MINIMUM_PRIVACY_THRESHOLD;
    /** "Location=Zone" pairs: the time zone of each directory location (rule 4); others use the organisation's. */
    private List<String> locationZones = List.of();
    @NotBlank
    private String workdayStart = ParticipationRules.DEFAULT_WORKDAY_START.toString();
    @NotBlank
    private String workdayEnd = ParticipationRules.DEFAULT_WORKDAY_END.toString();
    private boolean countNonWorkingDays;

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public BigDecimal getTargetShare() {
        return targetShare;
    }

    public void setTargetShare(BigDecimal targetShare) {
        this.targetShare = targetShare;
    }

    public List<String> getCountedCategories() {
        return countedCategories;
    }

    /** An empty environment variable arrives as one blank entry; blanks mean "not set". */
    public void setCountedCategories(List<String> countedCategories) {
        this.countedCategories = nonBlank(countedCategories);
    }

    public List<String> getHolidays() {
        return holidays;
    }

    public void setHolidays(List<String> holidays) {
        this.holidays = nonBlank(holidays);
    }

    public int getPrivacyThreshold() {
        return privacyThreshold;
    }

    public void setPrivacyThreshold(int privacyThreshold) {
        this.privacyThreshold = privacyThreshold;
    }

    public List<String> getLocationZones() {
        return locationZones;
    }

    public void setLocationZones(List<String> locationZones) {
        this.locationZones = nonBlank(locationZones);
    }

    public String getWorkdayStart() {
        return workdayStart;
    }

    public void setWorkdayStart(String workdayStart) {
        this.workdayStart = workdayStart;
    }

    public String getWorkdayEnd() {
        return workdayEnd;
    }

    public void setWorkdayEnd(String workdayEnd) {
        this.workdayEnd = workdayEnd;
    }

    public boolean isCountNonWorkingDays() {
        return countNonWorkingDays;
    }

    public void setCountNonWorkingDays(boolean countNonWorkingDays) {
        this.countNonWorkingDays = countNonWorkingDays;
    }

    /** Holidays and the time zone are strings here; a typo in them must fail the start-up too. */
    @PostConstruct
    void checkParsable() {
        rules();
    }

    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("guildhall.analytics.time-zone is not a time zone: " + timeZone, e);
        }
    }

    public ParticipationRules rules() {
        Set<LocalDate> holidayDates = new LinkedHashSet<>();
        for (String holiday : holidays) {
            try {
                holidayDates.add(LocalDate.parse(holiday));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("guildhall.analytics.holidays must list ISO dates: " + holiday, e);
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        countedCategories.forEach(category -> categories.add(category.toUpperCase(Locale.ROOT)));
        Map<String, ZoneId> zones;
        try {
            zones = OrganisationZones.parse(timeZone, locationZones).locations();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("guildhall.analytics." + e.getMessage(), e);
        }
        try {
            return new ParticipationRules(zone(), targetShare.doubleValue(), categories, holidayDates, zones,
                    LocalTime.parse(workdayStart.trim()), LocalTime.parse(workdayEnd.trim()), countNonWorkingDays);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalStateException("guildhall.analytics.workday-start and workday-end must be times of day"
                    + " (HH:mm), the start before the end: " + workdayStart + "-" + workdayEnd, e);
        }
    }

    private static List<String> nonBlank(List<String> values) {
        List<String> kept = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    kept.add(value.trim());
                }
            }
        }
        return List.copyOf(kept);
    }
}
