package dev.kinetic.core.internal.bind;

import dev.kinetic.core.bulk.SalesforceField;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A record or bean class bound once (and cached per class): its properties in declaration order, found by name
 * ignoring case, and how to create an instance from property values. Immutable and thread-safe.
 */
public final class ClassBinder {
    private static final ClassValue<ClassBinder> CACHE = new ClassValue<>() {
        @Override
        protected ClassBinder computeValue(Class<?> type) {
            return new ClassBinder(type);
        }
    };
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final Class<?> type;
    private final List<Property> properties;
    private final Map<String, Integer> byName = new HashMap<>();
    private final MethodHandle creator;
    private final boolean record;

    private ClassBinder(Class<?> type) {
        this.type = type;
        this.record = type.isRecord();
        if (type.isInterface() || type.isPrimitive() || type.isArray() || type.isEnum()
                || Modifier.isAbstract(type.getModifiers())) {
            throw refused("it is not a record or a bean class");
        }
        this.properties = record ? recordProperties() : beanProperties();
        if (properties.isEmpty()) {
            throw refused("it has no " + (record ? "components" : "public setters"));
        }
        for (int i = 0; i < properties.size(); i++) {
            if (byName.putIfAbsent(properties.get(i).sfName().toLowerCase(Locale.ROOT), i) != null) {
                throw refused("two properties match the field " + properties.get(i).sfName()
                        + "; name one with @SalesforceField");
            }
        }
        this.creator = record ? canonicalConstructor() : noArgConstructor();
    }

    /**
     * The binder of a class, built on first use.
     *
     * @throws IllegalArgumentException naming the class, the component and the way out if it cannot be bound
     */
    public static ClassBinder of(Class<?> type) {
        return CACHE.get(type);
    }

    /**
     * Binds a class and every nested record class it reaches, so that a type that cannot be bound is refused
     * before anything is sent.
     *
     * @throws IllegalArgumentException naming the class, the component and the way out
     */
    public static void check(Class<?> type) {
        check(type, new java.util.HashSet<>());
    }

    private static void check(Class<?> type, java.util.Set<Class<?>> seen) {
        if (seen.add(type)) {
            for (Property p : of(type).properties) {
                if (p.nested()) {
                    check(p.type(), seen);
                }
            }
        }
    }

    Class<?> type() {
        return type;
    }

    List<Property> properties() {
        return properties;
    }

    /** The index of the property matching a field name ignoring case, or -1. */
    int indexOf(String sfName) {
        Integer i = byName.get(sfName.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /** Creates an instance from one value per property, in property order. */
    Object create(Object[] values) throws Throwable {
        if (record) {
            return creator.invoke(values);
        }
        Object bean = creator.invoke();
        for (int i = 0; i < values.length; i++) {
            Property p = properties.get(i);
            if (values[i] != null || !p.type().isPrimitive()) {
                p.setter().invoke(bean, values[i]);
            }
        }
        return bean;
    }

    private List<Property> recordProperties() {
        List<Property> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            SalesforceField f = c.getAnnotation(SalesforceField.class);
            MethodHandle getter = unreflect(c.getAccessor(), c.getName()).asType(GETTER);
            out.add(property(c.getName(), c.getType(), f, getter, null));
        }
        return out;
    }

    private List<Property> beanProperties() {
        Map<String, Method> setters = new LinkedHashMap<>();
        Map<String, Method> getters = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isBridge()) {
                continue;
            }
            String n = m.getName();
            if (n.length() > 3 && n.startsWith("set") && m.getParameterCount() == 1) {
                setters.put(decapitalize(n.substring(3)), m);
            } else if (m.getParameterCount() == 0 && n.length() > 3 && n.startsWith("get")
                    && !n.equals("getClass")) {
                getters.put(decapitalize(n.substring(3)), m);
            } else if (m.getParameterCount() == 0 && n.length() > 2 && n.startsWith("is")
                    && m.getReturnType() == boolean.class) {
                getters.putIfAbsent(decapitalize(n.substring(2)), m);
            }
        }
        List<String> names = new ArrayList<>(setters.keySet());
        List<String> fieldOrder = declaredFieldNames();
        names.sort((a, b) -> Integer.compare(order(fieldOrder, a), order(fieldOrder, b)) != 0
                ? Integer.compare(order(fieldOrder, a), order(fieldOrder, b)) : a.compareTo(b));
        List<Property> out = new ArrayList<>();
        for (String name : names) {
            Method set = setters.get(name);
            Method get = getters.get(name);
            Class<?> t = set.getParameterTypes()[0];
            SalesforceField f = annotation(set, get, name);
            MethodHandle getter = get == null || get.getReturnType() != t ? null
                    : unreflect(get, name).asType(GETTER);
            out.add(property(name, t, f, getter, unreflect(set, name).asType(SETTER)));
        }
        return out;
    }

    private Property property(String name, Class<?> t, SalesforceField f, MethodHandle getter, MethodHandle setter) {
        if (!ValueParser.isScalar(t) && (t.isPrimitive() || t.isArray() || t.isInterface() || t.isEnum()
                || t.getName().startsWith("java."))) {
            throw refused("its component '" + name + "' has type " + t.getName() + "; supported types: "
                    + ValueParser.SUPPORTED);
        }
        // Salesforce's standard names are the Java names capitalized (numberOfEmployees is NumberOfEmployees)
        String sfName = f != null && !f.value().isEmpty() ? f.value()
                : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        ValueParser.Parser parser = ValueParser.isScalar(t) ? ValueParser.forType(t) : null;
        return new Property(name, sfName, t, f != null && f.readOnly(), parser, getter, setter);
    }

    private SalesforceField annotation(Method set, Method get, String name) {
        SalesforceField f = set.getAnnotation(SalesforceField.class);
        if (f == null && get != null) {
            f = get.getAnnotation(SalesforceField.class);
        }
        for (Class<?> k = type; f == null && k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field field : k.getDeclaredFields()) {
                if (field.getName().equalsIgnoreCase(name)) {
                    f = field.getAnnotation(SalesforceField.class);
                }
            }
        }
        return f;
    }

    private List<String> declaredFieldNames() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            chain.add(k);
        }
        Collections.reverse(chain);
        List<String> out = new ArrayList<>();
        for (Class<?> k : chain) {
            for (Field f : k.getDeclaredFields()) {
                out.add(f.getName().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static int order(List<String> fieldOrder, String name) {
        int i = fieldOrder.indexOf(name.toLowerCase(Locale.ROOT));
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private MethodHandle canonicalConstructor() {
        RecordComponent[] cs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
        }
        try {
            Constructor<?> k = type.getDeclaredConstructor(types);
            return unreflect(k).asSpreader(Object[].class, cs.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException e) {
            throw refused("its canonical constructor is missing");
        }
    }

    private MethodHandle noArgConstructor() {
        try {
            return unreflect(type.getDeclaredConstructor()).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw refused("it is neither a record nor a bean with a no-argument constructor");
        }
    }

    private MethodHandle unreflect(Method m, String property) {
        try {
            open(m);
            return MethodHandles.lookup().unreflect(m);
        } catch (IllegalAccessException | InaccessibleObjectException | SecurityException e) {
            throw unreachable("'" + property + "'", e);
        }
    }

    private MethodHandle unreflect(Constructor<?> k) {
        try {
            open(k);
            return MethodHandles.lookup().unreflectConstructor(k);
        } catch (IllegalAccessException | InaccessibleObjectException | SecurityException e) {
            throw unreachable("the constructor", e);
        }
    }

    private static void open(AccessibleObject o) {
        o.setAccessible(true);
    }

    private IllegalArgumentException unreachable(String what, Exception e) {
        return new IllegalArgumentException("Cannot bind " + type.getName() + ": " + what + " cannot be reached ("
                + e.getMessage() + "); make the type public, or on the module path export or open its package "
                + "to dev.kinetic.core", e);
    }

    private IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("Cannot bind " + type.getName() + " to Salesforce rows: " + why
                + ". Use a record (canonical constructor) or a bean (no-argument constructor and setters) with "
                + "components of type " + ValueParser.SUPPORTED);
    }

    private static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
