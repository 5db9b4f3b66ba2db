package dev.kinetic.emulator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Samples this JVM's heap every 10 ms on a daemon thread: the peak heap in use (live data plus garbage not yet
 * collected, never above {@code -Xmx}) and the peak heap still in use right after a collection (the live set).
 * Thread-safe.
 */
final class HeapSampler {
    private volatile long peakUsed;
    private volatile long peakLive;

    private HeapSampler() {
    }

    static HeapSampler start() {
        HeapSampler s = new HeapSampler();
        Thread t = new Thread(s::run, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return s;
    }

    long peakUsed() {
        return peakUsed;
    }

    long peakLive() {
        return peakLive;
    }

    private void run() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        while (true) {
            peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            long live = 0;
            for (MemoryPoolMXBean p : pools) {
                MemoryUsage after = p.getCollectionUsage();
                live += after == null ? 0 : after.getUsed();
            }
            peakLive = Math.max(peakLive, live);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
