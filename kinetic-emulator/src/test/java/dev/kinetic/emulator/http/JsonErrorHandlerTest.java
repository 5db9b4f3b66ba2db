package dev.kinetic.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinetic.emulator.LocalOrgHttp;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Errors raised by Jetty itself, outside the org's dispatcher, are rendered as Salesforce error arrays. */
class JsonErrorHandlerTest {
    private Server server;

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private int start(Handler handler) throws Exception {
        server = new Server();
        ServerConnector connector = ConnectorSettings.connector(server, "127.0.0.1", 0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return connector.getLocalPort();
    }

    private static JsonNode error(RawHttp.Answer a) throws Exception {
        assertThat(a.headers().get("content-type")).startsWith("application/json");
        return LocalOrgHttp.JSON.readTree(a.body()).get(0);
    }

    @Test
    void handlerFailureAnswers500UnknownExceptionWithoutItsMessage() throws Exception {
        int port = start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                throw new IllegalStateException("secret detail");
            }
        });
        RawHttp.Answer a = RawHttp.send(port, "PATCH /anything HTTP/1.1", "Host: 127.0.0.1",
                "Content-Length: 0", "Connection: close");
        assertThat(a.status()).isEqualTo(500);
        JsonNode e = error(a);
        assertThat(e.path("errorCode").asText()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(a.body()).doesNotContain("secret detail");
    }

    @Test
    void unhandledRequestAnswers404NotFound() throws Exception {
        int port = start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return false;
            }
        });
        RawHttp.Answer a = RawHttp.send(port, "DELETE /nowhere HTTP/1.1", "Host: 127.0.0.1", "Connection: close");
        assertThat(a.status()).isEqualTo(404);
        JsonNode e = error(a);
        assertThat(e.path("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(e.path("message").asText()).isEqualTo("The requested resource does not exist");
    }
}
