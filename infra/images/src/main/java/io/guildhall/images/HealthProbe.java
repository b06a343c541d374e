package io.guildhall.images;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The images' health check, for engines that run a command in the container (docker-compose's {@code healthcheck}):
 * the images have no shell, curl or wget, only Java, so this asks the service's health endpoint over HTTP and exits
 * 0 when it answers 200, 1 otherwise (refused, timed out, or any other status). {@link RuntimeRoot} puts it at
 * {@code /opt/guildhall/probe} in every image:
 * {@code java -cp /opt/guildhall/probe io.guildhall.images.HealthProbe http://127.0.0.1:8081/actuator/health}.
 * Kubernetes asks the endpoints itself ({@code httpGet} probes) and needs none of this.
 */
public final class HealthProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HealthProbe <health url>");
            System.exit(2);
        }
        System.exit(check(URI.create(args[0])));
    }

    /** 0 when the endpoint answers 200 within {@link #TIMEOUT}, 1 otherwise, with the reason on stderr. */
    static int check(URI url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return 0;
            }
            System.err.println(url + " answered " + answer.statusCode() + ": " + answer.body());
            return 1;
        } catch (java.io.IOException e) {
            System.err.println(url + " did not answer: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
