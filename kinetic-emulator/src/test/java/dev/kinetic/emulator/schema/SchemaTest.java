package dev.kinetic.emulator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
    private final Schema schema = Schema.defaultOrg();

    @Test
    void loadsTheSixStandardObjectsWithTheirKeyPrefixes() {
        assertThat(schema.find("account").orElseThrow().keyPrefix()).isEqualTo("001");
        assertThat(schema.find("Contact").orElseThrow().keyPrefix()).isEqualTo("003");
        assertThat(schema.find("Lead").orElseThrow().keyPrefix()).isEqualTo("00Q");
        assertThat(schema.find("Opportunity").orElseThrow().keyPrefix()).isEqualTo("006");
        assertThat(schema.find("Case").orElseThrow().keyPrefix()).isEqualTo("500");
        assertThat(schema.find("User").orElseThrow().keyPrefix()).isEqualTo("005");
        assertThat(schema.byKeyPrefix("003").orElseThrow().name()).isEqualTo("Contact");
    }

    @Test
    void knowsRequiredFieldsAndRelationships() {
        SObjectType contact = schema.find("Contact").orElseThrow();
        assertThat(contact.field("lastname").orElseThrow().requiredOnCreate()).isTrue();
        assertThat(contact.field("FirstName").orElseThrow().requiredOnCreate()).isFalse();
        assertThat(contact.relationship("account").orElseThrow().name()).isEqualTo("AccountId");
        assertThat(contact.field("Email").orElseThrow().idLookup()).isTrue();
        assertThat(contact.field("MailingAddress").orElseThrow().stored()).isFalse();
    }

    @Test
    void defaultOrgHasTheQuickStartFields() {
        SObjectType account = schema.find("Account").orElseThrow();
        FieldDef key = account.field("External_Key__c").orElseThrow();
        assertThat(key.externalId()).isTrue();
        assertThat(key.unique()).isTrue();
        assertThat(account.field("Status__c").orElseThrow().type()).isEqualTo(FieldType.STRING);
        assertThat(account.field("Name").orElseThrow().requiredOnCreate()).isTrue();
    }

    @Test
    void addsCustomObjectsFromDescribeJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("custom.json");
        Files.writeString(file, """
                {"name":"Invoice__c","label":"Invoice","custom":true,"fields":[
                  {"name":"Id","type":"id","nillable":false,"createable":false,"defaultedOnCreate":true},
                  {"name":"Name","type":"string","length":80,"nillable":false,"createable":true,"nameField":true},
                  {"name":"Account__c","type":"reference","referenceTo":["Account"],"relationshipName":"Account__r"},
                  {"name":"Paid__c","type":"boolean","nillable":false,"defaultValue":true}
                ]}""");
        Schema extended = schema.withDescribeFile(file);
        SObjectType invoice = extended.find("invoice__c").orElseThrow();
        assertThat(invoice.keyPrefix()).startsWith("a").hasSize(3);
        assertThat(invoice.relationship("Account__r").orElseThrow().referenceTo()).containsExactly("Account");
        assertThat(invoice.field("Paid__c").orElseThrow().defaultValue()).isEqualTo("true");
        assertThat(invoice.field("Name").orElseThrow().defaultValue()).isNull();
    }

    @Test
    void namesTheFileWhenItIsNotDescribeJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[{\"label\":\"no name\"}]");
        assertThatThrownBy(() -> schema.withDescribeFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("no \"name\"");
    }
}
