package dev.kinetic.emulator.http.bulk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.Json;
import dev.kinetic.emulator.service.jobs.JobPage;
import dev.kinetic.emulator.state.JobInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the small JSON request bodies of job calls and renders job lists. Stateless. */
final class BulkJson {
    private BulkJson() {
    }

    /** Parses a JSON object; malformed JSON is 400 API_ERROR with the position, as Salesforce answers. */
    static JsonNode object(InputStream body) {
        try (InputStream in = body) {
            JsonNode node = Json.MAPPER.readTree(in);
            if (node == null || !node.isObject()) {
                throw new ApiException(400, "API_ERROR", "The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at [line:" + at.getLineNr() + ", column:" + at.getColumnNr() + "]";
            throw new ApiException(400, "API_ERROR", "Malformed JSON in the request body" + where + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "API_ERROR", "The request body could not be read: " + e.getMessage());
        }
    }

    /** A text property, or null when absent or JSON null. */
    static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A job list response: done, records, nextRecordsUrl. */
    static Map<String, Object> list(JobPage page, String listPath) {
        List<Object> records = new ArrayList<>();
        for (JobInfo info : page.jobs()) {
            records.add(JobInfoJson.render(info, JobInfoJson.Form.LIST));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", page.nextLocator().isEmpty());
        m.put("records", records);
        m.put("nextRecordsUrl", page.nextLocator().map(l -> listPath + "?queryLocator=" + l).orElse(null));
        return m;
    }
}
