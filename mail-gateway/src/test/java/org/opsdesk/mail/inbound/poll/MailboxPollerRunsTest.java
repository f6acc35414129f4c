package org.opsdesk.mail.inbound.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/**
 * How a poll's messages are cut into runs fetched whole in one IMAP command (at most 50 messages or 8 MB), and how
 * much one poll takes.
 */
class MailboxPollerRunsTest {

    private static final int MB = 1 << 20;

    @Test
    void runsOfFiftyMessages() throws MessagingException {
        List<List<Message>> chunks = prefetchRuns(messages(120, 10_000));

        assertThat(chunks).extracting(List::size).containsExactly(50, 50, 20);
    }

    @Test
    void aRunEndsBeforeItWouldPassEightMegabytes() throws MessagingException {
        List<Message> batch = new ArrayList<>(messages(3, 3 * MB));
        batch.addAll(messages(2, MB));

        // 3 + 3 MB, then 3 + 1 + 1 MB
        assertThat(prefetchRuns(batch)).extracting(List::size).containsExactly(2, 3);
    }

    @Test
    void aMessageLargerThanARunIsARunOfItsOwn() throws MessagingException {
        List<Message> batch = new ArrayList<>(messages(1, 1000));
        batch.addAll(messages(1, 20 * MB));
        batch.addAll(messages(1, 1000));

        assertThat(prefetchRuns(batch)).extracting(List::size).containsExactly(1, 1, 1);
    }

    @Test
    void noMessagesNoRuns() throws MessagingException {
        assertThat(prefetchRuns(List.of())).isEmpty();
    }

    @Test
    void aPollTakesTheFirstRunOfTwoHundredMessagesOrSixtyFourMegabytes() throws MessagingException {
        assertThat(MailboxPoller.runs(messages(230, 10_000), MailboxPoller.BATCH, MailboxPoller.BATCH_BYTES))
                .extracting(List::size).containsExactly(200, 30);
        assertThat(MailboxPoller.runs(messages(10, 10 * MB), MailboxPoller.BATCH, MailboxPoller.BATCH_BYTES))
                .extracting(List::size).containsExactly(6, 4);
    }

    private static List<List<Message>> prefetchRuns(List<Message> batch) throws MessagingException {
        return MailboxPoller.runs(batch, MailboxPoller.PREFETCH, MailboxPoller.PREFETCH_BYTES);
    }

    /** Messages that report a size, as a server's SIZE answer gives it before the content is fetched. */
    private static List<Message> messages(int count, int size) {
        Session session = Session.getInstance(new Properties());
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new MimeMessage(session) {
                @Override
                public int getSize() {
                    return size;
                }
            });
        }
        return messages;
    }
}
