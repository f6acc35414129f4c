package org.opsdesk.domain.wiki;

import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Something a page's current text refers to: another page, a ticket, a host or an alert it covers. */
@Embeddable
public class PageReference {

    /** What a reference points at. */
    public enum Kind {
        PAGE, TICKET, HOST, ALERT
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 8, nullable = false)
    private Kind kind;

    @Column(name = "target", length = 300, nullable = false)
    private String target;

    protected PageReference() {
        // JPA
    }

    private PageReference(Kind kind, String target) {
        this.kind = kind;
        this.target = target.length() > 300 ? target.substring(0, 300) : target;
    }

    public static PageReference page(String path) {
        return new PageReference(Kind.PAGE, path);
    }

    public static PageReference ticket(long number) {
        return new PageReference(Kind.TICKET, Long.toString(number));
    }

    public static PageReference host(String name) {
        return new PageReference(Kind.HOST, name.toLowerCase(Locale.ROOT));
    }

    /** Alert names compare case-insensitively (Prometheus' {@code KubePodCrashLooping}, Hugo's lower-cased URLs). */
    public static PageReference alert(String name) {
        return new PageReference(Kind.ALERT, name.strip().toLowerCase(Locale.ROOT));
    }

    public Kind kind() {
        return kind;
    }

    public String target() {
        return target;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageReference r && r.kind == kind && r.target.equals(target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, target);
    }
}
