package org.umlmanager.cmdline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell quoting and word splitting for command lines pasted from scripts. */
public final class ShellWords {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Pattern ASSIGNMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShellWords() {
    }

    /** What the tokenizer found: a word, or an operator such as {@code ;}, {@code |} or {@code >}. */
    record Token(String text, boolean operator, boolean unexpanded, boolean unterminated) {
    }

    /**
     * Splits a shell command line into words (quotes, backslashes, line continuations, comments).
     * Operators ({@code ; & | < >} and their doubles) come back as words of their own. Nothing is
     * expanded: {@code $X} and {@code ~} stay as written.
     */
    public static List<String> split(String line) {
        return tokens(line, null).stream().map(Token::text).toList();
    }

    /** Quotes one word so that a POSIX shell reads it back unchanged. */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Quotes a word in command position, where an unquoted {@code a=b} would be an assignment. */
    static String quoteCommand(String word) {
        return word.contains("=") ? "'" + word.replace("'", "'\\''") + "'" : quote(word);
    }

    /**
     * The tokens of {@code text}. With a {@code home}, an unquoted {@code ~} is expanded where bash
     * expands it: at the start of a word, and after the {@code =} or a {@code :} of an
     * assignment-like word ({@code ubd0=~/cow:~/backing}). Newlines outside quotes end a command and
     * come back as the operator {@code ";"}.
     */
    static List<Token> tokens(String text, String home) {
        List<Token> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        boolean unexpanded = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = text.charAt(i + 1);
                i += 2;
                if (next == '\r' && i < n && text.charAt(i) == '\n') {
                    i++;
                    continue;
                }
                if (next != '\n') {
                    w.append(next);
                    inWord = true;
                }
                continue;
            }
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                inWord = true;
                if (end < 0) {
                    w.append(text, i + 1, n);
                    out.add(new Token(w.toString(), false, unexpanded, true));
                    return out;
                }
                w.append(text, i + 1, end);
                i = end + 1;
                continue;
            }
            if (c == '"') {
                inWord = true;
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
                        if (text.charAt(i + 1) != '\n') {
                            w.append(text.charAt(i + 1));
                        }
                        i += 2;
                        continue;
                    }
                    if (d == '$' || d == '`') {
                        unexpanded |= startsExpansion(text, i);
                    }
                    w.append(d);
                    i++;
                }
                if (!closed) {
                    out.add(new Token(w.toString(), false, unexpanded, true));
                    return out;
                }
                continue;
            }
            if (c == '#' && !inWord) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || ";&|<>".indexOf(c) >= 0) {
                String fdPrefix = "";
                if ((c == '<' || c == '>') && inWord && w.toString().matches("[0-9]+")) {
                    fdPrefix = w.toString();
                    w.setLength(0);
                    inWord = false;
                    unexpanded = false;
                }
                if (inWord) {
                    out.add(new Token(w.toString(), false, unexpanded, false));
                    w.setLength(0);
                    inWord = false;
                    unexpanded = false;
                }
                if (c == '\n') {
                    out.add(new Token(";", true, false, false));
                } else if (";&|<>".indexOf(c) >= 0) {
                    int len = i + 1 < n && text.charAt(i + 1) == c || c == '>' && i + 1 < n
                            && text.charAt(i + 1) == '&' || c == '<' && i + 1 < n && text.charAt(i + 1) == '&' ? 2 : 1;
                    out.add(new Token(fdPrefix + text.substring(i, i + len), true, false, false));
                    i += len - 1;
                }
                i++;
                continue;
            }
            if (c == '~' && home != null && tildeExpands(w, inWord, text, i)) {
                w.append(home);
                inWord = true;
                i++;
                continue;
            }
            if (c == '$' || c == '`') {
                unexpanded |= startsExpansion(text, i);
            }
            w.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            out.add(new Token(w.toString(), false, unexpanded, false));
        }
        return out;
    }

    private static boolean startsExpansion(String text, int i) {
        if (text.charAt(i) == '`') {
            return true;
        }
        if (i + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(i + 1);
        return Character.isLetterOrDigit(next) || "_{(@*#?!$-".indexOf(next) >= 0;
    }

    private static boolean tildeExpands(StringBuilder w, boolean inWord, String text, int i) {
        boolean endOfPrefix = i + 1 >= text.length() || "/: \t\n".indexOf(text.charAt(i + 1)) >= 0;
        if (!endOfPrefix) {
            return false;
        }
        if (!inWord) {
            return true;
        }
        int eq = w.indexOf("=");
        if (eq <= 0 || !ASSIGNMENT_NAME.matcher(w.substring(0, eq)).matches()) {
            return false;
        }
        char prev = w.charAt(w.length() - 1);
        return prev == ':' || prev == '=' && eq == w.length() - 1;
    }
}
