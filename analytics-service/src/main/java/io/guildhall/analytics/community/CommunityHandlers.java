package io.guildhall.analytics.community;

import io.guildhall.analytics.messaging.TopicHandler;
import io.guildhall.analytics.person.Erasures;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.community.CommunityArchived;
import io.guildhall.contracts.community.CommunityUpdated;
import io.guildhall.contracts.community.GoalSet;
import io.guildhall.contracts.community.GoalStatusChanged;
import io.guildhall.contracts.community.GoalUpdated;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The rest of the community topic: updates, archiving, leads and goals. Goal progress check-ins are not kept: the
 * status changes they cause arrive as GoalStatusChanged.
 */
@Factory
@SerdeImport(CommunityUpdated.class)
@SerdeImport(CommunityArchived.class)
@SerdeImport(LeadAssigned.class)
@SerdeImport(LeadRemoved.class)
@SerdeImport(GoalSet.class)
@SerdeImport(GoalUpdated.class)
@SerdeImport(GoalStatusChanged.class)
public class CommunityHandlers {

    private final CommunityStore communities;
    private final GovernanceStore governance;
    private final Erasures erasures;

    public CommunityHandlers(CommunityStore communities, GovernanceStore governance, Erasures erasures) {
        this.communities = communities;
        this.governance = governance;
        this.erasures = erasures;
    }

    @Singleton
    TopicHandler<CommunityUpdated> communityUpdated() {
        return TopicHandler.of(EventCatalog.COMMUNITY_UPDATED, (event, headers, transaction) ->
                communities.change(transaction, event.communityId(), row -> Optional.of(CommunityRow.afterUpdated(row,
                        event.communityId(), event.slug(), event.name(), event.practiceArea(), event.visibility(),
                        headers.time()))));
    }

    @Singleton
    TopicHandler<CommunityArchived> communityArchived() {
        return TopicHandler.of(EventCatalog.COMMUNITY_ARCHIVED, (event, headers, transaction) ->
                communities.change(transaction, event.communityId(),
                        row -> CommunityRow.afterArchived(row, headers.time())));
    }

    @Singleton
    TopicHandler<LeadAssigned> leadAssigned() {
        return TopicHandler.of(EventCatalog.LEAD_ASSIGNED, (event, headers, transaction) ->
                governance.changeLead(transaction, new LeadRow(event.communityId(),
                        erasures.resolve(transaction, event.personId()), true, headers.time())));
    }

    @Singleton
    TopicHandler<LeadRemoved> leadRemoved() {
        return TopicHandler.of(EventCatalog.LEAD_REMOVED, (event, headers, transaction) ->
                governance.changeLead(transaction, new LeadRow(event.communityId(),
                        erasures.resolve(transaction, event.personId()), false, headers.time())));
    }

    @Singleton
    TopicHandler<GoalSet> goalSet() {
        return TopicHandler.of(EventCatalog.GOAL_SET, (event, headers, transaction) -> {
            GoalRow set = new GoalRow(event.goalId(), event.communityId(), event.title(), event.metric(),
                    event.dueDate(), event.status(), headers.time());
            governance.changeGoal(transaction, event.goalId(), row -> GoalRow.afterSet(row, set));
        });
    }

    @Singleton
    TopicHandler<GoalUpdated> goalUpdated() {
        return TopicHandler.of(EventCatalog.GOAL_UPDATED, (event, headers, transaction) ->
                governance.changeGoal(transaction, event.goalId(), row -> GoalRow.afterUpdated(row, event.title(),
                        event.metric(), event.dueDate(), headers.time())));
    }

    @Singleton
    TopicHandler<GoalStatusChanged> goalStatusChanged() {
        return TopicHandler.of(EventCatalog.GOAL_STATUS_CHANGED, (event, headers, transaction) ->
                governance.changeGoal(transaction, event.goalId(), row -> GoalRow.afterStatusChanged(row,
                        event.goalId(), event.communityId(), event.status(), headers.time())));
    }
}
