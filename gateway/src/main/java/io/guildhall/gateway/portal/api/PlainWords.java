package io.guildhall.gateway.portal.api;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's field message ("must not be blank", "must be after startsAt", "size must be between 0 and 200") said
 * the way a person would say it at that field of a form ("Give the event a title", "The end must be after the
 * start", "Title can be at most 200 characters"). The services' messages are for programs; the portal shows these.
 * A message this does not know is shown as "Label: message", so nothing the service said is lost.
 */
public final class PlainWords {

    private static final Pattern SIZE = Pattern.compile("size must be between (\\d+) and (\\d+)");
    private static final Pattern AT_MOST = Pattern.compile("must be less than or equal to (\\d+)");
    private static final Pattern AT_LEAST = Pattern.compile("must be greater than or equal to (\\d+)");
    private static final Pattern BETWEEN = Pattern.compile("must be between (\\d+) and (\\d+)");
    private static final Pattern WITHIN_DAYS = Pattern.compile("must be within the last (\\d+) days");
    private static final Pattern DAY_TOTAL = Pattern.compile("would make (\\d+) minutes on (\\S+); at most (\\d+) minutes \\((\\d+) h\\) per day");
    private static final Pattern REQUIRED_FOR = Pattern.compile("is required for (IN_PERSON|ONLINE|HYBRID) events");

    /** What a missing value of these fields asks for. */
    private static final Map<String, String> MISSING = Map.ofEntries(
            Map.entry("title", "Give it a title"),
            Map.entry("type", "Choose a type"),
            Map.entry("format", "Choose in person, online or hybrid"),
            Map.entry("startsAt", "Say when it starts"),
            Map.entry("endsAt", "Say when it ends"),
            Map.entry("name", "Give it a name"),
            Map.entry("description", "Say what it is about"),
            Map.entry("practiceArea", "Name its practice area, such as java or design"),
            Map.entry("date", "Choose a date"),
            Map.entry("minutes", "Say how many minutes"),
            Map.entry("communityId", "Choose a community"),
            Map.entry("kind", "Choose what you did"),
            Map.entry("channelKind", "Choose where it is: Slack, Teams, LinkedIn, a mailing list or other"),
            Map.entry("channelUrl", "Give the channel's address"),
            Map.entry("rating", "Choose a rating from 1 to 5"));

    private PlainWords() {
    }

    public static String say(String field, String label, String message) {
        String m = message == null ? "" : message.trim();
        String name = label == null || label.isBlank() ? field : label;
        switch (m) {
            case "must not be null", "must not be blank", "must not be empty", "is required" -> {
                return MISSING.getOrDefault(field, name + " is needed");
            }
            case "must be after startsAt" -> {
                return "The end must be after the start";
            }
            case "an event lasts at most 14 days" -> {
                return "An event lasts at most 14 days: choose an earlier end";
            }
            case "must not be after startsAt" -> {
                return "Answers must close before the event starts";
            }
            case "must be an absolute http or https URL" -> {
                return "The link must start with https:// (or http://)";
            }
            case "may be at most 7 days in the past" -> {
                return "An event can be recorded at most 7 days after it took place";
            }
            case "must be greater than 0", "must be a whole number", "has a value of the wrong type or format",
                    "Type mismatch." -> {
                return isCount(field) ? name + " must be a whole number above 0" : "Check " + lower(name) + ": it is not a valid value";
            }
            default -> {
                // below
            }
        }
        if (!m.isEmpty() && Character.isUpperCase(m.charAt(0))) {
            // A sentence already (the portal's own refusals start with a capital; the services' messages do not).
            return m;
        }
        if (m.equals("must be an https:// address or a mailto: address")) {
            return "The address must start with https:// (or mailto: for a mailing list)";
        }
        if (m.equals("is listed twice")) {
            return "This address is listed already";
        }
        if (m.matches("a community lists at most \\d+ channels")) {
            return "A" + m.substring(1);
        }
        if (m.equals("feedback closes 14 days after the event ends")) {
            return "Feedback closed 14 days after the event ended";
        }
        if (m.equals("is the organiser, who runs the event already")) {
            return "They organise it already";
        }
        if (m.matches("an event has at most \\d+ co-organisers")) {
            return "An" + m.substring(2);
        }
        if (m.startsWith("must not be in the future")) {
            return "The date cannot be in the future";
        }
        if (m.equals("you are not a member of this community") || m.equals("no such active community")) {
            return "Choose one of your communities";
        }
        if (m.startsWith("must be one of [")) {
            return "Choose one from the list";
        }
        if (m.equals("a decline needs a reason")) {
            return "Say why, so that the person knows";
        }
        Matcher between = BETWEEN.matcher(m);
        if (between.matches()) {
            return name + " must be " + between.group(1) + " to " + between.group(2);
        }
        Matcher withinDays = WITHIN_DAYS.matcher(m);
        if (withinDays.matches()) {
            return "Choose a date within the last " + withinDays.group(1) + " days";
        }
        Matcher dayTotal = DAY_TOTAL.matcher(m);
        if (dayTotal.matches()) {
            return "That makes " + dayTotal.group(1) + " minutes on that day; at most " + dayTotal.group(4)
                    + " hours a day count";
        }
        if ("timeZone".equals(field)) {
            return "Choose a time zone from the list";
        }
        if (m.startsWith("must be a date and time")) {
            return name + ": choose a date and a time";
        }
        if (m.startsWith("only a lead of the event's community")) {
            return "Only a lead of the community, an admin or the events team can schedule an event that has already started";
        }
        Matcher size = SIZE.matcher(m);
        if (size.matches()) {
            return Integer.parseInt(size.group(1)) > 0
                    ? name + " must be " + size.group(1) + " to " + size.group(2) + " characters long"
                    : name + " can be at most " + size.group(2) + " characters long";
        }
        Matcher atMost = AT_MOST.matcher(m);
        if (atMost.matches()) {
            return name + " can be at most " + atMost.group(1);
        }
        Matcher atLeast = AT_LEAST.matcher(m);
        if (atLeast.matches()) {
            return name + " must be at least " + atLeast.group(1);
        }
        Matcher requiredFor = REQUIRED_FOR.matcher(m);
        if (requiredFor.matches()) {
            String kind = switch (requiredFor.group(1)) {
                case "IN_PERSON" -> "an in-person";
                case "ONLINE" -> "an online";
                default -> "a hybrid";
            };
            return "location".equals(field) ? "Add a room or address for " + kind + " event"
                    : "Add the link people join with, for " + kind + " event";
        }
        return name + ": " + m;
    }

    private static boolean isCount(String field) {
        return field.equals("capacity") || field.equals("interval") || field.equals("count") || field.equals("minutes")
                || field.equals("target") || field.endsWith(".minutes");
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }
}
