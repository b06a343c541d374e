package io.guildhall.analytics.contribution;

import io.guildhall.analytics.jdbc.Prefetch;
import io.guildhall.analytics.messaging.TopicHandler;
import io.guildhall.analytics.participation.LedgerRow;
import io.guildhall.analytics.participation.LedgerSource;
import io.guildhall.analytics.participation.ParticipationLedger;
import io.guildhall.analytics.person.Erasures;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.contribution.ContributionCorrected;
import io.guildhall.contracts.contribution.ContributionDeleted;
import io.guildhall.contracts.contribution.ContributionDirection;
import io.guildhall.contracts.contribution.ContributionLogged;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

/** Logged contributions into the ledger, with their kind as category and their own direction. */
@Factory
@SerdeImport(ContributionLogged.class)
@SerdeImport(ContributionCorrected.class)
@SerdeImport(ContributionDeleted.class)
public class ContributionHandlers {

    private final ParticipationLedger ledger;
    private final Erasures erasures;

    public ContributionHandlers(ParticipationLedger ledger, Erasures erasures) {
        this.ledger = ledger;
        this.erasures = erasures;
    }

    @Singleton
    TopicHandler<ContributionLogged> contributionLogged() {
        return TopicHandler.batched(EventCatalog.CONTRIBUTION_LOGGED, (event, prefetch) -> contributing(prefetch, event.contributionId(), event.personId()),
                (event, headers, transaction) ->
                ledger.apply(transaction, new LedgerRow(LedgerSource.CONTRIBUTION, event.contributionId().toString(),
                        erasures.resolve(transaction, event.personId()), event.date(), event.kind(),
                        ContributionDirection.valueOf(event.direction()), event.communityId(), null, event.minutes(),
                        headers.time())));
    }

    @Singleton
    TopicHandler<ContributionCorrected> contributionCorrected() {
        return TopicHandler.batched(EventCatalog.CONTRIBUTION_CORRECTED, (event, prefetch) -> contributing(prefetch, event.contributionId(), event.personId()),
                (event, headers, transaction) ->
                ledger.apply(transaction, new LedgerRow(LedgerSource.CONTRIBUTION, event.contributionId().toString(),
                        erasures.resolve(transaction, event.personId()), event.date(), event.kind(),
                        ContributionDirection.valueOf(event.direction()), event.communityId(), null, event.minutes(),
                        headers.time())));
    }

    @Singleton
    TopicHandler<ContributionDeleted> contributionDeleted() {
        return TopicHandler.batched(EventCatalog.CONTRIBUTION_DELETED, (event, prefetch) -> contributing(prefetch, event.contributionId(), event.personId()),
                (event, headers, transaction) ->
                ledger.delete(transaction, LedgerSource.CONTRIBUTION, event.contributionId().toString(),
                        erasures.resolve(transaction, event.personId()), event.date(), event.communityId(),
                        headers.time()));
    }

    /** What a contribution's event reads: its ledger row and its person's id as stored. */
    private void contributing(Prefetch prefetch, java.util.UUID contributionId, String personId) {
        prefetch.person(personId);
        ledger.prefetch(prefetch, LedgerSource.CONTRIBUTION, stored -> contributionId.toString());
    }
}
