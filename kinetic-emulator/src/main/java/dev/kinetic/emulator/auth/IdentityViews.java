package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.http.ApiException;
import dev.kinetic.emulator.http.rest.RecordReader;
import dev.kinetic.emulator.schema.Schema;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The two views of the calling user: OpenID Connect's {@code /services/oauth2/userinfo} and Salesforce's identity
 * URL {@code /id/{orgId}/{userId}} (the {@code id} of every token response). Thread-safe.
 */
final class IdentityViews {
    private final OrgIdentity identity;
    private final Schema schema;
    private final RecordReader records;
    private final Supplier<URI> baseUri;

    IdentityViews(OrgIdentity identity, Schema schema, RecordReader records, Supplier<URI> baseUri) {
        this.identity = identity;
        this.schema = schema;
        this.records = records;
        this.baseUri = baseUri;
    }

    /** The userinfo JSON of a user. */
    Map<String, Object> userInfo(String userId) {
        Map<String, Object> u = user(userId);
        String base = baseUri.get().toString();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sub", base + "/id/" + identity.orgId() + "/" + userId);
        out.put("user_id", userId);
        out.put("organization_id", identity.orgId());
        out.put("preferred_username", u.get("Username"));
        out.put("nickname", u.get("CommunityNickname"));
        out.put("name", u.get("Name"));
        out.put("email", u.get("Email"));
        out.put("email_verified", Boolean.TRUE);
        out.put("given_name", u.get("FirstName"));
        out.put("family_name", u.get("LastName"));
        out.put("zoneinfo", u.get("TimeZoneSidKey"));
        out.put("profile", base + "/" + userId);
        out.put("urls", urls(base, userId));
        out.put("active", u.get("IsActive"));
        out.put("user_type", "STANDARD");
        out.put("language", u.get("LanguageLocaleKey"));
        out.put("locale", u.get("LocaleSidKey"));
        out.put("utcOffset", 0);
        out.put("updated_at", u.get("LastModifiedDate"));
        return out;
    }

    /** The identity URL's JSON of a user. */
    Map<String, Object> identityUrl(String orgId, String userId) {
        if (!orgId.equalsIgnoreCase(identity.orgId()) && !orgId.equalsIgnoreCase(identity.orgId15())) {
            throw ApiException.notFound();
        }
        Map<String, Object> u = user(userId);
        String base = baseUri.get().toString();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", base + "/id/" + identity.orgId() + "/" + u.get("Id"));
        out.put("asserted_user", Boolean.TRUE);
        out.put("user_id", u.get("Id"));
        out.put("organization_id", identity.orgId());
        out.put("username", u.get("Username"));
        out.put("nick_name", u.get("CommunityNickname"));
        out.put("display_name", u.get("Name"));
        out.put("email", u.get("Email"));
        out.put("email_verified", Boolean.TRUE);
        out.put("first_name", u.get("FirstName"));
        out.put("last_name", u.get("LastName"));
        out.put("timezone", u.get("TimeZoneSidKey"));
        out.put("active", u.get("IsActive"));
        out.put("user_type", "STANDARD");
        out.put("language", u.get("LanguageLocaleKey"));
        out.put("locale", u.get("LocaleSidKey"));
        out.put("utcOffset", 0);
        out.put("last_modified_date", u.get("LastModifiedDate"));
        out.put("urls", urls(base, (String) u.get("Id")));
        return out;
    }

    private Map<String, Object> user(String userId) {
        return records.read(schema.find("User").orElseThrow(ApiException::notFound), userId)
                .orElseThrow(ApiException::notFound);
    }

    private static Map<String, String> urls(String base, String userId) {
        Map<String, String> urls = new LinkedHashMap<>();
        String data = base + "/services/data/v{version}/";
        urls.put("rest", data);
        urls.put("sobjects", data + "sobjects/");
        urls.put("query", data + "query/");
        urls.put("limits", data + "limits/");
        urls.put("profile", base + "/" + userId);
        urls.put("custom_domain", base);
        return urls;
    }
}
