package org.opsdesk.mail.inbound.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the machine part of a multipart/report: message/delivery-status (RFC 3464) and
 * message/disposition-notification (RFC 3798) are blocks of header-like fields separated by blank lines.
 */
final class ReportFields {

    private ReportFields() {
    }

    /**
     * The recipients whose Action is {@code failed}: Original-Recipient and Final-Recipient without their
     * address-type prefix ({@code rfc822;}) and brackets, in order, without duplicates.
     */
    static List<String> failedRecipients(String deliveryStatus) {
        Set<String> failed = new LinkedHashSet<>();
        for (Map<String, String> block : blocks(deliveryStatus)) {
            String action = block.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
            if (!action.startsWith("failed")) {
                continue;
            }
            // both: the address we sent to (Original-Recipient) and the one that failed after a forward
            // (Final-Recipient); only one we sent mail to is ever marked
            for (String field : List.of("original-recipient", "final-recipient")) {
                String recipient = address(block.get(field));
                if (recipient != null) {
                    failed.add(recipient);
                }
            }
        }
        return List.copyOf(failed);
    }

    /** The Original-Message-ID of a disposition notification, or null. */
    static String originalMessageId(String dispositionNotification) {
        for (Map<String, String> block : blocks(dispositionNotification)) {
            String id = MessageIds.first(block.get("original-message-id"));
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String address(String field) {
        if (field == null) {
            return null;
        }
        String value = field.strip();
        int semicolon = value.indexOf(';');
        value = semicolon >= 0 ? value.substring(semicolon + 1).strip() : value;
        value = value.replaceAll("^<|>$", "").strip();
        return value.isEmpty() ? null : value;
    }

    /** Field blocks: lower-case name → unfolded value; the first of duplicate names in a block wins. */
    private static List<Map<String, String>> blocks(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        String lastName = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new LinkedHashMap<>();
                }
                lastName = null;
            } else if (Character.isWhitespace(line.charAt(0)) && lastName != null) {
                block.computeIfPresent(lastName, (name, value) -> value + " " + line.strip());
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastName = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    block.putIfAbsent(lastName, line.substring(colon + 1).strip());
                }
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }
}
