package dev.kinetic.core.samples;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.auth.JwtAuthenticator;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.SalesforceField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Typed records: insert Java records, link them by external id, and query them back into records. */
public final class TypedRecordsSample {
    private TypedRecordsSample() {
    }

    /** An account to load; {@code key} is the external id field {@code External_Key__c}. */
    public record Account(@SalesforceField("External_Key__c") String key, String name, String industry,
                          BigDecimal annualRevenue) {
    }

    /** A contact to load, linked to its account by the account's external id. */
    public record NewContact(String firstName, String lastName, LocalDate birthdate,
                             @SalesforceField("Account") AccountKey account) {
    }

    /** The relationship column {@code Account.External_Key__c}. */
    public record AccountKey(@SalesforceField("External_Key__c") String key) {
    }

    /** A contact as queried, with its account's name ({@code Account.Name}) and when it was created. */
    public record Contact(String id, String firstName, String lastName, LocalDate birthdate,
                          @SalesforceField(readOnly = true) Instant createdDate,
                          @SalesforceField(value = "Account", readOnly = true) AccountName account) {
    }

    /** The parent fields a contact query reads. */
    public record AccountName(String name) {
    }

    /**
     * Runs the sample against the org of the SF_* variables.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (SalesforceClient client = SalesforceClient.connect(JwtAuthenticator.fromEnv())) {
            run(client);
        }
    }

    /**
     * Inserts two accounts and three contacts from records, then reads the contacts back.
     *
     * @param client a connected client
     * @return the contacts, by last name
     */
    public static List<Contact> run(SalesforceClient client) {
        List<Account> accounts = List.of(
                new Account("ACME", "Acme Corp", "Technology", new BigDecimal("1250000.50")),
                new Account("GLOBAL", "Global Inc", "Finance", null));
        client.bulk().insert("Account", BulkInput.ofObjects(accounts));

        List<NewContact> contacts = List.of(
                new NewContact("Ada", "Lovelace", LocalDate.of(1815, 12, 10), new AccountKey("ACME")),
                new NewContact("Alan", "Turing", LocalDate.of(1912, 6, 23), new AccountKey("GLOBAL")),
                new NewContact("Grace", "Hopper", null, new AccountKey("NO-SUCH-KEY")));
        BulkResult result = client.bulk().insert("Contact", BulkInput.ofObjects(contacts));
        for (BulkRecord failed : result.failedRecords()) {
            NewContact input = contacts.get((int) failed.inputIndex());     // the input object back
            System.out.println("✗ " + input.lastName() + ": " + failed.error().orElse(""));
        }

        List<Contact> loaded = client.bulk().query("""
                SELECT Id, FirstName, LastName, Birthdate, CreatedDate, Account.Name
                FROM Contact
                WHERE Account.External_Key__c IN ('ACME', 'GLOBAL')
                ORDER BY LastName
                """, Contact.class);
        for (Contact c : loaded) {
            System.out.println(c.firstName() + " " + c.lastName() + " (" + c.birthdate() + ") works at "
                    + c.account().name());
        }
        return loaded;
    }
}
