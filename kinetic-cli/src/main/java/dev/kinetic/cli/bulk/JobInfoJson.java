package dev.kinetic.cli.bulk;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JobInfo as a plain map for the command's {@code --json} output. */
public final class JobInfoJson {
    private JobInfoJson() {
    }

    /** The job's JSON fields, in the org's order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JobInfo job) {
        return new LinkedHashMap<>(BulkHttp.json().convertValue(job.json(), Map.class));
    }
}
