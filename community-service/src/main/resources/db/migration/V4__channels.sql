-- Where the community talks (issue 17): its channels, in the order the leads list them; kinds[i] goes with urls[i].
ALTER TABLE community ADD COLUMN channel_kinds TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE community ADD COLUMN channel_urls TEXT[] NOT NULL DEFAULT '{}';
