package io.guildhall.analytics.membership;

import io.guildhall.analytics.messaging.TopicHandler;
import io.guildhall.analytics.person.Erasures;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.membership.MembershipJoined;
import io.guildhall.contracts.membership.MembershipLeft;
import io.guildhall.contracts.membership.MembershipRoleChanged;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

/**
 * The membership topic: who belongs to which community and in which role. Requests and their decisions change no
 * membership (an approval is followed by MembershipJoined), so they are not kept.
 */
@Factory
@SerdeImport(MembershipJoined.class)
@SerdeImport(MembershipLeft.class)
@SerdeImport(MembershipRoleChanged.class)
public class MembershipHandlers {

    private final MembershipStore memberships;
    private final Erasures erasures;

    public MembershipHandlers(MembershipStore memberships, Erasures erasures) {
        this.memberships = memberships;
        this.erasures = erasures;
    }

    @Singleton
    TopicHandler<MembershipJoined> membershipJoined() {
        return TopicHandler.of(EventCatalog.MEMBERSHIP_JOINED, (event, headers, transaction) -> {
            String person = erasures.resolve(transaction, event.personId());
            memberships.change(transaction, event.communityId(), person, row -> MembershipRow.afterJoined(row,
                    event.communityId(), person, event.role(), event.joinedAt(), headers.time()));
        });
    }

    @Singleton
    TopicHandler<MembershipLeft> membershipLeft() {
        return TopicHandler.of(EventCatalog.MEMBERSHIP_LEFT, (event, headers, transaction) -> {
            String person = erasures.resolve(transaction, event.personId());
            memberships.change(transaction, event.communityId(), person, row -> MembershipRow.afterLeft(row,
                    event.communityId(), person, event.leftAt(), headers.time()));
        });
    }

    @Singleton
    TopicHandler<MembershipRoleChanged> membershipRoleChanged() {
        return TopicHandler.of(EventCatalog.MEMBERSHIP_ROLE_CHANGED, (event, headers, transaction) -> {
            String person = erasures.resolve(transaction, event.personId());
            memberships.change(transaction, event.communityId(), person, row -> MembershipRow.afterRoleChanged(row,
                    event.communityId(), person, event.role(), headers.time()));
        });
    }
}
