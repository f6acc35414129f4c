package org.opsdesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    @Test
    void splitsTheQuoteWithItsAttributionLine() {
        QuotedText t = QuotedText.split("Thanks, works now.\n\nOn Mon, 1 Dec 2025, Ops wrote:\n> Try again.\n> Bye");
        assertThat(t.own()).isEqualTo("Thanks, works now.");
        assertThat(t.quoted()).startsWith("On Mon, 1 Dec 2025, Ops wrote:").endsWith("> Bye");
        assertThat(t.hasQuote()).isTrue();
    }

    @Test
    void aMessageWithoutQuoteOrOnlyAQuoteIsShownWhole() {
        assertThat(QuotedText.split("plain text").hasQuote()).isFalse();
        QuotedText onlyQuote = QuotedText.split("> all quoted");
        assertThat(onlyQuote.own()).isEqualTo("> all quoted");
        assertThat(onlyQuote.hasQuote()).isFalse();
        assertThat(QuotedText.split(null).own()).isEmpty();
    }

    @Test
    void anAnswerBelowTheQuoteStaysInView() {
        // mailing-list style: the answer under the lines it answers; collapsing from the first '>' hid it
        String text = "On Wed, 21 Aug 2002, Bob wrote:\n> Does razor work with 2.40?\n\nYes, since 2.41 it does.\n"
                + "-- \nAlice";
        QuotedText t = QuotedText.split(text);
        assertThat(t.hasQuote()).isFalse();
        assertThat(t.own()).isEqualTo(text.strip());
    }

    @Test
    void answersBetweenQuotedLinesStayInViewAndOnlyTheQuoteAtTheEndFolds() {
        String text = "> first question\nfirst answer\n\n> second question\nsecond answer\n\n> the rest\n>\n> of it\n";
        QuotedText t = QuotedText.split(text);
        assertThat(t.own()).isEqualTo("> first question\nfirst answer\n\n> second question\nsecond answer");
        assertThat(t.quoted()).isEqualTo("> the rest\n>\n> of it");
    }

    @Test
    void outlooksOriginalMessageFoldsToTheEndThoughItCarriesNoMarks() {
        QuotedText t = QuotedText.split("Done.\n\n-----Original Message-----\nFrom: Ops\nSent: Monday\n\nPlease restart.\n"
                + "> older\nmore of the old mail");
        assertThat(t.own()).isEqualTo("Done.");
        assertThat(t.quoted()).startsWith("-----Original Message-----").endsWith("more of the old mail");
    }

    @Test
    void theHeaderBlockOfNewerOutlookAndWebmailFoldsToTheEnd() {
        QuotedText t = QuotedText.split("Works now, thanks.\n\n________________________________\nFrom: Support <s@x>\n"
                + "Sent: Monday, 1 December 2025 10:00\nTo: Carol\nSubject: RE: Printer jams\n\nUrgent: it jams.");
        assertThat(t.own()).isEqualTo("Works now, thanks.");
        assertThat(t.quoted()).startsWith("________").endsWith("Urgent: it jams.");
        String rule = "_".repeat(32);
        assertThat(QuotedText.split("Danke!\n\n" + rule + "\nVon: Support <s@x>\nGesendet: Montag\nAn: Carol\n"
                + "Betreff: AW: Drucker\n\nDringend").own()).isEqualTo("Danke!");
        assertThat(QuotedText.split("Merci.\n" + rule + "\nDe : Support\nEnvoyé : lundi\nObjet : Imprimante\n\nUrgent")
                .own()).isEqualTo("Merci.");
        assertThat(QuotedText.authorsOwn("Fixed.\n\nAm 01.12.2025 um 10:00 schrieb Support <s@x>:\nDringend: Drucker"))
                .isEqualTo("Fixed.");
        assertThat(QuotedText.authorsOwn("Réparé.\n\nLe lun. 1 déc. 2025 à 10:00, Support <s@x> a écrit :\nUrgent"))
                .isEqualTo("Réparé.");
        // the customer's own words: a sender named, a mail pasted without the rule, a sentence that reads like an
        // attribution
        for (String own : new String[] {"From: the monitoring, again.\nSubject: disk full on db01.\n\nPlease look.",
                "Our backup job mails us this:\nFrom: root@db01\nDate: Mon, 1 Dec 2025 02:00\nSubject: Cron backup\n\n"
                        + "backup: No space left\n\nUrgent: failing 3 days.",
                "Am Freitag schrieb uns der Kunde:\nDringend bitte."}) {
            assertThat(QuotedText.split(own).hasQuote()).as(own).isFalse();
            assertThat(QuotedText.authorsOwn(own)).as(own).isEqualTo(own);
        }
    }

    @Test
    void anAttributionWithoutMarkedLinesFoldsToTheEnd() {
        QuotedText t = QuotedText.split("Fixed.\n\nOn Mon, 1 Dec 2025 at 10:00, Ops wrote:\nPlease restart it.");
        assertThat(t.own()).isEqualTo("Fixed.");
        assertThat(t.quoted()).isEqualTo("On Mon, 1 Dec 2025 at 10:00, Ops wrote:\nPlease restart it.");
    }

    @Test
    void theAuthorsOwnWordsLeaveOutEveryQuotedLine() {
        assertThat(QuotedText.authorsOwn("Still broken.\n\nOn Mon, Alice wrote:\n> Urgent: the printer jams."))
                .isEqualTo("Still broken.");
        assertThat(QuotedText.authorsOwn("> Is it urgent?\nNo.\n> Which printer?\nThe one on 3.")).isEqualTo(
                "No.\nThe one on 3.");
        assertThat(QuotedText.authorsOwn("Urgent now.\n-----Original Message-----\nFrom: x")).isEqualTo(
                "Urgent now.");
        assertThat(QuotedText.authorsOwn("> only a quote")).isEmpty();
        assertThat(QuotedText.authorsOwn("_".repeat(32) + "\nFrom: OpsDesk\nSent: Monday\nSubject: VPN\n\n@bob look"))
                .as("a notification forwarded without a word").isEmpty();
        assertThat(QuotedText.authorsOwn(null)).isEmpty();
    }
}
