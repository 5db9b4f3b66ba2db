package dev.kinetic.emulator.http.bulk;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;

/** Bulk API 2.0 ingest and query job endpoints. PLACEHOLDER: the real routes come on branch emu-jobs. */
public final class BulkRoutes implements RouteModule {
    /** @param context the org */
    public BulkRoutes(OrgContext context) {
    }

    @Override
    public void register(Routes routes) {
    }
}
