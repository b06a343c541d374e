package io.guildhall.contracts;

import io.guildhall.contracts.community.CommunityFounded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Consumers read the data back into the records with plain Jackson 3: what a producer writes, they read. */
class EventJsonTest {

    static List<GuildhallEvent> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void an_event_reads_back_equal(GuildhallEvent event) {
        GuildhallEvent read = SampleEvents.JSON.readValue(SampleEvents.json(event), event.getClass());

        assertEquals(event, read);
    }

    @Test
    void an_optional_field_left_out_reads_as_null() {
        String json = new String(SampleEvents.json(SampleEvents.founded()), StandardCharsets.UTF_8)
                .replace(",\"sponsorId\":null", "");
        assertFalse(json.contains("sponsorId"), json);

        CommunityFounded read = SampleEvents.JSON.readValue(json, CommunityFounded.class);

        assertEquals(SampleEvents.founded(), read);
        assertNull(read.sponsorId());
    }
}
