package org.opsdesk.search.lucene;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.opsdesk.search.DocType;
import org.opsdesk.search.PageDocument;
import org.opsdesk.search.SearchResult;
import org.opsdesk.search.TicketDocument;

/** Turns tickets and pages into Lucene documents (see {@link Fields}). */
final class Documents {

    /** Stored, with offsets in the postings for the highlighter. */
    private static final FieldType HIGHLIGHTED_STORED = withOffsets(TextField.TYPE_STORED);
    /** Not stored (the highlighter reads the prose twin), with offsets in the postings. */
    private static final FieldType HIGHLIGHTED = withOffsets(TextField.TYPE_NOT_STORED);

    private Documents() {}

    /** The term that identifies a document: upserts and deletes go through it. */
    static Term uid(DocType type, String id) {
        return new Term(Fields.UID, type.code() + ":" + id);
    }

    static Document ticket(TicketDocument ticket, long generation) {
        String number = String.valueOf(ticket.number());
        Document doc = common(DocType.TICKET, number, generation);
        doc.add(new StringField(Fields.NUMBER, number, Field.Store.NO));
        title(doc, ticket.subject());
        ticket.messages().forEach(message -> highlighted(doc, Fields.BODY, Fields.BODY_ID, message));
        ticket.internalNotes().forEach(note -> highlighted(doc, Fields.INTERNAL, Fields.INTERNAL_ID, note));
        names(doc, ticket.attachmentNames());
        keywords(doc, Fields.REQUESTER, ticket.requesters());
        keywords(doc, Fields.CC, ticket.cc());
        names(doc, ticket.requesters());
        names(doc, ticket.cc());
        keywords(doc, Fields.QUEUE, nullable(nonBlank(ticket.queue())));
        keywords(doc, Fields.STATUS, nullable(nonBlank(ticket.status())));
        kind(doc, DocType.TICKET, ticket.queue(), ticket.status());
        doc.add(new StringField(Fields.OPEN, String.valueOf(ticket.open()), Field.Store.NO));
        keywords(doc, Fields.OWNER, nullable(ticket.owner()));
        keywords(doc, Fields.PRIORITY, nullable(ticket.priority()));
        for (String host : nonBlank(ticket.hosts())) {
            keywords(doc, Fields.HOST, List.of(host));
            facet(doc, SearchResult.FACET_HOST, Fields.keyword(host));
        }
        names(doc, ticket.hosts());
        keywords(doc, Fields.HOST, nonBlank(ticket.hostAliases()));
        names(doc, ticket.hostAliases());
        keywords(doc, Fields.ALERT, ticket.alertNames());
        names(doc, ticket.alertNames());
        tags(doc, ticket.tags());
        if (ticket.created() != null) {
            doc.add(new LongPoint(Fields.CREATED, ticket.created().toEpochMilli()));
        }
        updated(doc, ticket.updated(), ticket.open());
        doc.add(Shown.field(DocType.TICKET, number, ticket.subject(), nonBlank(ticket.status()),
                nonBlank(ticket.queue())));
        return doc;
    }

    static Document page(PageDocument page, long generation) {
        Document doc = common(DocType.PAGE, page.path(), generation);
        doc.add(new StringField(Fields.PATH, Fields.keyword(page.path()), Field.Store.NO));
        title(doc, page.title());
        doc.add(new TextField(Fields.TITLE_ID, page.path(), Field.Store.NO));
        for (String heading : page.headings()) {
            doc.add(new TextField(Fields.HEADINGS, heading, Field.Store.NO));
            doc.add(new TextField(Fields.HEADINGS_ID, heading, Field.Store.NO));
        }
        if (page.body() != null) {
            highlighted(doc, Fields.BODY, Fields.BODY_ID, page.body());
        }
        tags(doc, page.tags());
        keywords(doc, Fields.ALERT, page.alerts());
        names(doc, page.alerts());
        names(doc, page.services());
        updated(doc, page.updated(), false);
        kind(doc, DocType.PAGE, null, null);
        doc.add(Shown.field(DocType.PAGE, page.path(), page.title(), null, null));
        return doc;
    }

    /** Tags, a ticket's or a page's: matched by {@code tag:} and as names, counted in the tag facet. */
    private static void tags(Document doc, List<String> tags) {
        for (String tag : nonBlank(tags)) {
            keywords(doc, Fields.TAG, List.of(tag));
            facet(doc, SearchResult.FACET_TAG, Fields.keyword(tag));
        }
        names(doc, tags);
    }

    private static Document common(DocType type, String id, long generation) {
        Document doc = new Document();
        doc.add(new StringField(Fields.UID, uid(type, id).text(), Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, type.code(), Field.Store.NO));
        doc.add(new LongPoint(Fields.GENERATION, generation));
        return doc;
    }

    private static void title(Document doc, String title) {
        if (title != null) {
            doc.add(new TextField(Fields.TITLE, title, Field.Store.NO));
            doc.add(new TextField(Fields.TITLE_ID, title, Field.Store.NO));
        }
    }

    private static void highlighted(Document doc, String prose, String identifiers, String text) {
        doc.add(new Field(prose, text, HIGHLIGHTED_STORED));
        doc.add(new Field(identifiers, text, HIGHLIGHTED));
    }

    private static void names(Document doc, List<String> names) {
        names.forEach(name -> doc.add(new TextField(Fields.NAMES, name, Field.Store.NO)));
    }

    private static void keywords(Document doc, String field, List<String> values) {
        nonBlank(values).forEach(value -> doc.add(new StringField(field, Fields.keyword(value), Field.Store.NO)));
    }

    /** The type, queue and status facets in one value (see {@link Fields#FACET_KIND}); queue and status as given. */
    private static void kind(Document doc, DocType type, String queue, String status) {
        String value = type.code() + Fields.KIND_SEPARATOR + kindPart(queue) + Fields.KIND_SEPARATOR + kindPart(status);
        doc.add(new SortedDocValuesField(Fields.FACET_KIND, new BytesRef(value)));
    }

    private static String kindPart(String value) {
        if (nonBlank(value) == null) {
            return "";
        }
        String v = value.strip().replace(Fields.KIND_SEPARATOR, ' ');
        return v.length() > Fields.MAX_KEYWORD ? v.substring(0, Fields.MAX_KEYWORD) : v;
    }

    private static void facet(Document doc, String facet, String value) {
        String v = value.length() > Fields.MAX_KEYWORD ? value.substring(0, Fields.MAX_KEYWORD) : value;
        doc.add(new SortedSetDocValuesField(Fields.FACETS.get(facet), new BytesRef(v)));
    }

    private static void updated(Document doc, Instant updated, boolean open) {
        if (updated != null) {
            long millis = updated.toEpochMilli();
            doc.add(new LongPoint(Fields.UPDATED, millis));
            doc.add(new NumericDocValuesField(Fields.UPDATED, millis));
        }
        long since = updated == null ? 0 : Math.max(0, updated.toEpochMilli());
        doc.add(new NumericDocValuesField(Fields.RANKING, since * 2 + (open ? 1 : 0)));
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(value -> !value.isBlank()).toList();
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> nullable(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static FieldType withOffsets(FieldType base) {
        FieldType type = new FieldType(base);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
