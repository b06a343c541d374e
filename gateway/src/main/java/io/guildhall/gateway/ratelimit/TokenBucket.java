package io.guildhall.gateway.ratelimit;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code refillPerSecond}. Time comes from the
 * caller (nanoseconds), so the rule is plain code and tested without waiting.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long lastRefill;

    public TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be at least 1 and the refill rate positive");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.lastRefill = nowNanos;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whole seconds until the next token, at least 1: the Retry-After of a refused request. */
    public synchronized long secondsUntilNextToken(long nowNanos) {
        refill(nowNanos);
        double missing = Math.max(0, 1 - tokens);
        return Math.max(1, (long) Math.ceil(missing / refillPerNano / 1e9));
    }

    public synchronized long lastUsedNanos() {
        return lastRefill;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastRefill);
        tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
        lastRefill = nowNanos;
    }
}
