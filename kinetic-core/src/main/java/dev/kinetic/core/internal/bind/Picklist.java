package dev.kinetic.core.internal.bind;

import dev.kinetic.core.bulk.SalesforceField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An enum as picklist values: each constant's text is its {@link SalesforceField} value or its name. Read exactly,
 * then ignoring case. Built once per enum class.
 */
final class Picklist {
    private static final ClassValue<Picklist> CACHE = new ClassValue<>() {
        @Override
        protected Picklist computeValue(Class<?> type) {
            return new Picklist(type);
        }
    };

    private final Class<?> type;
    private final Map<String, Object> exact = new HashMap<>();
    private final Map<String, Object> folded = new HashMap<>();
    private final Map<Object, String> text = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    private Picklist(Class<?> type) {
        this.type = type;
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            SalesforceField f;
            try {
                f = type.getField(name).getAnnotation(SalesforceField.class);
            } catch (NoSuchFieldException e) {
                f = null;
            }
            String t = f != null && !f.value().isEmpty() ? f.value() : name;
            exact.put(t, constant);
            folded.putIfAbsent(t.toLowerCase(Locale.ROOT), constant);
            text.put(constant, t);
            texts.add(t);
        }
    }

    static Picklist of(Class<?> enumType) {
        return CACHE.get(enumType);
    }

    Object parse(String value) {
        Object c = exact.get(value);
        if (c == null) {
            c = folded.get(value.toLowerCase(Locale.ROOT));
        }
        if (c == null) {
            throw new IllegalArgumentException("not a value of enum " + type.getSimpleName() + " " + texts);
        }
        return c;
    }

    /** The picklist text of a constant. */
    String text(Object constant) {
        return text.get(constant);
    }
}
