package io.guildhall.event.certificate;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The certificate as a one-page A4 landscape PDF in the standard fonts (nothing embedded, nothing fetched). */
public final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private CertificatePdf() {
    }

    public static byte[] of(Certificate c) {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDRectangle landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(landscape);
            doc.addPage(page);
            float width = landscape.getWidth();
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.setStrokingColor(0.12f, 0.37f, 0.66f);
                text.setLineWidth(3);
                text.addRect(30, 30, width - 60, landscape.getHeight() - 60);
                text.stroke();
                centred(text, regular, 14, "Guildhall", width, 500);
                centred(text, bold, 30, "Certificate of attendance", width, 450);
                centred(text, regular, 14, "This certifies that", width, 395);
                centred(text, bold, 26, c.personName(), width, 355);
                centred(text, regular, 14, "attended the training", width, 315);
                centred(text, bold, 20, c.training(), width, 280);
                centred(text, regular, 14, "on " + DATE.format(c.heldOn()) + ", for " + duration(c.minutes()) + ".", width, 245);
                centred(text, regular, 11, "Verification code " + CertificateCodes.printed(c.code())
                        + ": open /certificates/" + CertificateCodes.printed(c.code()) + " on your organisation's Guildhall.",
                        width, 80);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Certificate of attendance: " + c.training());
            info.setAuthor("Guildhall");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "90 minutes", "2 hours", "2 hours 15 minutes". */
    static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        String m = rest == 0 ? "" : rest + (rest == 1 ? " minute" : " minutes");
        return hours == 0 ? m : rest == 0 ? h : h + " " + m;
    }

    private static void centred(PDPageContentStream stream, PDType1Font font, float size, String line, float width, float y)
            throws IOException {
        String printable = printable(font, line);
        float textWidth = font.getStringWidth(printable) / 1000 * size;
        stream.beginText();
        stream.setNonStrokingColor(0.12f, 0.16f, 0.2f);
        stream.setFont(font, size);
        stream.newLineAtOffset(Math.max(40, (width - textWidth) / 2), y);
        stream.showText(printable);
        stream.endText();
    }

    /** The standard fonts cover Western European letters: anything else is printed as "?" rather than failing. */
    static String printable(PDType1Font font, String line) {
        StringBuilder out = new StringBuilder();
        line.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IllegalArgumentException | IOException unsupported) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
