package org.opsdesk.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A migration that has been released is never edited: a database migrated by the old text fails Flyway's validation
 * (checksum mismatch) and keeps the old schema. A correction is a new version. This pins each released migration's
 * text (line endings aside); a new migration is added to the list when it is committed.
 */
class ReleasedMigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @SuppressWarnings("unchecked")
    private static final Map<String, String> RELEASED = Map.ofEntries(
            Map.entry("V1__ticket_core.sql", "5b0d1e3dce631a99d1857d8195acb0c5f5042f4839f439872746224e40584013"),
            Map.entry("V2__mail.sql", "89e4f9c56b85b7eece48925abce3f75db3d5c627bdd0b4d3188b68bc175a2fe6"),
            Map.entry("V3__alerts.sql", "48001e4b1d7147b256a6411c8af4e4cfc54a943a58ab53ce71680c14040eca01"),
            Map.entry("V4__mail_alert_intake.sql", "47a1dae93bb72d8af81b22f1edc7be666b6c21fe155aad7f60b652375bb47eed"),
            Map.entry("V5__inbound_raw_apart.sql", "acdd6ce40c1140a3b856e58852566e5b7b6380bf7eb6c297e58617406c405c5c"),
            Map.entry("V6__wiki_and_search_outbox.sql", "6032e387d3a740cb3e3c7fddaac9cd7fae014328ccc529eea94045a1f68ce05c"),
            Map.entry("V7__list_sort_indexes.sql", "e37e8f22b801c12cc888b705cd1f937490f69416153c8592f37516987b4be541"),
            Map.entry("V8__queue_autoreply_template.sql", "8c6165cf3b39690fbef81c006f895625e5b21ad95e4138717109b9f2ec7c2593"),
            Map.entry("V9__attachment_content_id.sql", "ba76f15846ab19cf69bbfccc4bfe950f9a4c5a6b99d612a1101b6f60ae8f0232"),
            Map.entry("V10__outbound_mail_version.sql", "e6c34a68ae097f491afcbd90c60317c34600d07a4258f0051a3c663be5965285"),
            Map.entry("V11__outbound_mail_created_ix.sql", "c31ff77ed80def5aee905172835ed3269f14688a4d05972824e89e1f145ef987"),
            Map.entry("V12__indexes_for_growing_tables.sql", "7dac27f41a08f331f6bf2b391999a77c2af7623d4d1b475376c20e456711770d"),
            Map.entry("V13__outbound_recipients_unbounded.sql", "85670dec535a05d0407bf3b66a75610b73b89eaf606dac89e1b7a3a4a5fa13b4"),
            Map.entry("V14__host_names_lock.sql", "0cc55d5e4d2f8a3158a40ec5b6f11607613ae51deec6e2ad33446a77d25962fc"),
            Map.entry("V15__person_version.sql", "7bbce918acafeb7a660af7763e5b757ee66d74bf34a5f41bdc9a571da6e89e45"),
            Map.entry("V16__admins_lock.sql", "b0b4b039a3e0f7c920d1c135252cc1282c12bd2bd8f1749ec7f077ea7be52ee4"),
            Map.entry("V17__alert_source_mail_senders.sql", "43af88f788120cfb1118c9b939a8aa27d43563d51c494d3c9c48d7af5d3d1253"),
            Map.entry("V18__alert_reported_times.sql", "460ef90d368cd96eb9d1cc220e9cea48b2fa67ed81c023b4cd9c33baea3abff2"),
            Map.entry("V19__default_queue_lock.sql", "092198fbfa1003273a93b708da6f22566b1fa54a3d7b7aa1a52974466bd18b8f"),
            Map.entry("V20__outbound_forward.sql", "f1da33a8a8a7040d4df08d94edabba3b80b30b95f20e97825f0a100de52dfef9"),
            Map.entry("V21__pending_until.sql", "8e4d4c53898da15b4c360afb08fd7c0539813cfc4ec58c0672324614a2716e54"),
            Map.entry("V22__queue_notify.sql", "2966eebe47a31105db7d5aedd6a64c4e31558b515ad94269a2a07a49d5c4cd30"),
            Map.entry("V23__time_worked.sql", "ebc9ecbeaed17a26fa345b919929569f6fa8f028ac2e694622634235f892e94e"),
            Map.entry("V24__blocked_senders.sql", "63c43ea4e96b8cefdd2d306be0d97f66e4b9d535475f42415740edc6656ddb0d"),
            Map.entry("V25__ticket_tags.sql", "3e60873f35e331197503ff448e4a238c39ba301a8460c1a4de6e4b59ab31d63b"),
            Map.entry("V26__inbound_ignored_ix.sql", "66f0e9f895d2ffb8d9bcb2b78acd667d9f213d25a1af6df5d5d0e7f70fcc12a8"),
            Map.entry("V27__ticket_watchers.sql", "5e2505683ebe20dc065e8bc251bbfd028c574e70b7721aee22750c73dd3ae5bc"),
            Map.entry("V28__saved_views.sql", "614b189ef0e445eb220f4284d562e9b9233c3f253347421a1db4c0f75075d31c"),
            Map.entry("V29__queue_signature.sql", "3b539240db0b69279e4e824c74e9212732845650bcabe758c947b67c9dfb4582"),
            Map.entry("V30__service_levels.sql", "a1115d32e69328bef66c6a550cf01f7ead7f0c401b43d1a344edf21c481df025"),
            Map.entry("V31__macros.sql", "4d56d5b965dc6b7f7f8a507cdc0942b7cf92a0d33afa0aa87323429b139d553c"),
            Map.entry("V32__organizations.sql", "63ce9aeb84d5e42e40a0824f9925f6a0393c9028b0c9bd908ac420225eca7816"),
            Map.entry("V33__triggers.sql", "d60cd96e1ac1d3e6b0220ead6d57f7651ffcaee19e4cb31ff702028e26e5ba45"),
            Map.entry("V34__service_level_warnings.sql", "a8b89d9604fd431a927c20ede01698bbbbbc8559b22729fb01303bbcaef35c11"),
            Map.entry("V35__trigger_organization.sql", "1f3f73fbe808873f75439a538b811a717e9131a59978c2e241313aa2139746c2"),
            Map.entry("V36__message_original_mail.sql",
                    "0faab18c18c16e6ed6f941574aa9d1b5760c3b8b4e833c6b2f030661ad6de6f3"),
            Map.entry("V37__trigger_on_reply.sql", "fd2578d7c41850fec7e60f4fce1d47d42d2fc7700ae63427a9aa3e3af4c41c87"),
            Map.entry("V38__host_monitored.sql", "3ca72311c95d693e0dd550005f8032899a6c9897162727019449e24e427e9244"),
            Map.entry("V39__first_response_backfill.sql",
                    "df4cbe40eff144ffbf9ecd1c02f1eded9f4f511b00b2d560274c10f580182368"));

    @Test
    void releasedMigrationsAreUnchangedAndEveryMigrationIsListed() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sql")).toList()) {
                found.put(f.getFileName().toString(), sha256(Files.readString(f, StandardCharsets.UTF_8)
                        .replace("\r\n", "\n")));
            }
        }
        assertThat(found).as("migrations (a new one: add its name and SHA-256 here; an edited one: make it a new"
                + " version instead)").containsExactlyInAnyOrderEntriesOf(RELEASED);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
