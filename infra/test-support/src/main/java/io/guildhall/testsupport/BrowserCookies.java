package io.guildhall.testsupport;

import java.net.CookieHandler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser's cookie jar, reduced to what these tests need: every cookie a host set goes back to that
 * host. (java.net.CookieManager does not return cookies whose domain is an IP address, as Keycloak's are
 * here.) Keycloak and the gateway share 127.0.0.1; their cookies have different names.
 */
public final class BrowserCookies extends CookieHandler {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> setCookieHeaders = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        if (values.isEmpty()) {
            return Map.of();
        }
        StringBuilder header = new StringBuilder();
        values.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
        return Map.of("Cookie", List.of(header.toString()));
    }

    @Override
    public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, headers) -> {
            if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                headers.forEach(this::store);
            }
        });
    }

    private void store(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
        if (expired) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        setCookieHeaders.put(name, setCookie);
    }

    public synchronized String value(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new AssertionError("no cookie " + name + " in " + values.keySet());
        }
        return value;
    }

    public synchronized String setCookieHeader(String name) {
        return setCookieHeaders.getOrDefault(name, "");
    }
}
