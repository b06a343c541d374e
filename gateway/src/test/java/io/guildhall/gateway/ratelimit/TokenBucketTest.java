package io.guildhall.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void a_full_bucket_allows_a_burst_then_refuses() {
        TokenBucket bucket = new TokenBucket(3, 1.0, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
    }

    @Test
    void tokens_come_back_at_the_refill_rate_and_never_beyond_capacity() {
        TokenBucket bucket = new TokenBucket(2, 2.0, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertThat(bucket.tryTake(SECOND / 4)).isFalse();
        assertThat(bucket.tryTake(SECOND / 2)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isFalse();
    }

    @Test
    void retry_after_says_when_the_next_token_comes() {
        TokenBucket bucket = new TokenBucket(1, 0.25, 0);
        bucket.tryTake(0);
        assertThat(bucket.secondsUntilNextToken(0)).isEqualTo(4);
        assertThat(bucket.secondsUntilNextToken(3 * SECOND)).isEqualTo(1);
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
