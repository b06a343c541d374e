package io.guildhall.community.goal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record CheckInRequest(
        @Schema(description = "The metric's level as of the date (not an increment)")
        @NotNull @Digits(integer = 12, fraction = 2) BigDecimal value,
        @Schema(description = "Day the value was measured; today when absent; not in the future") LocalDate asOf,
        @Size(max = 2000) String comment) {
}
