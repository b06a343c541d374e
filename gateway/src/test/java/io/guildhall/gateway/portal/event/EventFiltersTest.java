package io.guildhall.gateway.portal.event;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventFiltersTest {

    @Test
    void values_the_api_would_refuse_are_dropped_and_links_keep_the_rest() {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("type", "TRAINING");
        query.add("format", "CARRIER_PIGEON");
        query.add("communityId", "not-a-uuid");
        query.add("view", "month");
        query.add("date", "2026-13-40");
        query.add("page", "-3");
        EventFilters filters = EventFilters.of(query);
        assertEquals("TRAINING", filters.type());
        assertNull(filters.format());
        assertNull(filters.communityId());
        assertNull(filters.date());
        assertEquals(0, filters.page());
        assertEquals("/events?view=month&type=TRAINING", filters.link());
        assertEquals("/events?type=TRAINING", filters.link("view", "list"));
        assertEquals("/events?view=week&type=TRAINING&date=2026-12-01", filters.link("view", "week", "date", "2026-12-01"));
    }

    @Test
    void no_parameters_mean_the_upcoming_list() {
        EventFilters filters = EventFilters.of(new LinkedMultiValueMap<>());
        assertEquals("list", filters.view());
        assertEquals("/events", filters.link());
        assertEquals("/events?page=2", filters.link("page", "2"));
        assertEquals(LocalDate.of(2026, 1, 1), EventFilters.of(new LinkedMultiValueMap<>(java.util.Map.of("date",
                java.util.List.of("2026-01-01")))).date());
    }
}
