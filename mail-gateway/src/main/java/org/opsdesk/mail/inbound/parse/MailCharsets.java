package org.opsdesk.mail.inbound.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns bytes into text for a charset name as mail writes it: MIME names, the aliases mailers use that
 * Java does not know, bogus names, and no name at all.
 *
 * <p>Fallback for undeclared or unusable charsets: UTF-8 when the bytes are valid UTF-8, windows-1252
 * otherwise (which, like browsers, is also read for ISO-8859-1: it only adds the C1 punctuation that
 * Windows mailers put there). A byte order mark wins over the declaration.
 */
final class MailCharsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Names that say nothing: read as if no charset was declared. */
    private static final Set<String> BOGUS = Set.of("default", "default_charset", "unknown", "unknown-8bit",
            "x-unknown", "x-user-defined", "none", "charset", "8bit", "binary");

    /** Mail names Java does not resolve (or resolves to a smaller set), to the charset to read instead. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("ks_c_5601-1989", "x-windows-949"), Map.entry("ksc5601", "x-windows-949"),
            Map.entry("ksc_5601", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"), Map.entry("iso-8859-8-e", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"), Map.entry("iso-8859-6-e", "ISO-8859-6"),
            Map.entry("gb2312", "GBK"), Map.entry("gb_2312-80", "GBK"), Map.entry("x-gbk", "GBK"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("latin-1", "windows-1252"), Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("x-sjis", "Shift_JIS"), Map.entry("x-mac-roman", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"),
            Map.entry("tis-620", "TIS-620"), Map.entry("windows-874", "x-windows-874"));

    private MailCharsets() {
    }

    /** The charset to read for a declared name, or empty when the name is missing, bogus or unknown to Java. */
    static Optional<Charset> lookup(String declared) {
        String name = normalise(declared);
        if (name.isEmpty() || BOGUS.contains(name)) {
            return Optional.empty();
        }
        String javaName = ALIASES.getOrDefault(name, name);
        Optional<Charset> found = forName(javaName);
        if (found.isEmpty() && "x-windows-949".equals(javaName)) {
            found = forName("EUC-KR");
        }
        return found.isPresent() ? found : forName(name);
    }

    /** Whether the name is present and tells something (not {@code default}, {@code unknown-8bit}, …). */
    static boolean isDeclared(String declared) {
        String name = normalise(declared);
        return !name.isEmpty() && !BOGUS.contains(name);
    }

    /**
     * Decodes body text. Never fails: undecodable bytes end up as U+FFFD or in a fallback charset, and every
     * fallback is reported to {@code notes}.
     */
    static String decode(byte[] bytes, String declared, Consumer<String> notes) {
        Charset bom = byteOrderMark(bytes);
        if (bom != null) {
            String text = new String(bytes, bom);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        if (!isDeclared(declared)) {
            return sniff(bytes, declared == null || declared.isBlank() ? "no charset declared"
                    : "meaningless charset '" + declared.strip() + "'", notes);
        }
        Optional<Charset> charset = lookup(declared);
        if (charset.isEmpty()) {
            return sniff(bytes, "unknown charset '" + declared.strip() + "'", notes);
        }
        if (charset.get().equals(StandardCharsets.US_ASCII)) {
            return Bytes.isAscii(bytes) ? new String(bytes, StandardCharsets.US_ASCII)
                    : sniff(bytes, "8-bit bytes in us-ascii text", notes);
        }
        if (charset.get().equals(StandardCharsets.UTF_16)) {
            charset = Optional.of(utf16ByteOrder(bytes));
        }
        try {
            return strict(bytes, charset.get());
        } catch (CharacterCodingException e) {
            if (charset.get().equals(StandardCharsets.UTF_8)) {
                notes.accept("bytes that are not UTF-8 in " + declared.strip() + " text; read as windows-1252");
                return new String(bytes, WINDOWS_1252);
            }
            notes.accept("bytes invalid in " + charset.get().name() + " replaced by U+FFFD");
            return new String(bytes, charset.get());
        }
    }

    /**
     * Reads header bytes that came without any declaration (raw 8-bit in a header): UTF-8 when valid,
     * otherwise {@code preferred} (the entity's body charset), otherwise windows-1252.
     */
    static String decodeUndeclared(byte[] bytes, Charset preferred) {
        if (Bytes.isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return new String(bytes, Bytes.isValidUtf8(bytes) ? StandardCharsets.UTF_8 : undeclaredFallback(preferred));
    }

    /** The charset {@link #decodeUndeclared} reads bytes in that are not UTF-8. */
    static Charset undeclaredFallback(Charset preferred) {
        boolean usable = preferred != null && !preferred.equals(StandardCharsets.US_ASCII)
                && !preferred.equals(StandardCharsets.UTF_8);
        return usable ? preferred : WINDOWS_1252;
    }

    private static String sniff(byte[] bytes, String why, Consumer<String> notes) {
        if (Bytes.isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        if (Bytes.isValidUtf8(bytes)) {
            notes.accept(why + "; 8-bit text read as UTF-8");
            return new String(bytes, StandardCharsets.UTF_8);
        }
        notes.accept(why + "; 8-bit text read as windows-1252");
        return new String(bytes, WINDOWS_1252);
    }

    private static String strict(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * UTF-16 without a byte order mark: Java assumes big-endian, Windows writes little-endian. Text is mostly
     * Latin, so the zero high bytes tell the order.
     */
    private static Charset utf16ByteOrder(byte[] bytes) {
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            zeroEven += bytes[i] == 0 ? 1 : 0;
            zeroOdd += bytes[i + 1] == 0 ? 1 : 0;
        }
        return zeroOdd > zeroEven ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    private static Charset byteOrderMark(byte[] b) {
        int first = b.length > 1 ? b[0] & 0xff : -1;
        int second = b.length > 1 ? b[1] & 0xff : -1;
        if (first == 0xEF && second == 0xBB && b.length > 2 && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (first == 0xFE && second == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return first == 0xFF && second == 0xFE ? StandardCharsets.UTF_16LE : null;
    }

    /** Lower-case, trimmed, without the quotes some mailers put around the name. */
    private static String normalise(String declared) {
        if (declared == null) {
            return "";
        }
        return declared.strip().toLowerCase(Locale.ROOT).replaceAll("^[\"']+|[\"']+$", "").strip();
    }

    private static Optional<Charset> forName(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalArgumentException e) { // IllegalCharsetNameException: not a name at all
            return Optional.empty();
        }
    }
}
