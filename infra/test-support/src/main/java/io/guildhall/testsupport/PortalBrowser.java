package io.guildhall.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does with the portal, over plain HTTP: follows redirects, keeps cookies, fills in
 * Keycloak's login form. Enough to test the sign-in flow and the session's token relay without a
 * browser; the portal's pages are tested in a real browser.
 */
public final class PortalBrowser {

    /** Far above any answer's time, so a hang fails the test instead of stalling the build. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final BrowserCookies cookies = new BrowserCookies();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    public BrowserCookies cookies() {
        return cookies;
    }

    /** GET as a browser navigates (Accept: text/html), following redirects. */
    public HttpResponse<String> open(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json;q=0.9").GET()));
    }

    /** Opens {@code url}, signs in on Keycloak's form when it appears, and returns where the redirects end. */
    public HttpResponse<String> signIn(String url, String username, String password) {
        HttpResponse<String> page = open(url);
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        if (!action.find()) {
            action = Pattern.compile("action=\"([^\"]+login-actions/authenticate[^\"]*)\"").matcher(page.body());
            if (!action.find()) {
                throw new AssertionError("No Keycloak login form at " + page.uri() + ":\n" + page.body());
            }
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return follow(send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /** Sends a request with the browser's cookies, without following redirects. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).header("Accept", "text/html,application/json;q=0.9").GET());
        }
        return response;
    }
}
