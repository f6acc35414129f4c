package org.opsdesk.domain.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class SavedViewTest {

    private final Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
    private final Person alice = withId(Person.agent("alice", "Alice", null, false, t0), 1L);
    private final Person bob = withId(Person.agent("bob", "Bob", null, false, t0), 2L);
    private final Person root = withId(Person.agent("root", "Root", null, true, t0), 3L);

    @Test
    void aViewHasANameOnOneLineAndAQueryStringAndIsDeletedByItsOwnerOrAnAdmin() {
        SavedView v = new SavedView(alice, " Urgent\tmine ", "view=mine&priority=urgent", false, t0);
        assertThat(v.name()).isEqualTo("Urgent mine");
        assertThat(v.shared()).isFalse();
        v.change("view=mine", true, t0.plusSeconds(60));
        assertThat(v.query()).isEqualTo("view=mine");
        assertThat(v.shared()).isTrue();
        assertThat(v.updatedAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(v.createdAt()).isEqualTo(t0);
        assertThat(v.mayBeDeletedBy(alice)).isTrue();
        assertThat(v.mayBeDeletedBy(bob)).isFalse();
        assertThat(v.mayBeDeletedBy(root)).isTrue();
        assertThat(new SavedView(alice, "All", "", false, t0).query()).as("every active ticket").isEmpty();
    }

    @Test
    void aViewOfARenamedOrganizationFollowsItsNewName() {
        SavedView v = new SavedView(alice, "Acme", "view=escalated&organization=ACME+Corp&tag=vpn", true, t0);
        assertThat(v.organizationRenamed("Acme corp", "Acme & Co", t0.plusSeconds(60))).isTrue();
        assertThat(v.query()).isEqualTo("view=escalated&organization=Acme+%26+Co&tag=vpn");
        assertThat(v.shared()).isTrue();
        assertThat(v.updatedAt()).isEqualTo(t0.plusSeconds(60));
        SavedView other = new SavedView(alice, "Other", "organization=Acme+Corporation", false, t0);
        assertThat(other.organizationRenamed("Acme Corp", "X", t0)).isFalse();
        assertThat(other.query()).isEqualTo("organization=Acme+Corporation");
    }

    @Test
    void whatIsNoNameNoQueryOrNoAgentIsRefused() {
        for (String name : new String[] {null, "", " \n ", "x".repeat(101)}) {
            assertThatThrownBy(() -> new SavedView(alice, name, "view=mine", false, t0)).as(String.valueOf(name))
                    .isInstanceOf(DomainException.class).hasMessageContaining("1-100 characters");
        }
        for (String query : new String[] {null, "q=a\nb", "q=" + "x".repeat(2000), "q=\"><script>", "javascript:x"}) {
            assertThatThrownBy(() -> new SavedView(alice, "v", query, false, t0)).as(String.valueOf(query))
                    .isInstanceOf(DomainException.class).hasMessageContaining("query string");
        }
        Person customer = Person.customer(EmailAddress.of("c@customer.example"), t0);
        assertThatThrownBy(() -> new SavedView(customer, "v", "", false, t0)).isInstanceOf(DomainException.class);
        Person gone = withId(Person.agent("gone", "Gone", null, false, t0), 4L);
        gone.disable();
        assertThatThrownBy(() -> new SavedView(gone, "v", "", false, t0)).isInstanceOf(DomainException.class);
    }

    private static Person withId(Person p, long id) {
        try {
            Field f = Person.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(p, id);
            return p;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
