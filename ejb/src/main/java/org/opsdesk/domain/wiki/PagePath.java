package org.opsdesk.domain.wiki;

import org.opsdesk.domain.DomainException;
import org.opsdesk.wiki.PagePaths;

/** A page's path, e.g. {@code runbooks/disk-space-low}: lower-case segments, the hierarchy is the path. */
public record PagePath(String value) {

    public PagePath {
        value = PagePaths.normalize(value);
    }

    /** The normalised path of {@code raw}, or a 400-style refusal that says what is wrong with it. */
    public static PagePath of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid("invalid_path", "A page path is required, e.g. runbooks/disk-space-low.");
        }
        try {
            return new PagePath(raw);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_path", e.getMessage());
        }
    }

    /** This path, where a new page may be (saved, moved or imported to): 400 invalid_path where it may not. */
    public PagePath forANewPage() {
        try {
            PagePaths.forANewPage(value);
            return this;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_path", e.getMessage());
        }
    }

    public boolean isRunbook() {
        return value.startsWith("runbooks/");
    }

    public boolean isWithin(String prefix) {
        return prefix == null || prefix.isBlank() || value.equals(prefix) || value.startsWith(prefix + "/");
    }

    @Override
    public String toString() {
        return value;
    }
}
