package io.guildhall.community.community;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** Why the community exists, what it covers and how it works. Every part is optional. */
public record Charter(
        @Schema(description = "Why the community exists") @Size(max = 4000) String purpose,
        @Schema(description = "What it covers and what it does not") @Size(max = 4000) String scope,
        @Schema(description = "How it meets, decides and communicates") @Size(max = 4000) String waysOfWorking) {

    static final Charter EMPTY = new Charter(null, null, null);

    Charter normalized() {
        return new Charter(Community.blankToNull(purpose), Community.blankToNull(scope), Community.blankToNull(waysOfWorking));
    }

    /** Fields the patch leaves null stay as they are; an empty string clears one. */
    Charter patchedWith(Charter patch) {
        if (patch == null) {
            return this;
        }
        return new Charter(
                patch.purpose == null ? purpose : Community.blankToNull(patch.purpose),
                patch.scope == null ? scope : Community.blankToNull(patch.scope),
                patch.waysOfWorking == null ? waysOfWorking : Community.blankToNull(patch.waysOfWorking));
    }
}
