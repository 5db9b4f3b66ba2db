package dev.kinetic.emulator.http;

/** Handles one route: parse the exchange, call a service, render the answer. */
@FunctionalInterface
public interface ApiHandler {
    /**
     * Handles the exchange. Throw {@link ApiException} for a Salesforce error response.
     *
     * @throws Exception any other failure, answered as 500 UNKNOWN_EXCEPTION
     */
    void handle(ApiExchange exchange) throws Exception;
}
