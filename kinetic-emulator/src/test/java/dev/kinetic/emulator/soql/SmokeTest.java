package dev.kinetic.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        try (SoqlFixture org = new SoqlFixture()) {
            org.insert("Account", SoqlFixture.record("Id", "001000000000001AAA", "Name", "Acme", "IsDeleted", false));
            System.out.println(org.query("SELECT Id, name FROM Account WHERE Name = 'ACME'"));
            QueryRunner q = (QueryRunner) org.engine.prepare("select Id, Owner.Email from account where (name like 'a%' or AnnualRevenue > 5) and CreatedDate = LAST_N_DAYS:3 order by Name desc nulls last limit 10", false);
            System.out.println(q.sql() + " " + q.params());
            for (String s : new String[] {"SELECT Id FORM Account", "SELECT Id FROM Account garbage", "SELECT Foo FROM Account", "SELECT Id FROM Foo", "SELECT Id FROM Account WHERE Name = \"x\"", "SELECT Id FROM"}) {
                SoqlException e = org.rejection(s);
                System.out.println(e.errorCode() + ": " + e.getMessage());
            }
            assertThat(org.query("SELECT Id FROM Account")).hasSize(2);
        }
    }
}
