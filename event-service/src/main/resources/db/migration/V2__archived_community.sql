-- Communities archived in community-service, replicated from guildhall.community.v1 (CommunityArchived):
-- an archived community holds no new events; those already scheduled stay for their organisers to run or cancel.
CREATE TABLE archived_community (
    community_id UUID PRIMARY KEY,
    archived_at  TIMESTAMPTZ NOT NULL
);
