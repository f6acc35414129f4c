package org.opsdesk.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Technical identifiers kept whole: host names, IP addresses with ports, e-mail addresses, error
 * codes such as {@code ORA-00942} or {@code 0x80070005}, file names and CamelCase alert names.
 * Tokens are runs of letters, digits and {@code . - _ : @ / \ # % +}, trimmed of punctuation at
 * either end, lower-cased and folded to ASCII.
 *
 * <p>At index time each token also yields its parts at the same position (see {@link
 * IdentifierFilter}), so {@code db01.prod.example.com} is found by {@code db01} and {@code
 * example.com}; at query time a token stays whole, so {@code ORA-00942} matches only that code.
 */
final class IdentifierAnalyzer extends Analyzer {

    private static final String TOKEN_PUNCTUATION = "._-:@/\\#%+";

    private final boolean withParts;

    private IdentifierAnalyzer(boolean withParts) {
        this.withParts = withParts;
    }

    /** The analyzer for indexing: whole tokens and their parts. */
    static IdentifierAnalyzer forIndex() {
        return new IdentifierAnalyzer(true);
    }

    /** The analyzer for queries: whole tokens only. */
    static IdentifierAnalyzer forQuery() {
        return new IdentifierAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(
                c -> Character.isLetterOrDigit(c) || TOKEN_PUNCTUATION.indexOf(c) >= 0);
        TokenStream stream = new IdentifierFilter(tokenizer, withParts);
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
