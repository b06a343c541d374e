package io.guildhall.event.certificate;

import io.guildhall.event.EventServiceITBase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, item 3: a certificate for people checked in at a training, verified by its code without signing in. */
class CertificateIT extends EventServiceITBase {

    @Test
    void an_attendee_of_a_training_downloads_her_certificate_and_anyone_verifies_its_code() throws Exception {
        Instant started = Instant.now().minus(Duration.ofMinutes(100)).truncatedTo(ChronoUnit.SECONDS);
        String title = "Kafka deep dive " + UUID.randomUUID().toString().substring(0, 6);
        String id = create("sophie", event(title, started, null));
        client().post().uri("/api/events/" + id + "/check-ins").headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("personId", personId("ada"), "minutes", 75))
                .exchange().expectStatus().isOk();

        pdf("alan", id).expectStatus().isForbidden();
        client().get().uri("/api/events/" + id + "/certificate.pdf").exchange().expectStatus().isUnauthorized();
        byte[] pdf = pdf("ada", id).expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Ada Lovelace", title, "1 hour 15 minutes");
        String code = text.replaceAll("(?s).*Verification code ([A-Z0-9]{5}-[A-Z0-9]{5}).*", "$1");
        assertThat(code).matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        // The same certificate on a second download.
        byte[] again = pdf("ada", id).expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument doc = Loader.loadPDF(again)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(code);
        }

        // Without signing in: the name, the training and the date, nothing else.
        String date = started.atZone(ZoneId.of("Europe/London")).toLocalDate().toString();
        client().get().uri("/api/certificates/" + code.toLowerCase()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Ada Lovelace").jsonPath("$.training").isEqualTo(title)
                .jsonPath("$.date").isEqualTo(date).jsonPath("$.personId").doesNotExist().jsonPath("$.minutes").doesNotExist();
        client().get().uri("/api/certificates/ABCDE-FGHJK").exchange().expectStatus().isNotFound();
        client().get().uri("/api/certificates/not-a-code").exchange().expectStatus().isNotFound();

        Map<String, Object> party = new java.util.HashMap<>(event("Party " + UUID.randomUUID(), started, null));
        party.put("type", "PARTY");
        String partyId = create("sophie", party);
        client().post().uri("/api/events/" + partyId + "/check-ins").headers(h -> h.setBearerAuth(token("sophie")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("personId", personId("ada"))).exchange()
                .expectStatus().isOk();
        pdf("ada", partyId).expectStatus().isEqualTo(409);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec pdf(String user, String event) {
        return client().get().uri("/api/events/" + event + "/certificate.pdf").headers(h -> h.setBearerAuth(token(user)))
                .exchange();
    }
}
