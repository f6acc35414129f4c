package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class FrequentTermsRewriteTest {

    @Test
    void keepsTheTermsInTheMostDocumentsAcrossSegments() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                // in all: rpm in 5 documents, rpmbuild in 4, rpms in 3, rpmx in 2, rpmdb in 1; in the second
                // segment alone rpmx (2) is ahead of rpms (1): documents are counted over both segments
                add(writer, "rpm rpmbuild rpms rpmdb yum", "rpm rpmbuild rpms", "rpm rpmbuild");
                writer.commit();
                add(writer, "rpm rpmbuild rpms rpmx", "rpm apt rpmx");
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(2);
                Query rewritten = new IndexSearcher(reader).rewrite(
                        new PrefixQuery(new Term("body", "rpm"), new FrequentTermsRewrite(3)));
                assertThat(terms(rewritten)).containsExactly("rpm", "rpmbuild", "rpms");
            }
        }
    }

    @Test
    void aPrefixWithoutTermsMatchesNothing() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                add(writer, "yum apt");
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                Query rewritten = new IndexSearcher(reader).rewrite(
                        new PrefixQuery(new Term("body", "rpm"), new FrequentTermsRewrite(3)));
                assertThat(rewritten).isInstanceOf(MatchNoDocsQuery.class);
            }
        }
    }

    private static void add(IndexWriter writer, String... texts) throws IOException {
        for (String text : texts) {
            Document doc = new Document();
            doc.add(new TextField("body", text, Field.Store.NO));
            writer.addDocument(doc);
        }
    }

    private static List<String> terms(Query query) {
        assertThat(query).isInstanceOf(BooleanQuery.class);
        return ((BooleanQuery) query).clauses().stream().map(BooleanClause::getQuery)
                .map(q -> ((TermQuery) q).getTerm().text()).toList();
    }
}
