package io.guildhall.analytics.contribution;

import io.guildhall.analytics.messaging.EventHandler;
import io.guildhall.analytics.messaging.LedgerEntry;
import io.guildhall.analytics.messaging.ParticipationLedger;
import io.guildhall.analytics.messaging.Prefetch;
import io.guildhall.analytics.person.Erasures;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.contribution.ContributionCorrected;
import io.guildhall.contracts.contribution.ContributionDeleted;
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
    EventHandler<ContributionLogged> contributionLogged() {
        return EventHandler.batched(EventCatalog.CONTRIBUTION_LOGGED, (event, prefetch) -> contributing(prefetch, event.contributionId(), event.personId()),
                (event, headers, transaction) ->
                ledger.apply(transaction, new LedgerEntry(LedgerEntry.CONTRIBUTION, event.contributionId().toString(),
                        erasures.resolve(transaction, event.personId()), event.date(), event.kind(),
                        event.direction(), event.communityId(), null, event.minutes(), headers.time())));
    }

    @Singleton
    EventHandler<ContributionCorrected> contributionCorrected() {
        return EventHandler.batched(EventCatalog.CONTRIBUTION_CORRECTED, (event, prefetch) -> contributing(prefetch, event.contributionId(), event.personId()),
                (event, headers, transaction) ->
                ledger.apply(transaction, new LedgerEntry(LedgerEntry.CONTRIBUTION, event.contributionId().toString(),
                        erasures.resolve(transaction, event.personId()), event.date(), event.kind(),
                        event.direction(), event.communityId(), null, event.minutes(), headers.time())));
    }

    @Singleton
    EventHandler<ContributionDeleted> contributionDeleted() {
        return EventHandler.batched(EventCatalog.CONTRIBUTION_DELETED, (event, prefetch) -> contributing(prefetch, event.contributionId(), event.personId()),
                (event, headers, transaction) ->
                ledger.delete(transaction, LedgerEntry.CONTRIBUTION, event.contributionId().toString(),
                        erasures.resolve(transaction, event.personId()), event.date(), event.communityId(),
                        headers.time()));
    }

    /** What a contribution's event reads: its ledger row and its person's id as stored. */
    private void contributing(Prefetch prefetch, java.util.UUID contributionId, String personId) {
        prefetch.person(personId);
        ledger.prefetch(prefetch, LedgerEntry.CONTRIBUTION, stored -> contributionId.toString());
    }
}
