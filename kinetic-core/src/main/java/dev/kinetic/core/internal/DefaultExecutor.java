package dev.kinetic.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a client uses when it is given none: virtual threads on Java 21 and later (found by reflection, so
 * the library still runs on 17), else a cached pool of daemon platform threads. The client shuts it down on close.
 */
public final class DefaultExecutor {
    private DefaultExecutor() {
    }

    /** Creates the executor for the running JVM. */
    public static ExecutorService create() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException e) {
            return platformThreads();
        } catch (IllegalAccessException | InvocationTargetException e) {
            return platformThreads(); // e.g. virtual threads disabled by a security manager or a preview flag
        }
    }

    /** A cached pool of daemon threads named {@code kinetic-N}: idle threads end after a minute. */
    static ExecutorService platformThreads() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "kinetic-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newCachedThreadPool(daemons);
    }
}
