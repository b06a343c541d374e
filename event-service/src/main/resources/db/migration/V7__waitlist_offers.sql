-- Waitlist offers with a claim window (issue 17): with waitlist_offer_hours above 0, a freed seat is held for the
-- first person waiting until offer_expires_at instead of being given at once; they accept or it passes on.
ALTER TABLE event ADD COLUMN waitlist_offer_hours INTEGER NOT NULL DEFAULT 0
    CHECK (waitlist_offer_hours BETWEEN 0 AND 168);
ALTER TABLE rsvp ADD COLUMN offer_expires_at TIMESTAMPTZ;
ALTER TABLE rsvp ADD COLUMN offer_reminded BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX rsvp_open_offers ON rsvp (offer_expires_at) WHERE offer_expires_at IS NOT NULL;
