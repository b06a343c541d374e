package io.guildhall.community.goal;

import io.guildhall.contracts.community.GoalMetric;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record SetGoalRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull GoalMetric metric,
        @Schema(description = "Required for CUSTOM goals, e.g. \"blog posts\"") @Size(max = 40) String unit,
        @Schema(description = "Level at the start; 0 when absent") @Digits(integer = 12, fraction = 2) BigDecimal baseline,
        @Schema(description = "Level to reach; must differ from the baseline (below it for goals that aim down)")
        @NotNull @Digits(integer = 12, fraction = 2) BigDecimal target,
        @Schema(description = "Today or later") @NotNull LocalDate dueDate,
        @Schema(description = "A lead of the community; the caller when absent") @Size(max = 64) String ownerId) {
}
