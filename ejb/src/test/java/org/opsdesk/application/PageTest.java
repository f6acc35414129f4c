package org.opsdesk.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class PageTest {

    @Test
    void aPageSizeOutOfRangeIsRefusedNotQuietlyChanged() {
        assertThat(Page.limit(0)).isEqualTo(Page.DEFAULT_LIMIT);
        assertThat(Page.limit(1)).isEqualTo(1);
        assertThat(Page.limit(Page.MAX_LIMIT)).isEqualTo(Page.MAX_LIMIT);
        assertThatThrownBy(() -> Page.limit(Page.MAX_LIMIT + 1)).isInstanceOf(DomainException.class)
                .hasMessageContaining("1-500");
        assertThatThrownBy(() -> Page.limit(-5)).isInstanceOf(DomainException.class);
        assertThat(Page.offset(0)).isZero();
        assertThatThrownBy(() -> Page.offset(-1)).isInstanceOf(DomainException.class);
    }
}
