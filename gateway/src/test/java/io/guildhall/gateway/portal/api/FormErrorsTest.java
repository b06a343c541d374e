package io.guildhall.gateway.portal.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTest {

    @Test
    void each_field_the_problem_names_gets_its_first_message() {
        ApiProblemException problem = ApiProblemException.from(Service.COMMUNITY, 400, Map.of("title", "Invalid request",
                "errors", List.of(Map.of("field", "target", "message", "must not be null"),
                        Map.of("field", "target", "message", "second"), Map.of("field", "dueDate", "message", "must be today or later"))));

        FormErrors errors = FormErrors.of(problem);

        assertThat(errors.has("target")).isTrue();
        assertThat(errors.field("target")).isEqualTo("must not be null");
        assertThat(errors.field("dueDate")).isEqualTo("must be today or later");
        assertThat(errors.getGlobal()).isNull();
    }

    @Test
    void a_problem_without_fields_becomes_the_forms_message() {
        ApiProblemException problem = ApiProblemException.from(Service.MEMBERSHIP, 409,
                Map.of("title", "Conflict", "detail", "A lead steps down before leaving"));

        FormErrors errors = FormErrors.of(problem);

        assertThat(errors.getFields()).isEmpty();
        assertThat(errors.getGlobal()).isEqualTo("A lead steps down before leaving");
    }

    @Test
    void service_fields_map_to_the_forms_fields_and_unknown_ones_are_not_lost() {
        ApiProblemException problem = ApiProblemException.from(Service.COMMUNITY, 400, Map.of("errors", List.of(
                Map.of("field", "charter.purpose", "message", "too long"), Map.of("field", "sponsorId", "message", "unknown"))));

        FormErrors errors = FormErrors.of(problem, Map.of("charter.purpose", "purpose"), Set.of("purpose", "name"));

        assertThat(errors.field("purpose")).isEqualTo("too long");
        assertThat(errors.getGlobal()).isEqualTo("sponsorId: unknown");
    }

    @Test
    void a_body_that_is_not_a_problem_still_yields_the_status() {
        ApiProblemException problem = ApiProblemException.from(Service.EVENT, 404, "Not Found");

        assertThat(problem.status()).isEqualTo(404);
        assertThat(FormErrors.of(problem).getGlobal()).isEqualTo("The request was refused");
    }
}
