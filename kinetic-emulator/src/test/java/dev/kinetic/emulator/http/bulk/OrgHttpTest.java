package dev.kinetic.emulator.http.bulk;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class with one in-memory local org for all its tests, spoken to over raw HTTP through {@link OrgQueries}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrgHttpTest {
    /** The org of this test class. */
    OrgQueries org;

    @BeforeAll
    final void startOrg() throws Exception {
        org = OrgQueries.start();
        seed();
    }

    /** Writes the records the tests of the class share; none by default. */
    void seed() throws Exception {
    }

    @AfterAll
    final void stopOrg() throws Exception {
        org.close();
    }

    /** The names of the accounts that match a WHERE condition, sorted by name. */
    List<String> accountNames(String where) throws Exception {
        return org.column("SELECT Name FROM Account WHERE " + where + " ORDER BY Name");
    }
}
