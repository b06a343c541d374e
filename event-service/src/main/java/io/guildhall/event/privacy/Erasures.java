package io.guildhall.event.privacy;

import io.guildhall.contracts.person.PersonErased;
import io.guildhall.event.certificate.CertificateStore;
import io.guildhall.event.feedback.FeedbackStore;
import io.guildhall.support.messaging.EventConsumers;
import io.guildhall.support.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/**
 * An erasure reaches what event-service keeps in a person's own words or under their name: the name printed on
 * their certificates becomes "Erased person" (the certificate still verifies, now for nobody in particular) and the
 * comments of their feedback are dropped (their ratings stay, anonymous as they always were). Their bare id stays
 * in RSVPs and attendance, where it no longer leads to a name (docs/privacy.md).
 */
@Configuration
public class Erasures {

    private static final Logger AUDIT = LoggerFactory.getLogger("guildhall.audit");

    private final CertificateStore certificates;
    private final FeedbackStore feedback;

    public Erasures(CertificateStore certificates, FeedbackStore feedback) {
        this.certificates = certificates;
        this.feedback = feedback;
    }

    @Bean
    public Consumer<Message<byte[]>> personEvents(EventConsumers consumers) {
        return consumers.idempotent("event-service-erasures", this::apply);
    }

    Mono<Void> apply(ReceivedEvent received) {
        if (!(received.data() instanceof PersonErased erased)) {
            return Mono.empty();
        }
        return certificates.anonymise(erased.personId())
                .zipWith(feedback.dropComments(erased.personId()))
                .doOnNext(n -> AUDIT.info("person erased: {} certificates and {} feedback comments of {} anonymised",
                        n.getT1(), n.getT2(), erased.personId()))
                .then();
    }
}
