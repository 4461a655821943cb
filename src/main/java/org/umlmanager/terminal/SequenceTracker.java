package org.umlmanager.terminal;

/**
 * Follows the output handed to the terminal closely enough to tell when skipping ahead is safe:
 * the emulator is between sequences (it reads a CSI up to its final byte, an OSC or DCS up to BEL,
 * ST or ESC \, and two-character escapes such as {@code ESC ( 0}), no single shift waits for the
 * next character, and no scroll region is set (plain lines then scroll the whole screen into the
 * scrollback). Errs on the side of "not safe".
 */
final class SequenceTracker {

    private static final char ESC = 27;
    private static final char BEL = 7;
    private static final char OSC_C1 = '\u009d';
    private static final char ST_C1 = '\u009c';

    private enum State { GROUND, ESCAPE, ESCAPE_ARGUMENT, CSI, STRING, STRING_ESCAPE, SHIFT }

    private State state = State.GROUND;
    private final StringBuilder csi = new StringBuilder();
    private boolean scrollRegion;
    private boolean highSurrogate;

    void accept(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            accept(text[i]);
        }
        if (to > from) {
            highSurrogate = Character.isHighSurrogate(text[to - 1]);
        }
    }

    /** Whether the emulator, having consumed everything so far, may be given a skip. */
    boolean safeToSkip() {
        return state == State.GROUND && !scrollRegion && !highSurrogate;
    }

    /**
     * What ends the sequence the emulator is in the middle of, if any, so that text after it is
     * shown as text: a final byte for a CSI, BEL for a string, a character-set name for
     * {@code ESC (}.
     */
    String sequenceEnd() {
        return switch (state) {
            case GROUND, SHIFT -> "";
            case ESCAPE -> "\\";
            case ESCAPE_ARGUMENT -> "B";
            case CSI -> "m";
            case STRING, STRING_ESCAPE -> String.valueOf(BEL);
        };
    }

    private void accept(char c) {
        switch (state) {
            case GROUND -> {
                if (c == ESC) {
                    state = State.ESCAPE;
                } else if (c == OSC_C1) {
                    state = State.STRING;
                }
            }
            case ESCAPE -> escape(c);
            case ESCAPE_ARGUMENT -> state = State.GROUND;
            case SHIFT -> {
                if (c >= ' ') {
                    state = State.GROUND;
                }
            }
            case CSI -> {
                if (c >= 0x40 && c <= 0x7e) {
                    endCsi(c);
                    state = State.GROUND;
                } else if (csi.length() < 32) {
                    csi.append(c);
                }
            }
            case STRING -> {
                if (c == BEL || c == ST_C1) {
                    state = State.GROUND;
                } else if (c == ESC) {
                    state = State.STRING_ESCAPE;
                }
            }
            case STRING_ESCAPE -> {
                if (c == '\\' || c == BEL || c == ST_C1) {
                    state = State.GROUND;
                } else if (c != ESC) {
                    state = State.STRING;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void escape(char c) {
        switch (c) {
            case '[' -> {
                csi.setLength(0);
                state = State.CSI;
            }
            case ']', 'P' -> state = State.STRING;
            case 'N', 'O' -> state = State.SHIFT;
            case '#', '(', ')', '*', '+', '$', '@', '%', '.', '/', ' ' -> state = State.ESCAPE_ARGUMENT;
            case 'c' -> {
                scrollRegion = false;
                state = State.GROUND;
            }
            default -> state = State.GROUND;
        }
    }

    /**
     * DECSTBM ({@code CSI top ; bottom r}) sets a scroll region; without arguments it resets it to the
     * whole screen. Any region counts as set, even one as tall as the screen, which needs the
     * emulator's current height to tell.
     */
    private void endCsi(char finalChar) {
        if (finalChar == 'r' && (csi.isEmpty() || Character.isDigit(csi.charAt(0)) || csi.charAt(0) == ';')) {
            scrollRegion = !csi.isEmpty();
        }
    }
}
