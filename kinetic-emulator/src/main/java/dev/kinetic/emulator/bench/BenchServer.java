package dev.kinetic.emulator.bench;

import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The server side of {@link EmulatorBenchmark}: a local org in its own JVM (so its heap can be capped and measured
 * alone). It prints {@code PORT n}, {@code TOKEN t} and {@code CONTROL s} (the control secret) on standard output,
 * then answers the commands {@code heap}
 * ({@code HEAP used live}: the peak heap in use and the peak heap still live after a collection, sampled every
 * 10 ms), {@code cpu} ({@code CPU nanos}: CPU time
 * this process has used) and {@code quit} read from standard input.
 * The token and the control secret go only to the parent process through the pipe.
 */
public final class BenchServer {
    private static final long JIT_IDLE_MILLIS = 20;
    private static final long JIT_WAIT_SECONDS = 60;
    /** A warm-up round after which the JIT compilers spent less than this share of its time compiling is the last. */
    static final double SETTLED_JIT_SHARE = 0.05;
    /** The most warm-up rounds a benchmark runs. */
    static final int MAX_WARMUP_ROUNDS = 10;

    private BenchServer() {
    }

    /**
     * Runs the server until {@code quit} or end of input.
     *
     * @param args optional {@code --data DIR}
     */
    public static void main(String[] args) throws Exception {
        LocalOrgConfig.Builder config = LocalOrgConfig.builder();
        if (args.length == 2 && args[0].equals("--data")) {
            config.dataDir(Path.of(args[1]));
        }
        try (LocalOrg org = LocalOrg.start(config.build())) {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            HeapSampler sampler = HeapSampler.start();
            System.out.println("PORT " + org.port());
            System.out.println("TOKEN " + org.accessToken());
            System.out.println("CONTROL " + org.controlSecret());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("heap")) {
                    System.out.println("HEAP " + sampler.peakUsed() + " " + sampler.peakLive());
                } else if (line.equals("cpu")) {
                    System.out.println("CPU " + processCpuNanos());
                } else if (line.equals("gc")) {
                    System.out.println("GC " + gcMillis());
                } else if (line.equals("jit")) {
                    System.out.println("JIT " + jitMillis());
                }
                System.out.flush();
            }
        }
    }

    /** CPU time used by this process so far, in nanoseconds, or -1 when the JVM cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * The time this JVM's collectors have spent collecting so far, in milliseconds (with the parallel collector, the
     * time its stop-the-world pauses took), or -1 when the JVM cannot tell.
     */
    static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long t = gc.getCollectionTime();
            if (t < 0) {
                return -1;
            }
            sum += t;
        }
        return sum;
    }

    /** The time this JVM's JIT compilers have spent compiling so far, in milliseconds, or -1 when it cannot tell. */
    static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /**
     * Waits until a JVM's JIT compilers are nearly idle: less than {@value #JIT_IDLE_MILLIS} ms of compiling in the
     * last second (they compile on threads of their own, which take a core from the work being measured), or
     * {@value #JIT_WAIT_SECONDS} s at most, so that the compiling a warm-up queued is not done in the timed run. (The
     * org's compilers still start again in the timed run, on code it makes hot or deoptimizes: see BULK.md.)
     *
     * @param jitMillis the JVM's total compile time in milliseconds, -1 when unknown (then it does not wait)
     * @return the seconds waited
     */
    static double awaitJitIdle(LongSupplier jitMillis) throws InterruptedException {
        long start = System.nanoTime();
        long[] last = new long[4];
        for (int i = 0; i < last.length; i++) {
            last[i] = jitMillis.getAsLong();
            if (last[i] < 0) {
                return 0;
            }
            Thread.sleep(250);
        }
        for (int i = 0; ; i++) {
            long now = jitMillis.getAsLong();
            long oneSecondAgo = last[i % last.length];
            last[i % last.length] = now;
            if (now - oneSecondAgo < JIT_IDLE_MILLIS
                    || System.nanoTime() - start > TimeUnit.SECONDS.toNanos(JIT_WAIT_SECONDS)) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(250);
        }
    }

    /** A step of a warm-up round. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /**
     * How a warm-up went: its rounds ("3 rounds"), each round's compile share ("104 %, 35 %, 3 %") and the seconds
     * spent waiting for idle compilers.
     */
    record WarmUp(String count, String shares, double settledSeconds) {
    }

    /**
     * Warms a JVM up in rounds: each runs {@code work}, then {@code reset}, then waits for idle JIT compilers
     * ({@link #awaitJitIdle}); the rounds end with the first in which the compilers spent less than
     * {@value #SETTLED_JIT_SHARE} of its time compiling (or when that is unknown), after {@value #MAX_WARMUP_ROUNDS} at
     * most.
     */
    static WarmUp warmUp(Step work, Step reset, LongSupplier jitMillis) throws Exception {
        List<String> shares = new ArrayList<>();
        double settled = 0;
        for (int round = 1; ; round++) {
            long jit0 = jitMillis.getAsLong();
            long start = System.nanoTime();
            work.run();
            double share = jitShare(jit0, jitMillis.getAsLong(), System.nanoTime() - start);
            reset.run();
            settled += awaitJitIdle(jitMillis);
            shares.add(String.format(Locale.ROOT, "%.0f %%", share * 100));
            if (share < SETTLED_JIT_SHARE || round == MAX_WARMUP_ROUNDS) {
                return new WarmUp(round + (round == 1 ? " round" : " rounds"), String.join(", ", shares), settled);
            }
        }
    }

    /**
     * The compilers' time between two readings of {@link #jitMillis} as a share of the wall time between them (more
     * than 1 when several compiler threads were busy), or -1 when unknown.
     */
    static double jitShare(long beforeMillis, long afterMillis, long wallNanos) {
        return beforeMillis < 0 || afterMillis < 0 ? -1 : (afterMillis - beforeMillis) * 1e6 / wallNanos;
    }

    /** The sum of the peak usage of every heap memory pool (an upper bound of the peak heap in use). */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
