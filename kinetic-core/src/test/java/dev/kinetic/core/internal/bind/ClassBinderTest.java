package dev.kinetic.core.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.bulk.RecordType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which classes can be bound, the errors for those that cannot, and the per-class cache. */
class ClassBinderTest {
    @Test
    void aClassIsBoundOnceAndCached() {
        assertThat(ClassBinder.of(Fixtures.Contact.class)).isSameAs(ClassBinder.of(Fixtures.Contact.class));
        assertThat(ClassBinder.of(Fixtures.Contact.class).properties()).extracting(Property::sfName)
                .containsExactly("Id", "LastName", "Account", "Owner", "CreatedDate");
    }

    @Test
    void anUnsupportedComponentTypeIsRefusedNamingTheComponentAndTheSupportedTypes() {
        assertThatThrownBy(() -> RecordType.of(Fixtures.WithList.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot bind " + Fixtures.WithList.class.getName() + " to Salesforce rows: "
                        + "its component 'tags' has type java.util.List; supported types: String, boolean, int");
    }

    @Test
    void interfacesAndClassesWithoutANoArgumentConstructorAreRefused() {
        assertThatThrownBy(() -> RecordType.of(Map.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.Map to Salesforce rows: it is not a record or a bean class");
        assertThatThrownBy(() -> RecordType.of(Fixtures.NoDefaultConstructor.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it is neither a record nor a bean with a no-argument constructor");
    }

    @Test
    void nestedTypesAreCheckedWhenTheTypeIsBound() {
        record Holder(String name, Fixtures.WithList inner) {
        }
        assertThatThrownBy(() -> RecordType.of(Holder.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its component 'tags' has type java.util.List");
    }
}
