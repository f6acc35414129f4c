package org.opsdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuerySyntaxTest {

    @ParameterizedTest
    @CsvSource({"123, 123", "'#123', 123", "'  #42 ', 42", "007, 7"})
    void aNumberWithOrWithoutHashIsATicketNumber(String query, long number) {
        assertThat(QuerySyntax.ticketNumber(query)).hasValue(number);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "#", "0", "#0", "12a", "# 12", "1 2", "-5", "12.5", "##12", "99999999999999999999"})
    void anythingElseIsNot(String query) {
        assertThat(QuerySyntax.ticketNumber(query)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"ticket, TICKET", "PAGE, PAGE", "' page ', PAGE"})
    void docTypesHaveStableCodes(String code, DocType type) {
        assertThat(DocType.fromCode(code)).isEqualTo(type);
        assertThat(DocType.fromCode(type.code())).isEqualTo(type);
    }
}
