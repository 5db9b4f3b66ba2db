package dev.kinetic.core.internal.bind;

import dev.kinetic.core.bulk.SalesforceField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/** Types bound by the binding tests: every supported component type, relationships, annotations and beans. */
final class Fixtures {
    private Fixtures() {
    }

    enum Stage { PROSPECTING, @SalesforceField("Closed Won") CLOSED_WON }

    record AllTypes(String name, boolean active, Boolean flag, int count, Integer boxedCount, long big, Long boxedBig,
                    double ratio, Double boxedRatio, BigDecimal amount, LocalDate day, Instant at,
                    OffsetDateTime offsetAt, ZonedDateTime zonedAt, LocalTime time, Stage stage) {
    }

    record AccountRef(String name, @SalesforceField("External_Key__c") String key) {
    }

    record UserRef(String name) {
    }

    record Contact(String id, String lastName, @SalesforceField("Account") AccountRef company, UserRef owner,
                   @SalesforceField(value = "CreatedDate", readOnly = true) Instant created) {
    }

    record Keyed(@SalesforceField("External_Key__c") String key, @SalesforceField("Owner.Name") String ownerName,
                 Integer numberOfEmployees) {
    }

    record NoId(String name) {
    }

    record WithList(String name, List<String> tags) {
    }

    record SelfParent(String id, String name, @SalesforceField("Parent") SelfParent parent) {
    }

    /** A bean: no-argument constructor, setters, getters; the annotation on its field. */
    public static final class AccountBean {
        private String id;
        private String name;
        @SalesforceField("External_Key__c")
        private String externalKey;
        private int numberOfEmployees;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getExternalKey() {
            return externalKey;
        }

        public void setExternalKey(String externalKey) {
            this.externalKey = externalKey;
        }

        public int getNumberOfEmployees() {
            return numberOfEmployees;
        }

        public void setNumberOfEmployees(int numberOfEmployees) {
            this.numberOfEmployees = numberOfEmployees;
        }
    }

    /** Not a bean: no no-argument constructor. */
    public static final class NoDefaultConstructor {
        public NoDefaultConstructor(String name) {
        }

        public void setName(String name) {
        }
    }
}
