package io.guildhall.gateway.portal;

import io.guildhall.testsupport.PortalBrowser;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Signs a demo user in over HTTP, once more with a fresh browser if the first attempt gets no answer in 60 s.
 * On our loaded build machines about one sign-in in ten never completes (the gateway's authorization-code
 * exchange with the shared Keycloak gets no answer; keycloak.log then shows "Code ... already used"); a person
 * would click again. A second hang fails the test.
 */
final class SignIn {

    record Signed(PortalBrowser browser, HttpResponse<String> page) {
    }

    private SignIn() {
    }

    static Signed as(String user, String url) {
        for (int attempt = 1; ; attempt++) {
            PortalBrowser browser = new PortalBrowser();
            // Its own daemon thread: a hung attempt must not hold a shared pool's only thread (2 cores).
            CompletableFuture<HttpResponse<String>> page = CompletableFuture.supplyAsync(() -> browser.signIn(url, user, "demo"),
                    task -> {
                        Thread thread = new Thread(task, "sign-in-" + user);
                        thread.setDaemon(true);
                        thread.start();
                    });
            try {
                return new Signed(browser, page.get(60, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                page.cancel(true);
                if (attempt == 2) {
                    throw new AssertionError("Signing " + user + " in to " + url + " hung twice", e);
                }
            } catch (ExecutionException e) {
                throw new AssertionError("Signing " + user + " in to " + url + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
