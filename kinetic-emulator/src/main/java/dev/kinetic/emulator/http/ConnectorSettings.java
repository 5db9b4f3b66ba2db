package dev.kinetic.emulator.http;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * How the org's HTTP connector parses requests, set to what Salesforce's front end accepts: empty path segments
 * ({@code //services/data/v62.0}, which the Salesforce CLI sends when an instance URL ends in a slash) and up to
 * 16,384 bytes of request line and headers (beyond that: 431). Jetty's error pages are replaced by
 * {@link JsonErrorHandler}. Not instantiable.
 */
final class ConnectorSettings {
    /** Salesforce's documented limit on URI plus headers. */
    static final int MAX_REQUEST_HEADER_BYTES = 16_384;

    private ConnectorSettings() {
    }

    /** A connector on {@code server} bound to {@code host:port}, with the settings above applied to the server. */
    static ServerConnector connector(Server server, String host, int port) {
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.DEFAULT.with("salesforce",
                UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.setErrorHandler(new JsonErrorHandler());
        return connector;
    }
}
