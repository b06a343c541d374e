package io.guildhall.support.testapp;

import io.guildhall.contracts.community.CommunityFounded;
import io.guildhall.support.messaging.EventConsumers;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A small application that uses every part of the support library the way a service does. */
@SpringBootApplication
public class SupportTestApplication {

    /** Failures so far per event id, for the communities named to play a failing handler. */
    public static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    /**
     * Applies CommunityFounded events by recording them, idempotently. A community named {@code transient-N} plays a
     * database that is away for the first N tries; one named {@code broken} a handler that always fails.
     */
    @Bean
    Consumer<Message<byte[]>> testEvents(EventConsumers consumers, DatabaseClient db) {
        return consumers.idempotent("support-test", event -> {
            if (event.data() instanceof CommunityFounded founded) {
                int failures = FAILURES.computeIfAbsent(event.headers().id(), id -> new AtomicInteger()).incrementAndGet();
                if (founded.name().startsWith("transient-")
                        && failures <= Integer.parseInt(founded.name().substring("transient-".length()))) {
                    return Mono.error(new DataAccessResourceFailureException("the database is restarting (try " + failures + ")"));
                }
                if (founded.name().equals("broken")) {
                    return Mono.error(new IllegalStateException("this handler cannot apply it"));
                }
                return db.sql("INSERT INTO applied_event (event_id, community_id) VALUES (:id, :community)")
                        .bind("id", event.headers().id())
                        .bind("community", founded.communityId())
                        .then();
            }
            return Mono.empty();
        });
    }

    public record Widget(@NotBlank String name, @Min(1) int size) {
    }

    @RestController
    static class TestController {

        @GetMapping("/api/test/me")
        Mono<CurrentPerson> me(CurrentPerson me) {
            return Mono.just(me);
        }

        @GetMapping("/api/test/executive")
        @PreAuthorize("hasRole('executive')")
        Mono<Map<String, String>> executiveOnly() {
            return Mono.just(Map.of("secret", "for executives"));
        }

        @PostMapping("/api/test/widgets")
        Mono<Widget> create(@Valid @RequestBody Widget widget) {
            return Mono.just(widget);
        }

        @GetMapping("/api/test/widgets/{id}")
        Mono<Widget> get(@PathVariable String id) {
            return Mono.error(new NotFoundException("No widget " + id));
        }

        @PostMapping("/api/test/stale")
        Mono<Widget> stale() {
            return Mono.error(new OptimisticLockingFailureException("version 3 is not current"));
        }
    }
}
