package io.sabot.budget.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which real builds one paired session runs: per load phase (the machine as it is, then with a
 * CPU-bound process on one core), per injected slowdown, how many paired builds and how many
 * stored-baseline builds. Written {@code idle:aa=10+5,15=3+2;cpu:aa=3+1}: phase {@code idle} runs
 * 10 paired and 5 stored A/A builds and 3 + 2 builds with 15% more work; {@code aa} is the unchanged
 * code, a number is the injected slowdown in percent. {@code idle@45:...} caps the phase at 45 minutes:
 * no build starts after that (the one running finishes), so a session's machine time is bounded.
 *
 * <p>Within a phase the builds of every condition are spread evenly over the phase and the two modes
 * alternate ({@link #schedule}), so a drift of the machine over the session moves every condition and
 * both modes alike instead of one condition measured at its end.
 */
record PairedPlan(List<Phase> phases) {

    /** Where the machine is as the harness finds it, or with a busy loop on one core ({@link CpuLoad}). */
    enum Load {
        IDLE, CPU;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Load of(String text) {
            for (Load l : values()) {
                if (l.label().equals(text)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown load '" + text + "'; expected idle or cpu");
        }
    }

    /** Paired: {@code budget:check -Dbudget.against=classpath:...}; stored: against a baseline file recorded at the session's start. */
    enum Mode {
        PAIRED, STORED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Entry(double slowdown, int paired, int stored) {
        Entry {
            if (slowdown < 0 || slowdown > 1 || paired < 0 || stored < 0) {
                throw new IllegalArgumentException("bad plan entry: slowdown " + slowdown + ", " + paired + " + " + stored + " builds");
            }
        }
    }

    /** @param minutes no build of the phase starts this long after its first one; 0: no cap */
    record Phase(Load load, int minutes, List<Entry> entries) {
        Phase {
            entries = List.copyOf(entries);
            if (minutes < 0) {
                throw new IllegalArgumentException("a phase's time cap must be positive minutes, not " + minutes);
            }
        }
    }

    /** One build of the schedule. */
    record Step(Load load, Mode mode, double slowdown) {
    }

    /** The phase of a load, which the plan has (the schedule's steps come from it). */
    Phase phase(Load load) {
        return phases.stream().filter(p -> p.load() == load).findFirst().orElseThrow();
    }

    /**
     * What {@code --paired} runs without {@code --plan}: about an hour of measurement on this 2-core
     * machine; A/A weighted most, as its target needs the most builds.
     */
    static final String DEFAULT = "idle:aa=10+5,5=3+2,15=3+2,25=2+1;cpu:aa=3+2,15=2+1";

    PairedPlan {
        phases = List.copyOf(phases);
    }

    static PairedPlan parse(String text) {
        List<Phase> phases = new ArrayList<>();
        for (String phaseText : text.trim().split(";")) {
            int colon = phaseText.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("plan phase '" + phaseText + "' lacks 'load:'; e.g. idle:aa=10+5,15=3+2");
            }
            String head = phaseText.substring(0, colon).trim();
            int at = head.indexOf('@');
            int minutes = 0;
            if (at >= 0) {
                try {
                    minutes = Integer.parseInt(head.substring(at + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("plan phase '" + head + "': the cap after @ must be whole minutes, e.g. idle@45");
                }
                if (minutes <= 0) {
                    throw new IllegalArgumentException("plan phase '" + head + "': the cap after @ must be 1 minute or more");
                }
                head = head.substring(0, at).trim();
            }
            Load load = Load.of(head);
            if (phases.stream().anyMatch(p -> p.load() == load)) {
                throw new IllegalArgumentException("plan names the load '" + load.label() + "' twice");
            }
            List<Entry> entries = new ArrayList<>();
            for (String entryText : phaseText.substring(colon + 1).split(",")) {
                entries.add(entry(entryText.trim()));
            }
            phases.add(new Phase(load, minutes, entries));
        }
        return new PairedPlan(phases);
    }

    private static Entry entry(String text) {
        String[] parts = text.split("=");
        if (parts.length != 2) {
            throw new IllegalArgumentException("plan entry '" + text + "' must be CONDITION=PAIRED+STORED, e.g. aa=10+5 or 15=3+2");
        }
        double slowdown;
        if (parts[0].equals("aa")) {
            slowdown = 0;
        } else {
            try {
                slowdown = Integer.parseInt(parts[0]) / 100.0;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("plan condition '" + parts[0] + "' must be aa or a slowdown in percent (5, 15, 25)");
            }
            if (slowdown <= 0) {
                throw new IllegalArgumentException("plan condition '" + parts[0] + "': write the unchanged code as aa");
            }
        }
        String[] counts = parts[1].split("\\+");
        try {
            int paired = Integer.parseInt(counts[0].trim());
            int stored = counts.length > 1 ? Integer.parseInt(counts[1].trim()) : 0;
            if (counts.length > 2) {
                throw new NumberFormatException();
            }
            return new Entry(slowdown, paired, stored);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plan entry '" + text + "': counts must be PAIRED or PAIRED+STORED, e.g. 10+5");
        }
    }

    boolean hasStoredBuilds() {
        return phases.stream().flatMap(p -> p.entries().stream()).anyMatch(e -> e.stored() > 0);
    }

    /**
     * The builds in the order they run: phases in plan order; within a phase, the k-th of n builds of a
     * condition and mode sits at (k + 1/2)/n of the phase, the builds sorted by that position (ties in
     * plan order, paired before stored).
     */
    List<Step> schedule() {
        List<Step> steps = new ArrayList<>();
        for (Phase phase : phases) {
            record Placed(double position, int order, Step step) {
            }
            List<Placed> placed = new ArrayList<>();
            int order = 0;
            for (Entry e : phase.entries()) {
                for (Mode mode : Mode.values()) {
                    int n = mode == Mode.PAIRED ? e.paired() : e.stored();
                    for (int k = 0; k < n; k++) {
                        placed.add(new Placed((k + 0.5) / n, order, new Step(phase.load(), mode, e.slowdown())));
                    }
                    order++;
                }
            }
            placed.sort(Comparator.comparingDouble(Placed::position).thenComparingInt(Placed::order));
            placed.forEach(p -> steps.add(p.step()));
        }
        return steps;
    }

    /** "A/A" or "+15%". */
    static String conditionLabel(double slowdown) {
        return slowdown == 0 ? "A/A" : String.format(Locale.ROOT, "+%.0f%%", slowdown * 100);
    }
}
