package io.guildhall.analytics.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The oversight groups as CSV (RFC 4180): one row per group and one for everyone, one column per figure and one per
 * week of the trend. Suppressed figures are empty cells, never 0.
 */
final class OversightCsv {

    private OversightCsv() {
    }

    static String of(OversightReport report) {
        List<String> weeks = report.total().trend().stream().map(TrendPoint::week).toList();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("period", "groupBy", "group", "suppressed", "peopleCounted",
                "medianShare", "shareOfPeopleAtOrAboveTarget", "shareOfPeopleOverParticipating", "totalHours",
                "shareOfPeopleParticipating", "meanShare"));
        weeks.forEach(week -> header.add("share " + week));
        line(csv, header);
        List<GroupFigures> rows = new ArrayList<>(report.groups());
        rows.add(report.total());
        for (GroupFigures group : rows) {
            List<String> cells = new ArrayList<>(List.of(report.period(), report.groupBy(), group.group(),
                    String.valueOf(group.suppressed()), text(group.peopleCounted()), text(group.medianShare()),
                    text(group.shareOfPeopleAtOrAboveTarget()), text(group.shareOfPeopleOverParticipating()),
                    text(group.totalHours()), text(group.shareOfPeopleParticipating()), text(group.meanShare())));
            group.trend().forEach(point -> cells.add(text(point.share())));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Double number ? String.format(Locale.ROOT, "%.4f", number) : value.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs a group's name. */
    private static String quoted(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")
                ? "'" + cell : cell;
        return safe.matches(".*[\",\r\n].*") || !safe.equals(cell)
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
