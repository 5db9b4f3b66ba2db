package dev.kinetic.emulator.control;

import dev.kinetic.emulator.OrgContext;
import dev.kinetic.emulator.http.RouteModule;
import dev.kinetic.emulator.http.Routes;
import java.util.List;

/** The control plane under {@code /__emulator/}. PLACEHOLDER: the real routes come on branch emu-http. */
public final class ControlRoutes implements RouteModule {
    /**
     * @param context the org
     * @param modules every other module, reset by {@code POST /__emulator/reset}
     */
    public ControlRoutes(OrgContext context, List<RouteModule> modules) {
    }

    @Override
    public void register(Routes routes) {
    }
}
