package dev.kinetic.core.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.core.internal.http.HttpTransport;
import dev.kinetic.core.internal.http.Request;
import dev.kinetic.core.schema.SObjectDescribe;
import dev.kinetic.core.schema.SObjectField;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads {@code GET /sobjects/{object}/describe} into an {@link SObjectDescribe}. Thread-safe. */
public final class DescribeReader {
    private final HttpTransport http;

    /** @param http the client's transport (retries, re-authentication) */
    public DescribeReader(HttpTransport http) {
        this.http = Objects.requireNonNull(http, "http == null");
    }

    /** Reads one object's describe; an unknown object throws the org's 404 as a {@code BulkApiException}. */
    public SObjectDescribe describe(String object) {
        Objects.requireNonNull(object, "object == null");
        if (object.isBlank()) {
            throw new IllegalArgumentException("The object name is empty; give an API name such as Account");
        }
        JsonNode n = http.sendJson(Request.get("/sobjects/" + URLEncoder.encode(object, StandardCharsets.UTF_8)
                + "/describe"), "the describe of " + object);
        return parse(n);
    }

    static SObjectDescribe parse(JsonNode n) {
        List<SObjectField> fields = new ArrayList<>();
        for (JsonNode f : n.path("fields")) {
            List<String> refs = new ArrayList<>();
            f.path("referenceTo").forEach(r -> refs.add(r.asText()));
            String rel = f.path("relationshipName").isTextual() ? f.path("relationshipName").asText() : null;
            fields.add(SObjectField.builder(f.path("name").asText(), f.path("type").asText("string"))
                    .length(f.path("length").asInt(0))
                    .digits(f.path("precision").asInt(0), f.path("scale").asInt(0))
                    .flags(f.path("nillable").asBoolean(false), f.path("createable").asBoolean(false),
                            f.path("updateable").asBoolean(false))
                    .keys(f.path("externalId").asBoolean(false), f.path("idLookup").asBoolean(false))
                    .reference(rel, refs)
                    .build());
        }
        String name = n.path("name").asText();
        return new SObjectDescribe(name, n.path("label").asText(name), fields);
    }
}
