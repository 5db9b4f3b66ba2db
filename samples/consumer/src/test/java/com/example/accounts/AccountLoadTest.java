package com.example.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.BulkQueryResult;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.emulator.junit.FaultSpec;
import dev.kinetic.emulator.junit.InjectedFault;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a team writes to test its own Salesforce loading code without a Salesforce org. */
@LocalOrgTest
class AccountLoadTest {
    @Test
    void insertsAccountsAndQueriesThemBack(SalesforceClient client) {
        BulkResult inserted = client.bulk().insert("Account", List.of(
                Map.of("Name", "Acme Corp", "Industry", "Technology"),
                Map.of("Name", "Global Inc", "Industry", "Finance")));
        assertEquals(2, inserted.successCount());

        BulkQueryResult accounts = client.bulk().query("SELECT Name, Industry FROM Account ORDER BY Name");
        assertEquals(List.of("Acme Corp/Technology", "Global Inc/Finance"), accounts.records().stream()
                .map(account -> account.get("Name") + "/" + account.get("Industry"))
                .toList());
    }

    @Test
    void startsFromAnEmptyOrgAndSurvivesAFailedUpload(SalesforceClient client, LocalOrgControl control) {
        assertEquals(0, client.bulk().query("SELECT Id FROM Account").recordCount());
        InjectedFault fault = control.inject(FaultSpec.onUploads().respond(503).times(1));

        BulkResult inserted = client.bulk().insert("Account", List.of(Map.of("Name", "Despite the 503")));

        assertEquals(1, fault.injections());
        assertEquals(1, inserted.successCount());
    }
}
