package dev.kinetic.emulator.bench;

import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
