package io.guildhall.gateway.portal;

import io.guildhall.testsupport.GuildhallStack;
import io.guildhall.testsupport.PortalBrowser;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every portal IT shares: the gateway on {@link #PORT}, the one port of these tests that the realm registers
 * as a sign-in redirect URI (8080 is the dev portal's, 18080 the browser tests'), so {@code ./mvnw verify} runs
 * beside a running {@code ./guildhall up}; demo people signed in once per class (Keycloak is shared by every
 * test run on the machine), and form posts the way the portal's pages send them. Each subclass declares the
 * services it routes to in a static {@link PortalBackends} and registers them in its {@code @DynamicPropertySource};
 * the services themselves run once for all portal test classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "server.port=" + SignedInPortal.PORT)
@DirtiesContext // frees the port for the next portal test class
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the gateway is up (context loaded) before @BeforeAll signs in
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a page that hangs fails instead of blocking the build
public abstract class SignedInPortal {

    /** Registered in infra/keycloak's realm as a redirect URI of guildhall-gateway; used by nothing else. */
    public static final int PORT = 18090;
    public static final String GATEWAY = "http://127.0.0.1:" + PORT;
    protected static final GuildhallStack stack = GuildhallStack.shared();

    private final Map<String, PortalBrowser> browsers = new HashMap<>();
    /** The browser of the person the last {@link #as} call opened a page for. */
    protected PortalBrowser browser;

    /** Opens {@code url} as {@code user}, signing in the first time; later calls of the class reuse that browser. */
    protected HttpResponse<String> as(String user, String url) {
        if (!browsers.containsKey(user)) {
            SignIn.Signed signed = SignIn.as(user, url);
            browsers.put(user, signed.browser());
            browser = signed.browser();
            return signed.page();
        }
        browser = browsers.get(user);
        return browser.open(url);
    }

    /** A form post with the CSRF token, as a plain form or (htmx) as the in-place action of {@code from}. */
    protected HttpResponse<String> post(String path, Map<String, String> form, boolean htmx, String from) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", browser.cookies().value("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (htmx) {
            request.header("HX-Request", "true").header("HX-Current-URL", GATEWAY + from);
        }
        return browser.send(request);
    }

    /** {@code user} founds a community straight at community-service; returns its id. */
    protected static String found(String communityUrl, String user, String json) {
        HttpResponse<String> created = Await.api(stack, "POST", communityUrl + "/api/communities", user, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(id.find()).as(created.body()).isTrue();
        return id.group(1);
    }

    protected static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
