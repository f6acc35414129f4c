package org.opsdesk.application;

import java.util.List;

import org.opsdesk.domain.DomainException;

/**
 * A save whose base revision is stale and whose changes overlap the ones saved meanwhile. Carries both
 * versions so the editor can show them; nothing is saved, nothing is lost.
 */
public class WikiConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    /** One overlapping region: the base lines and what each side made of them. */
    public record Conflict(int baseStartLine, List<String> base, List<String> mine, List<String> theirs) {
    }

    private final transient String path;
    private final int baseRevision;
    private final int currentRevision;
    private final transient String currentMarkdown;
    private final transient String yourMarkdown;
    private final transient String markedMarkdown;
    private final transient List<Conflict> conflicts;

    /**
     * @param markedMarkdown both edits merged, each conflicting region written out as both versions between conflict
     *                       markers: the text to go on from, which loses neither side's changes
     */
    public WikiConflictException(String path, int baseRevision, int currentRevision, String currentMarkdown,
            String yourMarkdown, String markedMarkdown, List<Conflict> conflicts) {
        super(Kind.CONFLICT, "edit_conflict", "Page " + path + " changed since revision " + baseRevision
                + " (now " + currentRevision + ") and your edit overlaps those changes in " + conflicts.size()
                + " place(s); merge them and save again with baseRevision " + currentRevision + ".");
        this.path = path;
        this.baseRevision = baseRevision;
        this.currentRevision = currentRevision;
        this.currentMarkdown = currentMarkdown;
        this.yourMarkdown = yourMarkdown;
        this.markedMarkdown = markedMarkdown;
        this.conflicts = List.copyOf(conflicts);
    }

    public String path() {
        return path;
    }

    public int baseRevision() {
        return baseRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }

    public String currentMarkdown() {
        return currentMarkdown;
    }

    public String yourMarkdown() {
        return yourMarkdown;
    }

    public String markedMarkdown() {
        return markedMarkdown;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
