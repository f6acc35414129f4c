package org.opsdesk.it.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What an MTA does with the pipe client: run it per message, and on exit 75 (EX_TEMPFAIL) try again later. */
final class Mta {

    /** An MTA's retry interval, shortened for a drill. */
    private static final long RETRY_MILLIS = 250;

    private Mta() {
    }

    /** Delivers one message through {@code opsdesk-mailgate}; answers its final exit code (0 or a refusal). */
    static int deliver(byte[] raw, AtomicInteger tempFailures, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", System.getProperty("opsdesk.it.mailgate",
                "../mail-gateway/bin/opsdesk-mailgate")));
        cmd.addAll(Arrays.asList(args));
        try {
            while (true) {
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (var in = p.getOutputStream()) {
                    in.write(raw);
                } catch (IOException e) {
                    // the client stopped reading: its exit code tells why
                }
                int exit = p.waitFor();
                if (exit != 75) {
                    return exit;
                }
                tempFailures.incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS); // the queue's retry interval, not a wait for a condition
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
