package dev.kinetic.core.internal.bind;

import java.lang.invoke.MethodHandle;

/**
 * One component of a bound class: its Java and Salesforce names, its type, how it is read and set, and how a CSV
 * value becomes its value ({@code parser} is null for a nested record).
 *
 * @param javaName the component or property name
 * @param sfName the Salesforce field, relationship or column name it matches
 * @param type its Java type
 * @param readOnly never sent by ingest
 * @param parser CSV text to value, for a scalar; null for a nested record
 * @param getter {@code (Object) -> Object}, or null for a bean property without a getter
 * @param setter {@code (Object, Object) -> void} for a bean property; null for a record component
 */
record Property(String javaName, String sfName, Class<?> type, boolean readOnly, ValueParser.Parser parser,
                MethodHandle getter, MethodHandle setter) {

    boolean nested() {
        return parser == null;
    }

    boolean isId() {
        return sfName.equalsIgnoreCase("Id");
    }

    /** Reads the value from an object of the bound class. */
    Object get(Object target) {
        try {
            return getter.invoke(target);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Reading " + javaName + " failed: " + t, t);
        }
    }
}
