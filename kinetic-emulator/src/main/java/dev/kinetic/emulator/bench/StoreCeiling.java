package dev.kinetic.emulator.bench;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.Schema;
import dev.kinetic.emulator.service.dml.DmlEngine;
import dev.kinetic.emulator.service.dml.DmlOperation;
import dev.kinetic.emulator.service.dml.DmlRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The store's own ceiling, for comparison with {@link EmulatorBenchmark}: the same Account rows written with plain
 * JDBC batches straight into a fresh file-backed local org database (the org's tables, indexes and H2 settings, so
 * the same durability: each commit of 10,000 rows is in the file when it returns; one connection; no HTTP, CSV
 * parsing, checks or result files), then read back once with the benchmark query's columns. No path through the Bulk
 * API can be faster than this on the same machine. {@code bench.sh} runs it after the Bulk benchmark, in a JVM like
 * the benchmark server's, and prints the ratio; {@code bench.sh --store-ceiling} runs it alone.
 */
public final class StoreCeiling {
    private static final String[] COLUMNS = {"Id", "Name", "External_Key__c", "Industry", "AnnualRevenue",
        "NumberOfEmployees", "BillingCity", "Phone", "OwnerId", "CreatedById", "LastModifiedById", "CreatedDate",
        "LastModifiedDate", "SystemModstamp", "IsDeleted"};
    private static final int BATCH = 10_000;
    private static final Pattern INSERT_RATE = Pattern.compile("^store insert: .* -> ([0-9,]+) rows/s");

    private StoreCeiling() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code --rows N} (default 1,000,000), {@code --warmup N} rows written, read and deleted first
     *     (default 0)
     */
    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        long warmup = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--warmup" -> warmup = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("kinetic-store-ceiling-");
        try (Database db = Database.inDirectory(dir, Schema.defaultOrg())) {
            String user = db.ids().next("005");
            // Preparing an insert adds the key columns and indexes that Bulk jobs write (External_Key__c's).
            new DmlEngine(db, Clock.systemUTC()).prepare(new DmlRequest("Account", DmlOperation.INSERT,
                    List.of(AccountCsv.HEADER.trim().split(",")), null, user));
            if (warmup > 0) {
                // Rounds as in the Bulk benchmark's warm-up, ended by the same rule.
                long warm = warmup;
                BenchServer.WarmUp rounds = BenchServer.warmUp(() -> {
                    insert(db, warm, user);
                    read(db);
                }, db::deleteAllRecords, BenchServer::jitMillis);
                System.out.printf(Locale.ROOT, "warm-up: %s of %,d rows written and read (JIT compiling %s of each "
                        + "round's time), each followed by deleting them and a wait for idle JIT compilers (%.1f s in "
                        + "all) (not timed)%n", rounds.count(), warmup, rounds.shares(), rounds.settledSeconds());
            }
            long cpu0 = BenchServer.processCpuNanos();
            long gc0 = BenchServer.gcMillis();
            long jit0 = BenchServer.jitMillis();
            long t0 = System.nanoTime();
            insert(db, rows, user);
            long t1 = System.nanoTime();
            long cpu1 = BenchServer.processCpuNanos();
            long gc1 = BenchServer.gcMillis();
            long jit1 = BenchServer.jitMillis();
            long read = read(db);
            long t2 = System.nanoTime();
            long cpu2 = BenchServer.processCpuNanos();
            long gc2 = BenchServer.gcMillis();
            long jit2 = BenchServer.jitMillis();
            report("store insert", rows, t1 - t0, cpu1 - cpu0, EmulatorBenchmark.gcPauses(gc0, gc1)
                    + EmulatorBenchmark.jitTime(jit0, jit1));
            report("store read  ", read, t2 - t1, cpu2 - cpu1, EmulatorBenchmark.gcPauses(gc1, gc2)
                    + EmulatorBenchmark.jitTime(jit1, jit2));
            System.out.printf(Locale.ROOT, "peak heap: %,d MB%n", BenchServer.peakHeap() / (1024 * 1024));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Runs the measurement in a JVM of its own ({@code -Xmx heap -XX:+UseParallelGC}, as the benchmark server),
     * echoing its report.
     *
     * @param when what the report's first line says of when it runs ("before the org", say)
     * @return the insert rate in rows/s, or -1 when the run failed
     */
    static double forked(String heap, long rows, long warmup, String when) throws IOException,
            InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        System.out.println("store ceiling (" + when + "): plain JDBC into a file-backed local org database (same "
                + "settings and durability as the org), separate JVM with -Xmx" + heap + " -XX:+UseParallelGC");
        Process p = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), StoreCeiling.class.getName(), "--rows", Long.toString(rows),
                "--warmup", Long.toString(warmup)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        double rate = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
                Matcher m = INSERT_RATE.matcher(line);
                if (m.find()) {
                    rate = Double.parseDouble(m.group(1).replace(",", ""));
                }
            }
        }
        return p.waitFor() == 0 ? rate : -1;
    }

    private static void insert(Database db, long rows, String user) throws Exception {
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (String c : COLUMNS) {
            cols.append(cols.length() == 0 ? "" : ", ").append(SqlNames.column(c));
            marks.append(marks.length() == 0 ? "?" : ", ?");
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                + SqlNames.table("Account") + " (" + cols + ") VALUES (" + marks + ")")) {
            c.setAutoCommit(false);
            for (long i = 0; i < rows; i++) {
                String[] v = AccountCsv.values(i);
                Timestamp now = new Timestamp(System.currentTimeMillis());
                ps.setString(1, db.ids().next("001"));
                ps.setString(2, v[0]);
                ps.setString(3, v[1]);
                ps.setString(4, v[2]);
                ps.setDouble(5, Double.parseDouble(v[3]));
                ps.setInt(6, Integer.parseInt(v[4]));
                ps.setString(7, v[5]);
                ps.setString(8, v[6]);
                ps.setString(9, user);
                ps.setString(10, user);
                ps.setString(11, user);
                ps.setTimestamp(12, now);
                ps.setTimestamp(13, now);
                ps.setTimestamp(14, now);
                ps.setBoolean(15, false);
                ps.addBatch();
                if ((i + 1) % BATCH == 0 || i == rows - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            c.setAutoCommit(true);
        }
    }

    private static long read(Database db) throws Exception {
        long n = 0;
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            s.setFetchSize(2_000);
            try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", SqlNames.column("Id"),
                    SqlNames.column("Name"), SqlNames.column("External_Key__c"), SqlNames.column("Industry"),
                    SqlNames.column("AnnualRevenue"), SqlNames.column("NumberOfEmployees"),
                    SqlNames.column("BillingCity"), SqlNames.column("Phone")) + " FROM "
                    + SqlNames.table("Account"))) {
                while (rs.next()) {
                    for (int i = 1; i <= 8; i++) {
                        rs.getString(i);
                    }
                    n++;
                }
            }
            c.commit();
            s.execute("SET LAZY_QUERY_EXECUTION FALSE");
            c.setAutoCommit(true);
        }
        return n;
    }

    private static void report(String phase, long rows, long nanos, long cpuNanos, String gc) {
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s -> %,.0f rows/s (CPU %.2f s = %,.0f rows per "
                + "CPU-second%s)%n", phase, rows, nanos / 1e9, rows / (nanos / 1e9), cpuNanos / 1e9,
                rows / (cpuNanos / 1e9), gc);
    }
}
