package io.guildhall.support.web;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsHandlerTest {

    private final ProblemDetailsHandler handler = new ProblemDetailsHandler();

    @Test
    void a_database_that_is_away_is_a_503_to_retry_not_a_500() {
        for (Exception away : new Exception[]{
                new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
                        new R2dbcNonTransientResourceException("Connection refused", new ConnectException("refused"))),
                new IllegalStateException("wrapped", new ConnectException("Connection refused"))}) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(away);

            assertThat(answer.getStatusCode().value()).as(away.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(ProblemDetailsHandler.RETRY_AFTER_SECONDS);
            assertThat(answer.getBody().getType().toString()).endsWith("/unavailable");
            assertThat(answer.getBody().getDetail()).doesNotContain("refused");
        }
    }

    @Test
    void a_bug_stays_a_500_that_reveals_nothing() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new NullPointerException("secret detail"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
        assertThat(answer.getBody().getDetail()).doesNotContain("secret");
    }
}
