package dev.kinetic.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobWaiterTest {
    /** A clock the sleeper moves forward, so waiting costs no real time. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static JobInfo job(String state, long processed) {
        return JobInfo.of(new ObjectMapper().createObjectNode().put("id", "750000000000001AAA")
                .put("operation", "insert").put("object", "Account").put("state", state)
                .put("numberRecordsProcessed", processed));
    }

    @Test
    void pollsUntilTheJobIsOverBackingOffBetweenPolls() {
        StepClock clock = new StepClock();
        List<Duration> pauses = new ArrayList<>();
        List<JobInfo> answers = List.of(job("UploadComplete", 0), job("InProgress", 5), job("InProgress", 8),
                job("JobComplete", 10));
        int[] polls = {0};
        JobWaiter waiter = new JobWaiter((id, query) -> answers.get(polls[0]++), clock, d -> {
            pauses.add(d);
            clock.now = clock.now.plus(d);
        }, Duration.ofSeconds(2), Duration.ofSeconds(30));
        List<Long> seen = new ArrayList<>();

        Optional<JobInfo> done = waiter.await("750000000000001AAA", false, Optional.empty(),
                j -> seen.add(j.numberRecordsProcessed()));

        assertThat(done).get().extracting(JobInfo::state).isEqualTo("JobComplete");
        assertThat(seen).containsExactly(0L, 5L, 8L, 10L);
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500));
    }

    @Test
    void givesUpAtTheDeadlineWithoutAbortingTheJob() {
        StepClock clock = new StepClock();
        List<String> calls = new ArrayList<>();
        JobWaiter waiter = new JobWaiter((id, query) -> {
            calls.add("get " + id);
            return job("InProgress", 1);
        }, clock, d -> clock.now = clock.now.plus(d), Duration.ofSeconds(2), Duration.ofSeconds(30));

        Optional<JobInfo> done = waiter.await("750000000000001AAA", false, Optional.of(Duration.ofSeconds(5)),
                j -> { });

        assertThat(done).isEmpty();
        assertThat(clock.now).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
        assertThat(calls).hasSize(3);
    }
}
