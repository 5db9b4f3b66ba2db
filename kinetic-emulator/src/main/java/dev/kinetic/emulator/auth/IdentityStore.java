package dev.kinetic.emulator.auth;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.FieldType;
import dev.kinetic.emulator.schema.SObjectType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the org's identity on first start (org id, admin User record, connected app, RSA key pair, password and
 * security token) and reads it back on later starts. The secrets that are only verified are stored as salted
 * hashes. The public key is registered in the database; the private key lives only in
 * {@code local-org-private-key.pem} under the key directory. When that file is missing or no longer matches, a new
 * pair is generated and registered. Not thread-safe: used once at start-up.
 */
final class IdentityStore {
    /** The admin's username in every local org. */
    static final String ADMIN_USERNAME = "admin@kinetic.local";
    static final String PRIVATE_KEY_FILE = "local-org-private-key.pem";

    private final Database database;
    private final Clock clock;
    private final boolean ephemeral;

    /**
     * @param ephemeral whether the org lives in memory only; its key pair is then shared by every such org of the
     *     JVM (a file-backed org always gets its own)
     */
    IdentityStore(Database database, Clock clock, boolean ephemeral) {
        this.database = database;
        this.clock = clock;
        this.ephemeral = ephemeral;
    }

    private KeyPair newKeyPair() {
        return ephemeral ? PemKeys.processWide() : PemKeys.generate();
    }

    /**
     * The org's identity, created now if the database has none. The client secret, password and security token are
     * stored as salted hashes (see {@link HashedSecrets}); {@code known} are the plain values the last start handed
     * out.
     */
    OrgIdentity loadOrCreate(Path keyDir, PlainSecrets known) throws SQLException, IOException {
        try (Connection c = database.connection()) {
            createTables(c);
            OrgIdentity existing = load(c, keyDir, known);
            OrgIdentity identity = existing != null ? existing : create(c, keyDir);
            return ensureKey(c, identity);
        }
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS KINETIC_ORG (ORG_ID CHAR(18) PRIMARY KEY, "
                    + "ADMIN_USER_ID CHAR(18) NOT NULL, CLIENT_ID VARCHAR NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS KINETIC_CONNECTED_APP (CLIENT_ID VARCHAR PRIMARY KEY, "
                    + "CLIENT_SECRET VARCHAR NOT NULL, PUBLIC_KEY_PEM VARCHAR NOT NULL, "
                    + "EXECUTION_USER_ID CHAR(18) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS KINETIC_USER_PASSWORD (USER_ID CHAR(18) PRIMARY KEY, "
                    + "PASSWORD VARCHAR NOT NULL, SECURITY_TOKEN VARCHAR NOT NULL)");
        }
    }

    private OrgIdentity load(Connection c, Path keyDir, PlainSecrets known) throws SQLException {
        String sql = "SELECT o.ORG_ID, o.ADMIN_USER_ID, u." + SqlNames.column("Username") + ", a.CLIENT_ID, "
                + "a.CLIENT_SECRET, p.PASSWORD, p.SECURITY_TOKEN, a.PUBLIC_KEY_PEM FROM KINETIC_ORG o "
                + "JOIN KINETIC_CONNECTED_APP a ON a.CLIENT_ID = o.CLIENT_ID "
                + "JOIN KINETIC_USER_PASSWORD p ON p.USER_ID = o.ADMIN_USER_ID "
                + "LEFT JOIN " + SqlNames.table("User") + " u ON u." + SqlNames.column("Id") + " = o.ADMIN_USER_ID";
        String orgId;
        String adminId;
        String username;
        String clientId;
        String publicKeyPem;
        HashedSecrets.Row stored;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            orgId = rs.getString(1);
            adminId = rs.getString(2);
            username = rs.getString(3);
            clientId = rs.getString(4);
            stored = new HashedSecrets.Row(rs.getString(5), rs.getString(6), rs.getString(7));
            publicKeyPem = rs.getString(8);
        }
        if (username == null) {
            // The admin's User record was removed behind the org's back: put it back.
            insertAdmin(c, adminId);
            username = ADMIN_USERNAME;
        }
        HashedSecrets.Plain plain = HashedSecrets.open(c, clientId, adminId, stored, known);
        return new OrgIdentity(orgId, adminId, username, clientId, plain.clientSecret(), plain.password(),
                plain.securityToken(), publicKeyPem, keyDir.resolve(PRIVATE_KEY_FILE).toAbsolutePath());
    }

    private OrgIdentity create(Connection c, Path keyDir) throws SQLException, IOException {
        String orgId = database.ids().next("00D");
        String userId = database.ids().next("005");
        String clientId = "3MVG9" + Secrets.alphanumeric(80);
        HashedSecrets.Plain plain = HashedSecrets.generate();
        insertAdmin(c, userId);
        KeyPair pair = newKeyPair();
        Path keyFile = writePrivateKey(keyDir, pair);
        String publicPem = PemKeys.publicKeyPem((RSAPublicKey) pair.getPublic());
        try (PreparedStatement app = c.prepareStatement("INSERT INTO KINETIC_CONNECTED_APP VALUES (?, ?, ?, ?)");
             PreparedStatement pw = c.prepareStatement("INSERT INTO KINETIC_USER_PASSWORD VALUES (?, ?, ?)");
             PreparedStatement org = c.prepareStatement("INSERT INTO KINETIC_ORG VALUES (?, ?, ?)")) {
            app.setString(1, clientId);
            app.setString(2, SecretHash.of(plain.clientSecret()));
            app.setString(3, publicPem);
            app.setString(4, userId);
            app.executeUpdate();
            pw.setString(1, userId);
            pw.setString(2, SecretHash.of(plain.password()));
            pw.setString(3, SecretHash.of(plain.securityToken()));
            pw.executeUpdate();
            org.setString(1, orgId);
            org.setString(2, userId);
            org.setString(3, clientId);
            org.executeUpdate();
        }
        return new OrgIdentity(orgId, userId, ADMIN_USERNAME, clientId, plain.clientSecret(), plain.password(),
                plain.securityToken(), publicPem, keyFile);
    }

    // Reuses the private key file when it matches the registered key; otherwise generates and registers a new pair.
    private OrgIdentity ensureKey(Connection c, OrgIdentity identity) throws SQLException, IOException {
        Path keyFile = identity.privateKeyPath();
        if (Files.isRegularFile(keyFile)) {
            try {
                RSAPublicKey fromFile = PemKeys.publicKeyOfPrivatePem(Files.readString(keyFile));
                if (fromFile.equals(PemKeys.readPublic(identity.publicKeyPem()))) {
                    return identity;
                }
            } catch (GeneralSecurityException e) {
                // Unreadable or foreign key file: replaced below.
            }
        }
        KeyPair pair = newKeyPair();
        writePrivateKey(keyFile.getParent(), pair);
        String publicPem = PemKeys.publicKeyPem((RSAPublicKey) pair.getPublic());
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE KINETIC_CONNECTED_APP SET PUBLIC_KEY_PEM = ? WHERE CLIENT_ID = ?")) {
            s.setString(1, publicPem);
            s.setString(2, identity.clientId());
            s.executeUpdate();
        }
        return new OrgIdentity(identity.orgId(), identity.adminUserId(), identity.adminUsername(),
                identity.clientId(), identity.clientSecret(), identity.password(), identity.securityToken(),
                publicPem, keyFile);
    }

    private static Path writePrivateKey(Path keyDir, KeyPair pair) throws IOException {
        PrivateFiles.createDirectories(keyDir);
        Path file = keyDir.resolve(PRIVATE_KEY_FILE).toAbsolutePath();
        Files.deleteIfExists(file);
        PrivateFiles.createFile(file);
        Files.writeString(file, PemKeys.privateKeyPem(pair), StandardCharsets.US_ASCII);
        return file;
    }

    private void insertAdmin(Connection c, String userId) throws SQLException {
        SObjectType user = database.schema().find("User")
                .orElseThrow(() -> new IllegalStateException("the schema has no User object"));
        Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDef f : user.storedFields()) {
            if (f.type() == FieldType.BOOLEAN && !f.nillable()) {
                values.put(f.name(), Boolean.FALSE);
            }
        }
        values.put("Id", userId);
        values.put("Username", ADMIN_USERNAME);
        values.put("FirstName", "Local");
        values.put("LastName", "Admin");
        values.put("Name", "Local Admin");
        values.put("Email", ADMIN_USERNAME);
        values.put("Alias", "ladmin");
        values.put("CommunityNickname", "local.admin");
        values.put("IsActive", Boolean.TRUE);
        values.put("TimeZoneSidKey", "GMT");
        values.put("LocaleSidKey", "en_US");
        values.put("EmailEncodingKey", "UTF-8");
        values.put("LanguageLocaleKey", "en_US");
        values.put("ProfileId", database.ids().next("00e"));
        values.put("UserType", "Standard");
        values.put("UserPermissionsMarketingUser", Boolean.TRUE);
        values.put("DigestFrequency", "D");
        values.put("DefaultGroupNotificationFrequency", "N");
        values.put("CreatedDate", now);
        values.put("CreatedById", userId);
        values.put("LastModifiedDate", now);
        values.put("LastModifiedById", userId);
        values.put("SystemModstamp", now);
        List<String> columns = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (user.field(e.getKey()).filter(FieldDef::stored).isPresent()) {
                columns.add(SqlNames.column(e.getKey()));
                params.add(e.getValue());
            }
        }
        String sql = "INSERT INTO " + SqlNames.table(user) + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            s.executeUpdate();
        }
    }
}
