package dev.kinetic.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.SalesforceClient;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans every public type of the library outside {@code internal} by reflection: no public or protected member,
 * supertype, nested type or type argument may name a type from {@code dev.kinetic.core.internal} or from a
 * third-party library (Jackson, FastCSV), so that the public API can be kept while the internals change.
 */
class PublicApiTest {
    private static final List<String> FORBIDDEN = List.of("dev.kinetic.core.internal.", "com.fasterxml.",
            "de.siegmar.");

    @Test
    void noPublicSignatureReachesAnInternalOrThirdPartyType() throws Exception {
        List<Class<?>> api = publicApiClasses();
        assertThat(api).extracting(Class::getName).contains("dev.kinetic.core.SalesforceClient",
                "dev.kinetic.core.bulk.BulkClient", "dev.kinetic.core.bulk.BulkJob",
                "dev.kinetic.core.bulk.BulkInput$CsvFile", "dev.kinetic.core.bulk.BulkInput$TypedObjects",
                "dev.kinetic.core.bulk.RecordType", "dev.kinetic.core.bulk.SalesforceField",
                "dev.kinetic.core.bulk.RecordMappingException");
        Set<String> leaks = new TreeSet<>();
        for (Class<?> c : api) {
            check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(c.getName() + " implements", t, leaks);
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic()) {
                    checkExecutable(c.getName() + "." + m.getName(), m, leaks);
                    check(c.getName() + "." + m.getName() + " returns", m.getGenericReturnType(), leaks);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && !k.isSynthetic()) {
                    checkExecutable(c.getName() + ".<init>", k, leaks);
                }
            }
        }
        assertThat(leaks).as("public signatures that name internal or third-party types").isEmpty();
    }

    @Test
    void theScanFindsALeakWhenThereIsOne() {
        Set<String> leaks = new TreeSet<>();
        check("example", dev.kinetic.core.internal.ClientConfig.class, leaks);
        check("wrapped", new Object() {
            @SuppressWarnings("unused")
            public List<? extends com.fasterxml.jackson.databind.JsonNode> nodes() {
                return List.of();
            }
        }.getClass().getMethods()[0].getGenericReturnType(), leaks);
        assertThat(leaks).containsExactly("example: dev.kinetic.core.internal.ClientConfig",
                "wrapped: com.fasterxml.jackson.databind.JsonNode");
    }

    /**
     * A record's components are its binary interface: adding one breaks every caller. Results and job info are final
     * classes instead; only the variants of the sealed {@code BulkInput} (closed, made by its factories) are records.
     */
    @Test
    void resultTypesAreFinalClassesThatCanGrowNotRecords() throws Exception {
        List<Class<?>> api = publicApiClasses();
        assertThat(api.stream().filter(Class::isRecord).map(Class::getName))
                .as("public records outside the sealed BulkInput")
                .allMatch(n -> n.startsWith("dev.kinetic.core.bulk.BulkInput$"));
        for (String name : List.of("BulkError", "BulkQueryResult", "BulkExportResult", "BulkJobPage", "BulkJob")) {
            Class<?> c = Class.forName("dev.kinetic.core.bulk." + name);
            assertThat(Modifier.isFinal(c.getModifiers())).as(name + " is final").isTrue();
            assertThat(Stream.of(c.getConstructors())).as(name + " has no public constructor").isEmpty();
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void checkExecutable(String where, Executable e, Set<String> leaks) {
        for (Type t : e.getGenericParameterTypes()) {
            check(where + " parameter", t, leaks);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(where + " throws", t, leaks);
        }
    }

    private static void check(String where, Type type, Set<String> leaks) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            String name = element.getName();
            if (FORBIDDEN.stream().anyMatch(name::startsWith)) {
                leaks.add(where + ": " + name);
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), leaks);
            for (Type a : p.getActualTypeArguments()) {
                check(where, a, leaks);
            }
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> check(where, b,
                    leaks));
        } else if (type instanceof GenericArrayType g) {
            check(where, g.getGenericComponentType(), leaks);
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(where, b, leaks);
            }
        }
    }

    /** The public (and protected nested) classes of the library's main output outside {@code internal}. */
    private static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SalesforceClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.startsWith("dev.kinetic.core.internal.") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (isReachable(c)) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }

    private static boolean isReachable(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!visible(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
