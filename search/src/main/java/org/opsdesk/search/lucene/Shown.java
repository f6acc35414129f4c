package org.opsdesk.search.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.opsdesk.search.DocType;

/**
 * What a hit or a suggestion shows of its document: type, id, title, status, queue and last update. Read from doc
 * values ({@link Fields#SHOWN} and {@link Fields#UPDATED}), not from the stored fields: a stored document is
 * decompressed with its neighbours, kilobytes of message text, to read a title of a few words.
 *
 * @param type tickets or pages
 * @param id the ticket number or page path
 * @param title the subject or page title, or {@code null}
 * @param status the ticket's status as given, or {@code null}
 * @param queue the ticket's queue as given, or {@code null}
 * @param updated the last change, or {@code null}
 */
record Shown(DocType type, String id, String title, String status, String queue, Instant updated) {

    /** The doc values field of a document that shows these (all but {@code updated}, a field of its own). */
    static BinaryDocValuesField field(DocType type, String id, String title, String status, String queue) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        for (String value : List.of(type.code(), id, nonNull(title), nonNull(status), nonNull(queue))) {
            out.writeString(value);
        }
        return new BinaryDocValuesField(Fields.SHOWN, new BytesRef(out.toArrayCopy()));
    }

    /** What document {@code doc} (a top-level document number of the searcher) shows. */
    static Shown of(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        BinaryDocValues shown = DocValues.getBinary(leaf.reader(), Fields.SHOWN);
        if (!shown.advanceExact(local)) {
            throw new IllegalStateException("document " + doc + " has no " + Fields.SHOWN + " values");
        }
        BytesRef bytes = shown.binaryValue();
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        DocType type = DocType.fromCode(in.readString());
        String id = in.readString();
        String title = nullIfEmpty(in.readString());
        String status = nullIfEmpty(in.readString());
        String queue = nullIfEmpty(in.readString());
        NumericDocValues updated = DocValues.getNumeric(leaf.reader(), Fields.UPDATED);
        Instant at = updated.advanceExact(local) ? Instant.ofEpochMilli(updated.longValue()) : null;
        return new Shown(type, id, title, status, queue, at);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
