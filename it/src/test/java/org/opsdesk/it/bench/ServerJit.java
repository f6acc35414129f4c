package org.opsdesk.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * the first pass during which they were busy less than {@value #SETTLED_SHARE_PERCENT}% of the pass's time.
 */
final class ServerJit {

    /** How busy (percent of one core over a pass) the compiler threads may be in a pass that counts as settled. */
    static final int SETTLED_SHARE_PERCENT = 10;
    /** Linux's clock ticks per second in {@code /proc/PID/task/TID/stat} (USER_HZ; 100 on every Linux we run). */
    private static final long TICKS_PER_SECOND = 100;

    private final Path tasks;

    private ServerJit(long pid) {
        this.tasks = Path.of("/proc", String.valueOf(pid), "task");
    }

    /** The bench server's JVM (the one started with the test port offset), when {@code /proc} shows it. */
    static Optional<ServerJit> find() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules")
                        && c.contains("-Djboss.socket.binding.port-offset=100")).orElse(false))
                .findFirst().map(p -> new ServerJit(p.pid())).filter(j -> Files.isDirectory(j.tasks));
    }

    /**
     * Runs {@code pass} at least {@code min} times and at most {@code max}, until a pass during which the server's
     * JIT compilers used less than {@value #SETTLED_SHARE_PERCENT}% of one core; without {@code /proc} (another OS),
     * {@code min} times. Prints a {@code bench ... warm-up} line with the passes and the compilers' last share.
     */
    static void warmUp(String what, int min, int max, Callable<?> pass) throws Exception {
        Optional<ServerJit> jit = find();
        int passes = 0;
        double share = Double.NaN;
        while (passes < max) {
            long cpu0 = jit.map(ServerJit::compilerNanos).orElse(0L);
            long t0 = System.nanoTime();
            pass.call();
            passes++;
            if (jit.isPresent()) {
                share = 100.0 * (jit.get().compilerNanos() - cpu0) / (System.nanoTime() - t0);
            }
            // a compiler thread that ended meanwhile took its time along: a negative share proves nothing
            if (passes >= min && (jit.isEmpty() || share >= 0 && share < SETTLED_SHARE_PERCENT)) {
                break;
            }
        }
        System.out.printf("bench %s warm-up passes=%d jit-compilers-last-pass=%s%n", what, passes,
                jit.isEmpty() ? "unknown (no /proc)" : String.format("%.0f%% of a core", share));
    }

    /** CPU time the JVM's C1 and C2 compiler threads have used so far. */
    long compilerNanos() {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                ticks += compilerTicks(t);
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** User and system ticks of a thread if it is a JIT compiler thread ("C2 CompilerThread0"…), else 0. */
    private static long compilerTicks(Path thread) {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
