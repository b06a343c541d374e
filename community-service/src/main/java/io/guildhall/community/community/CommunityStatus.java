package io.guildhall.community.community;

public enum CommunityStatus {
    ACTIVE, ARCHIVED
}
