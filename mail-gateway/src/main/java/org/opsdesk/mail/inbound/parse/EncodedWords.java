package org.opsdesk.mail.inbound.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in header text, permissively: also inside
 * words and quoted strings, adjacent words of one charset are joined before decoding (so a character split
 * across two words survives), whitespace between encoded words is dropped. A word that cannot be decoded
 * (charset unknown to Java, base64 beyond repair) stays as written; the rest of the text is still decoded.
 * Bogus charset names ({@code unknown-8bit}) are read like undeclared 8-bit text.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");

    private EncodedWords() {
    }

    /** The text with every readable encoded word decoded; null stays null. */
    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Pending pending = new Pending();
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String gap = text.substring(last, m.start());
            String charset = m.group(1);
            int star = charset.indexOf('*'); // RFC 2231 language suffix: =?utf-8*en?Q?...?=
            charset = star > 0 ? charset.substring(0, star) : charset;
            byte[] bytes = wordBytes(m.group(2), m.group(3));
            boolean readable = bytes != null
                    && (MailCharsets.lookup(charset).isPresent() || !MailCharsets.isDeclared(charset));
            boolean adjacent = pending.isOpen() && gap.isBlank();
            if (!adjacent || !readable || !pending.sameCharset(charset)) {
                pending.flushTo(out);
                if (!adjacent || !readable) {
                    out.append(gap);
                }
            }
            if (readable) {
                pending.add(charset, bytes);
            } else {
                out.append(m.group());
            }
            last = m.end();
        }
        pending.flushTo(out);
        out.append(text, last, text.length());
        return out.toString();
    }

    private static byte[] wordBytes(String encoding, String encoded) {
        byte[] ascii = encoded.getBytes(StandardCharsets.ISO_8859_1);
        if (encoding.equalsIgnoreCase("q")) {
            return qDecode(ascii);
        }
        List<String> damage = new ArrayList<>();
        try {
            byte[] bytes = TransferEncodings.base64(ascii, damage::add);
            return damage.isEmpty() ? bytes : null; // a damaged word is kept as written
        } catch (UndecodableContentException e) {
            return null;
        }
    }

    /** RFC 2047 "Q": quoted-printable where '_' is a space. */
    private static byte[] qDecode(byte[] in) {
        byte[] underscoresAsSpaces = in.clone();
        for (int i = 0; i < underscoresAsSpaces.length; i++) {
            if (underscoresAsSpaces[i] == '_') {
                underscoresAsSpaces[i] = ' ';
            }
        }
        return TransferEncodings.quotedPrintable(underscoresAsSpaces);
    }

    /** Bytes of adjacent encoded words in one charset, waiting to be decoded together. */
    private static final class Pending {
        private String charset;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        boolean isOpen() {
            return charset != null;
        }

        boolean sameCharset(String other) {
            return charset != null && charset.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
        }

        void add(String wordCharset, byte[] wordBytes) {
            charset = wordCharset;
            bytes.writeBytes(wordBytes);
        }

        void flushTo(StringBuilder out) {
            if (charset != null) {
                out.append(MailCharsets.decode(bytes.toByteArray(), charset, note -> { }));
            }
            charset = null;
            bytes.reset();
        }
    }
}
