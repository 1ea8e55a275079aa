package io.streamis.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of bulk operations (prefix {@code streamis.bulk}).
 *
 * @param concurrency  jobs acted on at once (bounded executor); default sized for a small cluster
 * @param maxWait      how long a bulk request waits for its outcome before answering with what is done so far
 * @param dedupeWindow an identical request within this window returns the earlier operation instead of re-running
 * @param followInterval how often items whose start is in progress are checked against their task (one query for
 *                       the unfinished operations when there are none)
 */
@ConfigurationProperties(prefix = "streamis.bulk")
public record StreamisBulkProperties(Integer concurrency, Duration maxWait, Duration dedupeWindow,
                                     Duration followInterval) {

    public StreamisBulkProperties {
        concurrency = concurrency == null ? 4 : concurrency;
        maxWait = maxWait == null ? Duration.ofMinutes(10) : maxWait;
        dedupeWindow = dedupeWindow == null ? Duration.ofSeconds(30) : dedupeWindow;
        followInterval = followInterval == null ? Duration.ofMillis(200) : followInterval;
    }
}
