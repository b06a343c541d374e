package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.privacy.Suppression;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewAndReturningTest {

    private static final UUID JAN = UUID.randomUUID();
    private static final UUID FEB = UUID.randomUUID();
    private static final UUID MAR = UUID.randomUUID();

    @Test
    void people_are_new_in_the_period_of_their_first_event_and_returning_after_and_core_from_three_in_the_quarter() {
        List<NewAndReturning.Attended> history = new ArrayList<>();
        // p1..p3 came in January, February and March (core); p4, p5 in February and March; p6, p7 only in March.
        for (String p : List.of("p1", "p2", "p3")) {
            history.add(new NewAndReturning.Attended(JAN, p, LocalDate.of(2026, 1, 15)));
        }
        for (String p : List.of("p1", "p2", "p3", "p4", "p5")) {
            history.add(new NewAndReturning.Attended(FEB, p, LocalDate.of(2026, 2, 12)));
        }
        for (String p : List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7")) {
            history.add(new NewAndReturning.Attended(MAR, p, LocalDate.of(2026, 3, 12)));
        }
        NewAndReturning march = NewAndReturning.of(history, Period.month(java.time.YearMonth.of(2026, 3)), new Suppression(5));
        assertEquals(2, march.newAttendees());
        assertEquals(5, march.returningAttendees());
        assertEquals(5.0 / 7, march.returningRate(), 1e-9);
        assertEquals(3, march.coreMembers());
        assertEquals(4, march.peripheralMembers());
        assertEquals(LocalDate.of(2026, 1, 1), march.quarterFrom());
        assertEquals(LocalDate.of(2026, 3, 31), march.quarterTo());

        NewAndReturning february = NewAndReturning.ofEvent(history, FEB, new Suppression(5));
        assertEquals(2, february.newAttendees(), "p4 and p5 came for the first time");
        assertEquals(3, february.returningAttendees());
    }

    @Test
    void under_the_threshold_the_figures_are_suppressed_not_zero() {
        List<NewAndReturning.Attended> history = List.of(new NewAndReturning.Attended(JAN, "p1", LocalDate.of(2026, 1, 15)),
                new NewAndReturning.Attended(JAN, "p2", LocalDate.of(2026, 1, 15)));
        NewAndReturning small = NewAndReturning.of(history, Period.month(java.time.YearMonth.of(2026, 1)), new Suppression(5));
        assertTrue(small.attendeesSuppressed());
        assertNull(small.newAttendees());
        assertNull(small.returningRate());
        assertTrue(small.coreSuppressed());
        assertNull(small.coreMembers());
    }
}
