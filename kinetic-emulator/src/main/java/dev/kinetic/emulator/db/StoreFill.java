package dev.kinetic.emulator.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How full the H2 store's file is, from H2's own figures ({@code info.FILE_SIZE}, {@code info.FILL_RATE}: the share
 * of the file's blocks in use, {@code info.CHUNKS_FILL_RATE}: the share of those holding live pages). An in-memory
 * store has no file ({@code fileBytes} 0).
 *
 * @param fileBytes the file's size
 * @param liveBytes an estimate of the bytes that hold live data
 */
record StoreFill(long fileBytes, long liveBytes) {
    boolean fileBacked() {
        return fileBytes > 0;
    }

    long deadBytes() {
        return fileBytes - liveBytes;
    }

    static StoreFill of(Statement s) throws SQLException {
        long size = 0;
        int fill = 100;
        int chunksFill = 100;
        try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                long value = Long.parseLong(rs.getString(2).trim());
                switch (rs.getString(1)) {
                    case "info.FILE_SIZE" -> size = value;
                    case "info.FILL_RATE" -> fill = (int) value;
                    default -> chunksFill = (int) value;
                }
            }
        } catch (NumberFormatException e) {
            return new StoreFill(0, 0);
        }
        return new StoreFill(size, size * fill / 100 * chunksFill / 100);
    }
}
