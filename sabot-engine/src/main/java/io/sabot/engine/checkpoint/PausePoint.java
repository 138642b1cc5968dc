package io.sabot.engine.checkpoint;

/**
 * Named places where a crash test can stop the engine on purpose. With the system property
 * {@code sabot.pause=<name>} (or {@code <name>@<n>} for the n-th time the place is reached) the
 * thread that reaches it prints {@code PAUSED <name>} on standard output and sleeps, so that the
 * test kills the process exactly there. Without the property every call is a no-op (a static final
 * null check the JIT folds away).
 *
 * <p>A paused process that nobody kills halts itself after two minutes, so a broken test leaves no
 * process behind.
 */
public final class PausePoint {

    public static final String PROPERTY = "sabot.pause";
    public static final String MARKER = "PAUSED ";

    private static final String NAME;
    private static final long OCCURRENCE;
    private static long reached;

    static {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank()) {
            NAME = null;
            OCCURRENCE = 0;
        } else {
            int at = spec.indexOf('@');
            NAME = at < 0 ? spec : spec.substring(0, at);
            try {
                OCCURRENCE = at < 0 ? 1 : Long.parseLong(spec.substring(at + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + spec + ": expected <name> or <name>@<occurrence>,"
                        + " e.g. checkpoint.before-rename@3", e);
            }
        }
    }

    private PausePoint() {
    }

    /** True when this run is set to pause at {@code name} (on some occurrence). */
    public static boolean isArmed(String name) {
        return NAME != null && NAME.equals(name);
    }

    /** Pauses here for good when this is the configured place and occurrence. */
    public static void reach(String name) {
        if (NAME == null || !NAME.equals(name)) {
            return;
        }
        synchronized (PausePoint.class) {
            if (++reached != OCCURRENCE) {
                return;
            }
        }
        System.out.println(MARKER + name + "@" + OCCURRENCE);
        System.out.flush();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Runtime.getRuntime().halt(97);
    }
}
