package io.guildhall.analytics.report;

import io.guildhall.analytics.messaging.ReadModelRows;
import io.guildhall.analytics.participation.Period;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The oversight and community reports from {@link CountedDays} on the real consumers' read model: they follow
 * attendances, contributions, corrections, profile changes, deactivations and erasures as they arrive, and after each
 * they are the reports the ledger gives. A recent week (three weeks back), so that it lies inside what the counted days
 * hold; people of this run's own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountedDaysIT implements TestPropertyProvider {

    @Inject
    Oversight oversight;
    @Inject
    CountedDays countedDays;
    @Inject
    CommunityHealth communities;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String department = "CD-" + run;
    private final String moved = "CD2-" + run;
    private final UUID community = UUID.randomUUID();
    private final UUID training = UUID.randomUUID();
    private final ReadModelRows rows = new ReadModelRows(ReportStack.DATABASE);
    private EventFeed feed;
    private LocalDate today;
    private Period week;
    private ZonedDateTime tuesday;

    @Override
    public Map<String, String> getProperties() {
        return ReportStack.properties();
    }

    @BeforeAll
    void start() {
        feed = new EventFeed(ReportStack.stack().kafkaBootstrapServers());
        today = LocalDate.now(EventFeed.BERLIN);
        week = Period.week(today.minusWeeks(3).with(DayOfWeek.MONDAY));
        tuesday = ZonedDateTime.of(week.start().plusDays(1), LocalTime.of(10, 0), EventFeed.BERLIN);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    void the_counted_days_follow_each_change_and_report_what_the_ledger_reports() {
        String organiser = person("organiser");
        feed.personRegistered(organiser, department, "L1", 40, week.start().minusDays(7));
        for (int i = 1; i <= 6; i++) {
            feed.personRegistered(person("p" + i), department, "L1", 40, week.start().minusDays(7));
            feed.personRegistered(person("q" + i), moved, "L2", 32, week.start().minusDays(7));
        }
        feed.communityFounded(community, "CD " + run, organiser);
        feed.eventScheduled(training, community, tuesday, 120, organiser);
        for (int i = 1; i <= 6; i++) {
            feed.attended(training, community, person("p" + i), tuesday, 120, organiser);
        }
        feed.contributed(community, person("p1"), "MENTORING", "GIVING", week.start().plusDays(2), 60);
        // 6 x 120 attended + 60 mentoring; the organiser's 120 are organising, derived once others attended.
        awaitLedger("SELECT sum(minutes) FROM participation WHERE person_id LIKE ?", "%-" + run, "780");
        OversightReport first = sameAsTheLedger();

        // p2 stayed half of it after all; p3 moved to the other department on 5 hours a week from Tuesday (a
        // working day of an hour: their training counts 60 minutes now); p4 left on Thursday.
        feed.attendanceCorrected(training, community, person("p2"), tuesday, 120, 120, 60, organiser);
        feed.profileChanged(person("p3"), moved, "L2", 5, week.start().plusDays(1));
        feed.personDeactivated(person("p4"), week.start().plusDays(3));
        awaitLedger("SELECT sum(minutes) || '/' || (SELECT count(*) FROM person_profile WHERE person_id LIKE ?)"
                + " FROM participation WHERE person_id LIKE ?", "%-" + run, "720/15");
        OversightReport second = sameAsTheLedger();
        assertNotEquals(first, second, "the changes show");

        // p5 is erased: their minutes stay in the figures, under a pseudonym.
        feed.erased(person("p5"), organiser);
        awaitLedger("SELECT count(*) FROM person_profile WHERE person_id = ?", person("p5"), "0");
        sameAsTheLedger();
        assertEquals(0, countedDays.of(person("p5")).size(), "the erased id is gone from the copy in memory");
    }

    /** Waits until the read model shows a change (one value as text); the reports may not be waited for. */
    private void awaitLedger(String sql, String parameter, String expected) {
        Object[] parameters = sql.chars().filter(c -> c == '?').mapToObj(c -> parameter).toArray();
        ReadModelRows.await(() -> rows.query(sql, parameters).get(0).get(0), expected);
    }

    /**
     * The report from the counted days once the read model holds a change (they catch up before answering), for
     * every grouping, equal to the ledger's.
     */
    private OversightReport sameAsTheLedger() {
        // Current at once after a few people changed; after an erasure (here also other tests' erasures, which the
        // consumer reads from the topics' start) the whole copy is built again in the background first.
        ReadModelRows.await(() -> countedDays.readyFor(week), true);
        for (GroupBy grouping : GroupBy.values()) {
            assertEquals(oversight.reportFromLedger(week, grouping, today), oversight.report(week, grouping, today),
                    "by " + grouping);
        }
        assertEquals(communities.reportFromLedger(community, "CD " + run, week, today),
                communities.report(community, "CD " + run, week, today), "the community's report");
        return oversight.report(week, GroupBy.DEPARTMENT, today);
    }

    private String person(String name) {
        return name + "-" + run;
    }
}
