package dev.kinetic.emulator.http.bulk;

import dev.kinetic.emulator.service.dml.DmlBatchWriter;
import dev.kinetic.emulator.service.dml.DmlJobFailure;
import dev.kinetic.emulator.service.dml.DmlRequest;
import dev.kinetic.emulator.service.dml.DmlRowResult;
import dev.kinetic.emulator.service.jobs.QueryPlanner;
import dev.kinetic.emulator.service.jobs.RowWriterFactory;
import dev.kinetic.emulator.soql.PreparedQuery;
import dev.kinetic.emulator.soql.RowSink;
import dev.kinetic.emulator.soql.SoqlException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in engines that make the job machinery's behaviour visible: the writer saves every row except those with a
 * cell {@code FAIL}, a batch with a cell {@code BOOM} fails as a whole (as when the database fails), a header cell
 * {@code Bogus} fails the job, and batches can be held back with a gate. The query
 * planner answers {@code rows:N} with N generated rows (some with quotes and line breaks in their values), and
 * {@code rows:N/cut:C} with the same rows read in two parts, before and after row C.
 */
final class FakeEngines implements RowWriterFactory, QueryPlanner {
    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger serial = new AtomicInteger();
    volatile Semaphore gate;
    volatile CountDownLatch firstBatchStarted = new CountDownLatch(1);

    @Override
    public DmlBatchWriter prepare(DmlRequest request) throws DmlJobFailure {
        for (String h : request.header()) {
            if (h.equals("Bogus")) {
                throw new DmlJobFailure("InvalidBatch : Field name not found : Bogus");
            }
        }
        return rows -> {
            holdAtGate();
            for (String[] row : rows) {
                if (Arrays.asList(row).contains("BOOM")) {
                    throw new IllegalStateException("the store failed under BOOM");
                }
            }
            batches.incrementAndGet();
            List<DmlRowResult> out = new ArrayList<>();
            for (String[] row : rows) {
                if (Arrays.asList(row).contains("FAIL")) {
                    out.add(new DmlRowResult(false, "", false, "FIELD_CUSTOM_VALIDATION_EXCEPTION:no FAIL here:--",
                            Arrays.asList(row)));
                } else {
                    out.add(new DmlRowResult(true, String.format("001Kc%013d", serial.incrementAndGet()),
                            true, null, Arrays.asList(row)));
                }
            }
            return out;
        };
    }

    // Holds a batch or a query at the gate, when one is set.
    private void holdAtGate() {
        firstBatchStarted.countDown();
        Semaphore g = gate;
        if (g != null) {
            try {
                g.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held at the gate", e);
            }
        }
    }

    /** Rows a query produces before it stops at the gate. */
    static final class QueryGate {
        static final int ROWS = 5_000;
    }

    @Override
    public PreparedQuery prepare(String soql, boolean queryAll) throws SoqlException {
        if (!soql.startsWith("rows:")) {
            throw new SoqlException("MALFORMED_QUERY", "unexpected token: '" + soql + "'");
        }
        String[] spec = soql.substring(5).split("/cut:");
        long n = Long.parseLong(spec[0]);
        return new FakeQuery(0, n, spec.length > 1 ? Long.parseLong(spec[1]) : -1, queryAll);
    }

    // Rows [from, to); with a cut, split(2) answers the two ranges either side of it.
    private final class FakeQuery implements PreparedQuery {
        private final long from;
        private final long to;
        private final long cut;
        private final boolean queryAll;

        FakeQuery(long from, long to, long cut, boolean queryAll) {
            this.from = from;
            this.to = to;
            this.cut = cut;
            this.queryAll = queryAll;
        }

        @Override
        public String objectName() {
            return "Account";
        }

        @Override
        public List<String> columns() {
            return List.of("Id", "Name", "Description");
        }

        @Override
        public List<PreparedQuery> split(int parts) {
            return cut < 0 || parts < 2 ? List.of(this)
                    : List.of(new FakeQuery(from, cut, -1, queryAll), new FakeQuery(cut, to, -1, queryAll));
        }

        @Override
        public long run(RowSink sink) throws java.io.IOException {
            for (long i = from; i < to; i++) {
                if (i == QueryGate.ROWS) {
                    holdAtGate();
                }
                String note = queryAll ? "all" : i % 7 == 0 ? "line one\nline \"two\"" : "";
                sink.row(new String[] {"001Kc" + i, "Account " + i, note});
            }
            return to - from;
        }
    }
}
