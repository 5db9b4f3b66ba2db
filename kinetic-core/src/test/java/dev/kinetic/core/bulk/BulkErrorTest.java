package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BulkErrorTest {
    private static BulkError parse(String sfError) {
        return BulkError.of(BulkRecord.of(List.of("sf__Id", "sf__Error", "Name"), List.of("", sfError, "x"), 7));
    }

    @Test
    void parsesCodeMessageAndFields() {
        BulkError e = parse("REQUIRED_FIELD_MISSING:Required fields are missing: [Product__c, Broker__c]:Product__c,Broker__c --");
        assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(e.message()).isEqualTo("Required fields are missing: [Product__c, Broker__c]");
        assertThat(e.fields()).containsExactly("Product__c", "Broker__c");
        assertThat(e.inputIndex()).isEqualTo(7);
        assertThat(e.record().get("Name")).isEqualTo("x");
    }

    @Test
    void messagesWithColonsAndNoFieldsKeepTheirText() {
        BulkError e = parse("DUPLICATE_VALUE:duplicate value found: Data_Warehouse_ID__c duplicates value on record "
                + "with id: 500Ox000008nUimIAE:--");
        assertThat(e.errorCode()).isEqualTo("DUPLICATE_VALUE");
        assertThat(e.message()).isEqualTo("duplicate value found: Data_Warehouse_ID__c duplicates value on record "
                + "with id: 500Ox000008nUimIAE");
        assertThat(e.fields()).isEmpty();
    }

    @Test
    void freeFormTextIsKeptAsCode() {
        BulkError e = parse("something odd");
        assertThat(e.errorCode()).isEqualTo("something odd");
        assertThat(e.message()).isEmpty();
    }
}
