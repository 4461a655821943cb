package org.umlmanager.provision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * A root password as it goes into the guest's /etc/shadow: a SHA-512 crypt string
 * ({@code $6$salt$hash}). The clear text exists only while {@link #sha512} runs; it is never
 * kept, logged or put on a command line.
 *
 * @param crypt the crypt(3) string
 */
public record PasswordHash(String crypt) {

    private static final Pattern SHA512 = Pattern.compile("\\$6\\$(rounds=\\d+\\$)?[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{86}");
    private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        Objects.requireNonNull(crypt, "crypt");
        if (!SHA512.matcher(crypt).matches()) {
            throw new IllegalArgumentException("not a SHA-512 crypt string ($6$salt$hash)");
        }
    }

    /** Hashes {@code password} with a fresh random 16-character salt, then wipes the array. */
    public static PasswordHash sha512(char[] password) {
        byte[] bytes = utf8(password);
        Arrays.fill(password, '\0');
        try {
            return new PasswordHash(Sha2Crypt.sha512Crypt(bytes, "$6$" + salt()));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Reads a password from the first line of {@code file} and hashes it. An empty first line is
     * refused: a guest with an empty root password would let anyone log in.
     *
     * @throws ProvisionException naming the file when it cannot be read or holds no password
     */
    public static PasswordHash fromFile(Path file) throws ProvisionException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProvisionException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
        try {
            int end = 0;
            while (end < raw.length && raw[end] != '\n' && raw[end] != '\r') {
                end++;
            }
            if (end == 0) {
                throw new ProvisionException("the password file " + file
                        + " is empty; write the root password on its first line");
            }
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw, 0, end));
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            return sha512(password);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Whether {@code password} is the one this hash was made from (for tests and re-checks). */
    public boolean matches(char[] password) {
        String salt = crypt.substring(0, crypt.lastIndexOf('$'));
        byte[] bytes = utf8(password);
        try {
            return Sha2Crypt.sha512Crypt(bytes, salt).equals(crypt);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    private static String salt() {
        char[] s = new char[16];
        for (int i = 0; i < s.length; i++) {
            s[i] = SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length()));
        }
        return new String(s);
    }

    @Override
    public String toString() {
        return "PasswordHash[$6$…]";
    }
}
