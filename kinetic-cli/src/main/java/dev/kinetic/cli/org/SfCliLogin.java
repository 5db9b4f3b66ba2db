package dev.kinetic.cli.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.cli.CliContext;
import dev.kinetic.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reuses a login of the Salesforce CLI: runs {@code sf org display --json --target-org <alias>} (the {@code sf} found
 * on the {@code PATH}) and takes the org's instance URL and access token from its answer. The token is read from the
 * process's output in memory, never written anywhere nor put in a message. Stateless.
 */
final class SfCliLogin {
    /** How long {@code sf} may take to answer (it may refresh the token first). */
    private static final long TIMEOUT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An org signed in as the Salesforce CLI's alias (or username).
     *
     * @param instanceUrl the org's instance URL
     * @param accessToken the session's access token (secret)
     * @param username    the user, for the description
     */
    record Login(String instanceUrl, String accessToken, String username) {
        @Override
        public String toString() {
            return "Login[instanceUrl=" + instanceUrl + ", username=" + username + "]";
        }
    }

    private SfCliLogin() {
    }

    /**
     * Asks {@code sf} for the login of an alias.
     *
     * @throws CliException (auth) if {@code sf} is not on the PATH, does not know the alias, or answers nothing usable
     */
    static Login of(String alias, CliContext context) {
        Path sf = find(context).orElseThrow(() -> CliException.auth("--target-org " + alias + " reads a Salesforce "
                + "CLI login, but 'sf' is not on the PATH: install the Salesforce CLI (npm install -g "
                + "@salesforce/cli) and log in with 'sf org login web --alias " + alias + "', or use --instance-url "
                + "with --access-token or the SF_* variables", null));
        JsonNode answer = run(sf, alias, context);
        JsonNode result = answer.path("result");
        String url = result.path("instanceUrl").asText("");
        String token = result.path("accessToken").asText("");
        if (answer.path("status").asInt(1) != 0 || url.isEmpty() || token.isEmpty()) {
            String why = answer.path("message").asText("");
            throw CliException.auth("The Salesforce CLI has no usable login for --target-org " + alias
                    + (why.isEmpty() ? "" : ": " + why) + " (check it with 'sf org list'; log in with 'sf org login "
                    + "web --alias " + alias + "')", null);
        }
        return new Login(url, token, result.path("username").asText(alias));
    }

    private static JsonNode run(Path sf, String alias, CliContext context) {
        ProcessBuilder builder = new ProcessBuilder(List.of(sf.toString(), "org", "display", "--json",
                "--target-org", alias)).directory(context.workingDir().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        context.var("PATH").ifPresent(path -> builder.environment().put("PATH", path));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw CliException.auth("Cannot run " + sf + " for --target-org " + alias + ": " + e.getMessage(), e);
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw CliException.auth("'sf org display --target-org " + alias + "' did not answer within "
                        + TIMEOUT_SECONDS + " s; check the Salesforce CLI with 'sf org list'", null);
            }
            byte[] bytes = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                // the output is not shown: it may hold a token
                throw CliException.auth("'sf org display --json --target-org " + alias + "' did not answer JSON "
                        + "(exit code " + process.exitValue() + "); check the Salesforce CLI with 'sf org list'", null);
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw CliException.auth("Cannot read the answer of " + sf + " for --target-org " + alias, null);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw CliException.auth("Interrupted while waiting for 'sf org display --target-org " + alias + "'", null);
        }
    }

    /** The {@code sf} executable on the context's PATH, if any. */
    static Optional<Path> find(CliContext context) {
        for (String dir : context.var("PATH").orElse("").split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : List.of("sf", "sf.cmd", "sf.exe")) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
