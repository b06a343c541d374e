package io.guildhall.event.certificate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CertificatePdfTest {

    @Test
    void the_pdf_names_the_person_the_training_the_date_the_time_and_the_code() throws Exception {
        Certificate c = new Certificate("K7PQ2XW9ZM", UUID.randomUUID(), "p", "Émilie du Châtelet", "Kotlin for Java developers",
                LocalDate.of(2026, 12, 3), 135, Instant.now());
        byte[] pdf = CertificatePdf.of(c);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Certificate of attendance", "Émilie du Châtelet", "Kotlin for Java developers",
                    "on 3 December 2026, for 2 hours 15 minutes.", "K7PQ2-XW9ZM");
        }
    }

    @Test
    void letters_the_standard_fonts_lack_are_printed_as_question_marks_rather_than_failing() {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        assertThat(CertificatePdf.printable(font, "Łukasz 李")).isEqualTo("?ukasz ?");
        assertThat(CertificatePdf.printable(font, "Ada Lovelace")).isEqualTo("Ada Lovelace");
    }

    @Test
    void durations_read_as_people_say_them() {
        assertThat(CertificatePdf.duration(90)).isEqualTo("1 hour 30 minutes");
        assertThat(CertificatePdf.duration(120)).isEqualTo("2 hours");
        assertThat(CertificatePdf.duration(45)).isEqualTo("45 minutes");
        assertThat(CertificatePdf.duration(1)).isEqualTo("1 minute");
    }

    @Test
    void codes_have_no_look_alikes_and_are_typed_back_in_any_case_with_or_without_the_dash() {
        String code = CertificateCodes.fresh();
        assertThat(code).hasSize(10).doesNotContainAnyWhitespaces().matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
        assertThat(CertificateCodes.printed("K7PQ2XW9ZM")).isEqualTo("K7PQ2-XW9ZM");
        assertThat(CertificateCodes.normalised(" k7pq2-xw9zm ")).isEqualTo("K7PQ2XW9ZM");
        assertThat(CertificateCodes.normalised("K7PQ2XW9Z0")).as("0 is no code letter").isNull();
        assertThat(CertificateCodes.normalised("short")).isNull();
        assertThat(CertificateCodes.normalised(null)).isNull();
    }
}
