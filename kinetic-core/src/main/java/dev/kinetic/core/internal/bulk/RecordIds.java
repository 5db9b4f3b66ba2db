package dev.kinetic.core.internal.bulk;

/** Salesforce record ids: 15-character ids get their 3-character case checksum, so both forms compare equal. */
final class RecordIds {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private RecordIds() {
    }

    static String to18(String id) {
        if (id == null) {
            return "";
        }
        String s = id.strip();
        if (s.length() != 15) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        for (int block = 0; block < 3; block++) {
            int flags = 0;
            for (int i = 0; i < 5; i++) {
                char c = s.charAt(block * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << i;
                }
            }
            b.append(ALPHABET.charAt(flags));
        }
        return b.toString();
    }
}
