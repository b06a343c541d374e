package io.guildhall.community.community;

import io.guildhall.support.web.InvalidFieldException.FieldProblem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules of a community's channels: at most {@link #MOST}, each an absolute web address (or mailto: for a list), no two alike. */
public final class Channels {

    public static final int MOST = 10;

    private Channels() {
    }

    /** Every broken rule, each naming its field ({@code channels[2].url}); missing values are the constraints' to name. */
    public static List<FieldProblem> problems(List<Channel> channels) {
        List<FieldProblem> problems = new ArrayList<>();
        if (channels == null) {
            return problems;
        }
        if (channels.size() > MOST) {
            problems.add(new FieldProblem("channels", "a community lists at most " + MOST + " channels"));
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            if (channel == null || channel.url() == null || channel.url().isBlank()) {
                continue;
            }
            String url = channel.url().trim();
            if (!isAddress(url, channel.kind())) {
                problems.add(new FieldProblem("channels[" + i + "].url", channel.kind() == Channel.Kind.MAILING_LIST
                        ? "must be an https:// address or a mailto: address" : "must be an absolute http or https URL"));
            } else if (seen.contains(url.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem("channels[" + i + "].url", "is listed twice"));
            }
            seen.add(url.toLowerCase(Locale.ROOT));
        }
        return problems;
    }

    static boolean isAddress(String url, Channel.Kind kind) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("mailto")) {
                return kind == Channel.Kind.MAILING_LIST && uri.getSchemeSpecificPart().matches("[^@\\s]+@[^@\\s]+");
            }
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Trimmed, as stored. */
    static List<Channel> normalised(List<Channel> channels) {
        return channels == null ? List.of() : channels.stream().map(c -> new Channel(c.kind(), c.url().trim())).toList();
    }
}
