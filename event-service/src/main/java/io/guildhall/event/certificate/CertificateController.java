package io.guildhall.event.certificate;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.UUID;

/** Certificates of attendance: the PDF for the person who attended, and a public check of a code. */
@RestController
public class CertificateController {

    /** What a code verifies, and nothing more. */
    public record Verified(String name, String training, LocalDate date) {
    }

    private final Certificates certificates;

    public CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping(value = "/api/events/{id:[0-9a-fA-F-]{36}}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Your certificate of attendance of a training (PDF): name, training, date, minutes and a"
            + " verification code", description = "403 when you were not checked in; 409 for an event that is not a training.")
    public Mono<ResponseEntity<byte[]>> pdf(@PathVariable UUID id, CurrentPerson caller) {
        return certificates.mine(id, caller).map(c -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"certificate-" + c.code() + ".pdf\"")
                .body(CertificatePdf.of(c)));
    }

    @GetMapping("/api/certificates/{code}")
    @Operation(summary = "Verify a certificate's code, without signing in: only the name, the training and the date")
    public Mono<Verified> verify(@PathVariable String code) {
        return certificates.verify(code).map(c -> new Verified(c.personName(), c.training(), c.heldOn()));
    }
}
