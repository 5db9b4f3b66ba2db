package dev.kinetic.cli.options;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which org to use: {@code --instance-url} with {@code --access-token}, else the {@code SF_*} environment
 * variables, else the embedded local org under {@code --org-dir} (default {@code .kinetic/local-org}).
 */
public final class OrgOptions {
    /** Where the embedded local org keeps its data, relative to the working directory. */
    public static final String DEFAULT_ORG_DIR = ".kinetic/local-org";

    @Option(names = "--instance-url", paramLabel = "URL",
            description = "The org's instance URL, e.g. https://acme.my.salesforce.com (with --access-token).")
    String instanceUrl;

    @Option(names = "--access-token", paramLabel = "TOKEN",
            description = "An access token for --instance-url (or set SF_ACCESS_TOKEN).")
    String accessToken;

    @Option(names = "--target-org", paramLabel = "ALIAS",
            description = "Use an org the Salesforce CLI is logged in to (an alias or username), read with 'sf org "
                    + "display --json'; needs 'sf' on the PATH.")
    String targetOrg;

    @Option(names = "--api-version", paramLabel = "VERSION",
            description = "The Salesforce API version, e.g. 62.0 (default 62.0, or SF_API_VERSION).")
    String apiVersion;

    @Option(names = "--org-dir", paramLabel = "DIR", hidden = true,
            description = "Where the embedded local org keeps its data (default .kinetic/local-org, or the "
                    + "kinetic.orgDir system property).")
    String orgDir;

    /** The instance URL given on the command line. */
    public Optional<String> instanceUrl() {
        return Optional.ofNullable(instanceUrl).filter(s -> !s.isBlank());
    }

    /** The access token given on the command line. */
    public Optional<String> accessToken() {
        return Optional.ofNullable(accessToken).filter(s -> !s.isBlank());
    }

    /** The Salesforce CLI alias or username given with {@code --target-org}. */
    public Optional<String> targetOrg() {
        return Optional.ofNullable(targetOrg).filter(s -> !s.isBlank());
    }

    /**
     * The API version given with {@code --api-version}, as {@code vNN.0}.
     *
     * @throws dev.kinetic.cli.CliException (usage) if it is not a version like 62.0
     */
    public Optional<String> apiVersion() {
        if (apiVersion == null) {
            return Optional.empty();
        }
        String v = apiVersion.strip();
        if (!v.matches("v?\\d{2,3}\\.\\d")) {
            throw dev.kinetic.cli.CliException.usage("Invalid --api-version '" + apiVersion + "'; give one like "
                    + "62.0");
        }
        return Optional.of(v.startsWith("v") ? v : "v" + v);
    }

    /** The embedded org's directory, relative to the working directory unless absolute. */
    public String orgDir() {
        return orgDirOr(orgDir);
    }

    /** The given directory, else the {@code kinetic.orgDir} system property, else {@value #DEFAULT_ORG_DIR}. */
    static String orgDirOr(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return System.getProperty("kinetic.orgDir", DEFAULT_ORG_DIR);
    }
}
