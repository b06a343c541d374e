-- Who reports to whom (issue 17, the managers' view): the directory's managerId, effective-dated like the profile.
CREATE TABLE person_manager (
    person_id      text        NOT NULL,
    effective_from date        NOT NULL,
    manager_id     text,
    as_of          timestamptz NOT NULL,
    PRIMARY KEY (person_id, effective_from)
);
CREATE INDEX person_manager_manager ON person_manager (manager_id);
