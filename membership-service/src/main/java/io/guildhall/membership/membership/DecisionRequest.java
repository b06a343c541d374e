package io.guildhall.membership.membership;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A lead's answer to a request to join. */
public record DecisionRequest(
        @NotNull @Pattern(regexp = "APPROVED|DECLINED", message = "must be APPROVED or DECLINED") String decision,
        @Size(max = 1000) String reason) {
}
