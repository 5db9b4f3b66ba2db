package dev.kinetic.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DefaultExecutorTest {
    @Test
    void runsOnVirtualThreadsFromJava21AndOnDaemonPlatformThreadsBefore() throws Exception {
        ExecutorService executor = DefaultExecutor.create();
        try {
            Thread worker = executor.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            boolean virtual = Runtime.version().feature() >= 21
                    && (boolean) Thread.class.getMethod("isVirtual").invoke(worker);
            if (Runtime.version().feature() >= 21) {
                assertThat(virtual).isTrue();
            } else {
                assertThat(worker.isDaemon()).isTrue();
                assertThat(worker.getName()).startsWith("kinetic-");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void platformThreadsAreDaemonsSoTheyNeverHoldTheJvm() throws Exception {
        ExecutorService executor = DefaultExecutor.platformThreads();
        try {
            Thread worker = executor.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            assertThat(worker.isDaemon()).isTrue();
            assertThat(worker.getName()).startsWith("kinetic-");
        } finally {
            executor.shutdownNow();
        }
    }
}
