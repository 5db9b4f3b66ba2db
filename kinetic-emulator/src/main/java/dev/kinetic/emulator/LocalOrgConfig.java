package dev.kinetic.emulator;

import dev.kinetic.emulator.control.Progression;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a local org: where to listen, where to keep data, which schema files to add, how long tokens live,
 * how jobs progress, and the clock. Immutable; build with {@link #builder()}.
 */
public final class LocalOrgConfig {
    /** Salesforce's upload limit per ingest job: 150 MB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 150L * 1024 * 1024;

    private final String host;
    private final int port;
    private final Optional<Path> dataDir;
    private final List<Path> schemaFiles;
    private final Duration tokenTtl;
    private final Progression progression;
    private final Clock clock;
    private final int workerThreads;
    private final long maxUploadBytes;
    private final boolean quiet;
    private final boolean allowRemote;
    private final boolean compactOnClose;

    private LocalOrgConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.dataDir = Optional.ofNullable(b.dataDir);
        this.schemaFiles = List.copyOf(b.schemaFiles);
        this.tokenTtl = b.tokenTtl;
        this.progression = b.progression;
        this.clock = b.clock;
        this.workerThreads = b.workerThreads;
        this.maxUploadBytes = b.maxUploadBytes;
        this.quiet = b.quiet;
        this.allowRemote = b.allowRemote;
        this.compactOnClose = b.compactOnClose;
    }

    /**
     * {@return a builder with the defaults: 127.0.0.1, any free port, in memory, tokens for 2 hours, jobs run at
     * once}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the defaults: in memory on a free port of 127.0.0.1} */
    public static LocalOrgConfig defaults() {
        return builder().build();
    }

    /** {@return the address to bind} */
    public String host() {
        return host;
    }

    /** {@return the port; 0 means any free port} */
    public int port() {
        return port;
    }

    /** {@return the data directory; empty means in memory} */
    public Optional<Path> dataDir() {
        return dataDir;
    }

    /** {@return extra describe JSON files with custom objects and fields} */
    public List<Path> schemaFiles() {
        return schemaFiles;
    }

    /** {@return how long an access token stays valid} */
    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** {@return how jobs progress at start (the control plane can change it)} */
    public Progression progression() {
        return progression;
    }

    /** {@return the org's clock (dates of records and jobs, token expiry, date literals)} */
    public Clock clock() {
        return clock;
    }

    /** {@return threads that process jobs} */
    public int workerThreads() {
        return workerThreads;
    }

    /** {@return the largest upload accepted per ingest job} */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /**
     * {@return whether to print nothing on start (the credentials are still written to {@code local-org.env})}
     */
    public boolean quiet() {
        return quiet;
    }

    /** {@return whether the org may bind an address beyond loopback (see {@link BindAddress})} */
    public boolean allowRemote() {
        return allowRemote;
    }

    /**
     * {@return whether {@link LocalOrg#close()} compacts the data directory's store when a quarter of its file is
     * dead space (see {@link Builder#compactOnClose(boolean)})}
     */
    public boolean compactOnClose() {
        return compactOnClose;
    }

    /** Builds a {@link LocalOrgConfig}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path dataDir;
        private final List<Path> schemaFiles = new ArrayList<>();
        private Duration tokenTtl = Duration.ofHours(2);
        private Progression progression = Progression.immediate();
        private Clock clock = Clock.systemUTC();
        private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private boolean quiet = true;
        private boolean allowRemote;
        private boolean compactOnClose;

        private Builder() {
        }

        /**
         * The address to bind (default {@code 127.0.0.1}). An address beyond loopback also needs
         * {@link #allowRemote(boolean)}.
         *
         * @param host an IP address or host name
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host == null");
            return this;
        }

        /**
         * The port (default 0: any free port).
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Keep records, jobs and results under this directory, surviving restarts (default: in memory).
         *
         * @param dataDir the directory, made if missing; {@code null} for in memory
         * @return this builder
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * Adds a describe JSON file of custom objects or fields.
         *
         * @param file a JSON file in Salesforce's sObject describe format
         * @return this builder
         */
        public Builder schemaFile(Path file) {
            this.schemaFiles.add(Objects.requireNonNull(file, "file == null"));
            return this;
        }

        /**
         * How long access tokens live (default 2 hours).
         *
         * @param ttl a positive duration
         * @return this builder
         */
        public Builder tokenTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive, got " + ttl);
            }
            this.tokenTtl = ttl;
            return this;
        }

        /**
         * How jobs progress (default: immediately).
         *
         * @param progression the rule for jobs that become ready
         * @return this builder
         */
        public Builder progression(Progression progression) {
            this.progression = Objects.requireNonNull(progression, "progression == null");
            return this;
        }

        /**
         * The org's clock (default: system UTC).
         *
         * @param clock the clock of record dates, token expiry and date literals
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * Threads that process jobs (default: the number of cores, at least 2).
         *
         * @param threads 1 or more
         * @return this builder
         */
        public Builder workerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("workerThreads must be at least 1, got " + threads);
            }
            this.workerThreads = threads;
            return this;
        }

        /**
         * The largest upload per ingest job (default 150 MB).
         *
         * @param bytes a positive number of bytes
         * @return this builder
         */
        public Builder maxUploadBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxUploadBytes must be positive, got " + bytes);
            }
            this.maxUploadBytes = bytes;
            return this;
        }

        /**
         * Print the credentials on start (default: quiet; the server's main turns this on).
         *
         * @param quiet {@code false} to print them
         * @return this builder
         */
        public Builder quiet(boolean quiet) {
            this.quiet = quiet;
            return this;
        }

        /**
         * Lets the org bind an address beyond loopback ({@code 0.0.0.0}, an interface address, a host name), which
         * exposes its OAuth endpoints, APIs and control plane to the network (default: refused).
         *
         * @param allow {@code true} to allow it
         * @return this builder
         */
        public Builder allowRemote(boolean allow) {
            this.allowRemote = allow;
            return this;
        }

        /**
         * Compacts the store of the data directory on a clean close when at least a quarter of its file (and over
         * 64 KB) is dead space (default: off). The store appends every change at the end of its file, so without
         * this the file only grows. Compacting copies the live data into a new file and renames it over the store,
         * so a process that dies meanwhile leaves the old store whole; it takes time in proportion to the live data.
         *
         * @param compact {@code true} to compact on close
         * @return this builder
         */
        public Builder compactOnClose(boolean compact) {
            this.compactOnClose = compact;
            return this;
        }

        /**
         * {@return the configuration}
         *
         * @throws IllegalArgumentException if the host is beyond loopback and {@link #allowRemote(boolean)} is off
         */
        public LocalOrgConfig build() {
            if (!allowRemote && !BindAddress.isLoopback(host)) {
                throw new IllegalArgumentException("host " + host + " is reachable from other machines; bind "
                        + "127.0.0.1, or opt in with allowRemote(true) (--allow-remote on the command line)");
            }
            return new LocalOrgConfig(this);
        }
    }
}
