package org.opsdesk.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Warm-up until the server's JIT compilers have settled. On this 2-core machine the server's one C2 thread keeps
 * compiling for minutes of load after start (WildFly, Hibernate, Lucene and OpsDesk are a lot of hot code): measured
 * by hand, 45% of the server's CPU went to C2 during the third pass of the mail corpus and 4-6% from about the
 * ninth, while the mail rate rose from 90 to 115-120 messages a second. A fixed number of warm-up passes therefore
 * measures part of the warm-up on one machine and wastes time on another. This reads the server's compiler threads'
 * CPU time from {@code /proc} (the bench server is a local JVM, found by its port offset) and ends the warm-up after
 * the first pass during which they were busy less than {@value #SETTLED_SHARE_PERCENT}% of the pass's time. Where
 * it cannot tell (no {@code /proc}, the server not found), it warms up for the most passes allowed.
 */
final class ServerJit {

    /** How busy (percent of one core over a pass) the compiler threads may be in a pass that counts as settled. */
    static final int SETTLED_SHARE_PERCENT = 10;
    /** The bench server's JVM argument that tells it from any other WildFly here (arquillian.xml). */
    private static final String SERVER_ARGUMENT = "-Djboss.socket.binding.port-offset=100";
    /** Clock ticks per second in {@code /proc/PID/task/TID/stat}: Linux's USER_HZ, 100 on x86-64 and arm64. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path tasks;

    private ServerJit(long pid) {
        this.tasks = Path.of("/proc", String.valueOf(pid), "task");
    }

    /** The bench server's JVM, when {@code /proc} shows it and its JIT compiler threads. */
    static Optional<ServerJit> find() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(SERVER_ARGUMENT)).orElse(false))
                .findFirst().map(p -> new ServerJit(p.pid())).filter(j -> !j.compilerTicks().isEmpty());
    }

    /**
     * Runs {@code pass} at least {@code min} times and at most {@code max}, until a pass during which the server's
     * JIT compilers used less than {@value #SETTLED_SHARE_PERCENT}% of one core; {@code max} times where that cannot
     * be read. Prints a {@code bench ... warm-up} line with the passes and the compilers' share in the last one.
     */
    static void warmUp(String what, int min, int max, Callable<?> pass) throws Exception {
        Optional<ServerJit> jit = find();
        int passes = 0;
        double share = Double.NaN;
        while (passes < max) {
            Map<String, Long> before = jit.map(ServerJit::compilerTicks).orElse(Map.of());
            long t0 = System.nanoTime();
            pass.call();
            passes++;
            if (jit.isEmpty()) {
                continue;
            }
            share = jit.get().busyPercent(before, System.nanoTime() - t0);
            if (passes >= min && share >= 0 && share < SETTLED_SHARE_PERCENT) {
                break;
            }
        }
        System.out.printf("bench %s warm-up passes=%d jit-compilers-last-pass=%s%n", what, passes,
                jit.isEmpty() ? "unknown (server JVM or its compiler threads not found in /proc)"
                        : share < 0 ? "unknown (compiler threads unreadable)"
                        : String.format("%.0f%% of a core", share));
    }

    /**
     * How busy the compiler threads were since {@code before}, in percent of one core over {@code nanos}: only the
     * threads present at both readings count (one that ended took its time along, one that began has none before);
     * -1 when none was.
     */
    private double busyPercent(Map<String, Long> before, long nanos) {
        Map<String, Long> after = compilerTicks();
        long ticks = 0;
        boolean any = false;
        for (Map.Entry<String, Long> t : after.entrySet()) {
            Long earlier = before.get(t.getKey());
            if (earlier != null) {
                ticks += t.getValue() - earlier;
                any = true;
            }
        }
        return any ? 100.0 * ticks * (1_000_000_000L / TICKS_PER_SECOND) / nanos : -1;
    }

    /** User and system ticks used so far by each JIT compiler thread ("C2 CompilerThread0"…), by thread id. */
    private Map<String, Long> compilerTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> ticksIfCompiler(t).ifPresent(n -> ticks.put(t.getFileName().toString(), n)));
        } catch (IOException | UncheckedIOException e) {
            return Map.of(); // the server exited
        }
        return ticks;
    }

    private static Optional<Long> ticksIfCompiler(Path thread) {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return Optional.empty();
            }
            String stat = Files.readString(thread.resolve("stat"));
            // fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the thread ended meanwhile, or its stat line is not as expected
        }
    }
}
