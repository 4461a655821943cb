package org.umlmanager.model;

import java.util.Random;
import java.util.random.RandomGenerator;

/** Random MAC addresses for new interfaces: unicast and locally administered, so never a vendor's. */
public final class MacAddresses {

    private MacAddresses() {
    }

    public static String random(RandomGenerator random) {
        byte[] b = new byte[6];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        b[0] = (byte) ((b[0] & 0xFC) | 0x02);
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(s.length() > 0 ? ":" : "").append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }

    public static String random() {
        return random(new Random());
    }
}
