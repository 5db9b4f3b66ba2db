package dev.kinetic.emulator.db;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.PicklistValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stored form of a multi-select picklist value: its {@code ;}-separated items trimmed, empty items and repeats
 * dropped, the field's own values first in the order the field defines them (matched ignoring case), then values it
 * does not define (an unrestricted picklist keeps them) in the order given. A write and an {@code =} filter use the
 * same form, so that {@code 'b;a'} equals a stored {@code 'a;b'}. Stateless and thread-safe.
 */
public final class MultiPicklistValues {
    private MultiPicklistValues() {
    }

    /** The items of a value, trimmed, without empty items or repeats, in the order given. */
    public static List<String> items(String value) {
        Set<String> items = new LinkedHashSet<>();
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == ';') {
                String item = value.substring(start, i).trim();
                if (!item.isEmpty()) {
                    items.add(item);
                }
                start = i + 1;
            }
        }
        return List.copyOf(items);
    }

    /** The stored form of a value of this field; empty when it has no items. */
    public static String normalize(FieldDef field, String value) {
        List<String> items = new ArrayList<>(items(value));
        List<String> ordered = new ArrayList<>(items.size());
        for (PicklistValue defined : field.picklistValues()) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).equalsIgnoreCase(defined.value())) {
                    ordered.add(items.remove(i));
                    break;
                }
            }
        }
        ordered.addAll(items);
        return String.join(";", ordered);
    }
}
