package dev.kinetic.emulator.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local org's schema: the standard objects (Account, Contact, Lead, Opportunity, Case, User) from real describe
 * captures, the default org's extra Account fields, and any custom objects and fields loaded from describe JSON.
 * Object names are looked up case-insensitively. Immutable and thread-safe.
 */
public final class Schema {
    private static final List<String> STANDARD = List.of("Account", "Contact", "Lead", "Opportunity", "Case", "User");
    private static final String RESOURCES = "/dev/kinetic/emulator/schema/";

    private final Map<String, SObjectType> byLowerName;

    private Schema(Map<String, SObjectType> byLowerName) {
        this.byLowerName = Collections.unmodifiableMap(byLowerName);
    }

    /** The default org: the six standard objects plus {@code Account.External_Key__c} and {@code Account.Status__c}. */
    public static Schema defaultOrg() {
        Map<String, SObjectType> types = new LinkedHashMap<>();
        for (String name : STANDARD) {
            try (InputStream in = resource("standard/" + name + ".json")) {
                for (SObjectType t : DescribeLoader.read(in)) {
                    types.put(SObjectType.lower(t.name()), t);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the describe of " + name, e);
            }
        }
        Schema standard = new Schema(types);
        try (InputStream in = resource("default-org-custom-fields.json")) {
            return standard.merge(DescribeLoader.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the default org's custom fields", e);
        }
    }

    /**
     * Returns a schema with the objects of a describe JSON file added: a file holds one describe object or an array
     * of them. An object that exists already gains the file's fields; a new object is added whole.
     *
     * @throws IllegalArgumentException if the file is not describe JSON, naming the file and the problem
     */
    public Schema withDescribeFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return merge(DescribeLoader.read(in));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read schema file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Schema file " + file + " is not sObject describe JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Returns a schema with these objects merged in (fields added to existing objects, new objects added). */
    public Schema merge(Collection<SObjectType> extra) {
        Map<String, SObjectType> types = new LinkedHashMap<>(byLowerName);
        for (SObjectType t : extra) {
            String key = SObjectType.lower(t.name());
            SObjectType existing = types.get(key);
            types.put(key, existing == null ? withPrefix(t, types.values()) : existing.mergedWith(t));
        }
        return new Schema(types);
    }

    /** The object with this API name, compared case-insensitively. */
    public Optional<SObjectType> find(String objectName) {
        return Optional.ofNullable(byLowerName.get(SObjectType.lower(objectName)));
    }

    /** The object whose ids start with this key prefix. */
    public Optional<SObjectType> byKeyPrefix(String keyPrefix) {
        return byLowerName.values().stream().filter(t -> t.keyPrefix().equals(keyPrefix)).findFirst();
    }

    /** All objects, standard first. */
    public Collection<SObjectType> types() {
        return byLowerName.values();
    }

    // A custom object whose describe has no key prefix gets a00, a01, … a0z, like a real org's custom objects.
    private static SObjectType withPrefix(SObjectType t, Collection<SObjectType> existing) {
        if (t.keyPrefix() != null && !t.keyPrefix().isBlank()) {
            return t;
        }
        List<String> used = new ArrayList<>();
        existing.forEach(e -> used.add(e.keyPrefix()));
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < alphabet.length() * alphabet.length(); i++) {
            String prefix = "a" + alphabet.charAt(i / alphabet.length()) + alphabet.charAt(i % alphabet.length());
            if (!used.contains(prefix)) {
                return t.withKeyPrefix(prefix);
            }
        }
        throw new IllegalStateException("No key prefix left for " + t.name());
    }

    private static InputStream resource(String path) {
        InputStream in = Schema.class.getResourceAsStream(RESOURCES + path);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + RESOURCES + path);
        }
        return in;
    }
}
