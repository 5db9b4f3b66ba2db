package dev.kinetic.compat.camel;

import dev.kinetic.emulator.LocalOrg;
import dev.kinetic.emulator.LocalOrgConfig;
import dev.kinetic.emulator.LocalOrgCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceLoginConfig;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;

/**
 * A fresh local org started in-process on port 0, and a Camel context whose {@code salesforce} component signs in
 * to it as a Camel user configures it for Salesforce: {@link SalesforceLoginConfig} with the org's login URL and
 * connected app, by JWT bearer (a PKCS12 keystore) or by username and password. Nothing of Camel is replaced.
 */
final class CamelOrg implements AutoCloseable {
    /** How Camel signs in. */
    enum Login { JWT, PASSWORD }

    /** How long a test waits for a job to reach a state before failing. */
    static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

    private static final char[] KEYSTORE_PASSWORD = "changeit".toCharArray();

    private final LocalOrg org;
    private final boolean ownsOrg;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final OrgRecords records;

    private CamelOrg(LocalOrg org, boolean ownsOrg, CamelContext camel) {
        this.org = org;
        this.ownsOrg = ownsOrg;
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.records = new OrgRecords(org);
    }

    /**
     * Starts a fresh org and a Camel context signed in to it; {@link #close()} stops both.
     *
     * @param login the login flow
     * @param tempDir where the JWT keystore is written
     */
    static CamelOrg start(Login login, Path tempDir) throws Exception {
        LocalOrg org = LocalOrg.start(LocalOrgConfig.defaults());
        try {
            return new CamelOrg(org, true, startCamel(loginConfig(org.credentials(), login, tempDir)));
        } catch (Exception | Error e) {
            org.close();
            throw e;
        }
    }

    /**
     * Starts a Camel context signed in to a running org; {@link #close()} stops the context and leaves the org.
     *
     * @param login the login flow
     * @param tempDir where the JWT keystore is written
     */
    static CamelOrg signIn(LocalOrg org, Login login, Path tempDir) throws Exception {
        return signIn(org, loginConfig(org.credentials(), login, tempDir));
    }

    /** Starts a Camel context signed in to a running org with this login configuration; see the other overload. */
    static CamelOrg signIn(LocalOrg org, SalesforceLoginConfig config) throws Exception {
        return new CamelOrg(org, false, startCamel(config));
    }

    // Camel logs in when its component starts (lazyLogin is off by default), so a refused login fails here.
    private static CamelContext startCamel(SalesforceLoginConfig config) throws Exception {
        SalesforceComponent salesforce = new SalesforceComponent();
        salesforce.setLoginConfig(config);
        salesforce.setPackages(Account.class.getPackageName());
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("salesforce", salesforce);
        try {
            camel.start();
        } catch (RuntimeException e) {
            camel.stop();
            throw e;
        }
        return camel;
    }

    /**
     * The login configuration a Camel user writes for the org: its URL as login URL, the connected app's client id,
     * the admin user, and for JWT a PKCS12 keystore written to {@code tempDir}, for password the password followed by
     * the security token and the client secret.
     */
    static SalesforceLoginConfig loginConfig(LocalOrgCredentials c, Login login, Path tempDir)
            throws Exception {
        SalesforceLoginConfig config = new SalesforceLoginConfig();
        config.setLoginUrl(c.loginUrl().toString());
        config.setClientId(c.clientId());
        config.setUserName(c.username());
        if (login == Login.JWT) {
            Path p12 = tempDir.resolve("connected-app.p12");
            OrgKeystore.write(c.privateKeyPath(), p12, KEYSTORE_PASSWORD);
            KeyStoreParameters keystore = new KeyStoreParameters();
            keystore.setResource("file:" + p12.toAbsolutePath());
            keystore.setPassword(new String(KEYSTORE_PASSWORD));
            keystore.setType("PKCS12");
            config.setKeystore(keystore);
            config.setType(AuthenticationType.JWT);
        } else {
            config.setClientSecret(c.clientSecret());
            config.setPassword(c.password() + c.securityToken());
            config.setType(AuthenticationType.USERNAME_PASSWORD);
        }
        return config;
    }

    /** The org. */
    LocalOrg org() {
        return org;
    }

    /** The access token of Camel's current session (null when logged out). */
    String sessionToken() {
        return camel.getComponent("salesforce", SalesforceComponent.class).getSession().getAccessToken();
    }

    /** Stops the Camel context (Camel logs out, revoking its token); the org keeps running until {@link #close()}. */
    void stopCamel() {
        camel.stop();
    }

    /** The org's records over raw HTTP, for checking what Camel did. */
    OrgRecords records() {
        return records;
    }

    /**
     * Sends a body and headers to {@code salesforce:<endpoint>} and returns the finished exchange.
     *
     * @throws AssertionError naming the endpoint and Camel's exception if the exchange failed
     */
    Exchange send(String endpoint, Object body, Map<String, Object> headers) {
        Exchange exchange = producer.send("salesforce:" + endpoint, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new HashMap<>(headers));
        });
        if (exchange.getException() != null) {
            throw new AssertionError("salesforce:" + endpoint + " failed: " + exchange.getException(),
                    exchange.getException());
        }
        return exchange;
    }

    /** Sends and returns the answer's body converted to {@code type}. */
    <T> T call(String endpoint, Object body, Map<String, Object> headers, Class<T> type) {
        return send(endpoint, body, headers).getMessage().getBody(type);
    }

    /**
     * Runs an ingest job through Camel: {@code bulk2CreateJob}, {@code bulk2CreateBatch} with {@code csv},
     * {@code bulk2CloseJob}, then {@code bulk2GetJob} until it is done.
     *
     * @return the finished job
     * @throws AssertionError if a call fails or the job ends other than JobComplete
     */
    Job runIngestJob(Job job, String csv) {
        String id = call("bulk2CreateJob", job, Map.of(), Job.class).getId();
        send("bulk2CreateBatch", csv, Map.of("jobId", id));
        call("bulk2CloseJob", null, Map.of("jobId", id), Job.class);
        Job done = awaitIngestJob(id);
        if (done.getState() != JobStateEnum.JOB_COMPLETE) {
            throw new AssertionError("job " + id + " ended " + done.getState() + ": " + done.getErrorMessage());
        }
        return done;
    }

    /** Reads the ingest job through {@code bulk2GetJob} until it is JobComplete, Failed or Aborted. */
    Job awaitIngestJob(String jobId) {
        return await(() -> call("bulk2GetJob", null, Map.of("jobId", jobId), Job.class),
                job -> job.getState() == JobStateEnum.JOB_COMPLETE || job.getState() == JobStateEnum.FAILED
                        || job.getState() == JobStateEnum.ABORTED);
    }

    /**
     * Reads {@code read} again until {@code done} holds, at most {@link #JOB_TIMEOUT}: the job's state read through
     * Camel is the signal, and each read is a round trip to the org (which finishes jobs within milliseconds).
     *
     * @throws AssertionError naming the last value if the time runs out
     */
    static <T> T await(Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still not done after " + JOB_TIMEOUT + ": " + last);
            }
            last = read.get();
        }
        return last;
    }

    @Override
    public void close() {
        try {
            camel.stop();
        } finally {
            if (ownsOrg) {
                org.close();
            }
        }
    }
}
