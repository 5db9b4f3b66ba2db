package dev.kinetic.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a local org may listen. Loopback addresses ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) are the
 * default and need nothing; any other address (a wildcard such as {@code 0.0.0.0}, an interface address, a host
 * name) exposes the org to the network and needs an explicit opt-in ({@link LocalOrgConfig.Builder#allowRemote}),
 * after which {@link #remoteWarning(String)} says what is reachable. Host names other than {@code localhost} are
 * never resolved here (no lookup leaves the machine) and count as remote. Thread-safe (no state).
 */
public final class BindAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BindAddress() {
    }

    /** Whether binding {@code host} keeps the org on this machine. */
    public static boolean isLoopback(String host) {
        String h = host.trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The warning printed when an org binds beyond loopback: what the network can then reach.
     *
     * @param host the address bound
     */
    public static String remoteWarning(String host) {
        return "WARNING: the local org listens on " + host + ", beyond this machine. Anyone who can reach it can "
                + "try its OAuth endpoints (password, client credentials and JWT grants), call every API with a "
                + "token, and call the control plane /__emulator/ (reset, seeding, refresh tokens, faults) with "
                + "the control secret; all of it over plain HTTP, secrets and tokens included. Bind 127.0.0.1 "
                + "unless other machines must reach it.";
    }
}
