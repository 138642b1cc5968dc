package io.sabot.budget.harness;

import io.sabot.budget.core.gate.GateException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * A session of real builds ({@code --paired}): records the stored baseline when the plan has stored
 * builds, runs the plan's builds in {@link PairedPlan#schedule} order, with the busy loop of
 * {@link CpuLoad} running through the {@code cpu} phase only, appends each build to
 * {@code builds.jsonl} as it finishes and finally reports every session recorded there.
 */
final class PairedSession {

    static final String RECORDS = "builds.jsonl";
    /** The core the busy loop is pinned to (of cores 0 and 1 on this machine kind). */
    static final int LOADED_CORE = 1;
    private static final DateTimeFormatter DIRECTORY = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private PairedSession() {
    }

    /** Mode label of stored builds judged against a baseline an earlier session recorded. */
    static final String STORED_EARLIER = "stored-earlier";

    static void measure(PairedPlan plan, Path work, Path records, Optional<Path> earlierBaseline) throws IOException, GateException {
        Instant session = Instant.now();
        Path directory = work.resolve("paired").resolve("session-" + DIRECTORY.format(session));
        PairedCode code = new PairedCode(work.resolve("paired").resolve("code"), PairedCode.thisClasspath());
        PairedBuildRunner runner = new PairedBuildRunner(Path.of(System.getProperty("java.home"), "bin", "java"), code);
        List<PairedPlan.Step> steps = plan.schedule();
        log("session " + session + ": " + steps.size() + " builds (" + plan.phases().size() + " phase(s)), load "
                + PoolRunner.loadAverage() + "; records in " + records);
        Path storedBaseline = directory.resolve("stored-baseline.json");
        if (plan.hasStoredBuilds() && earlierBaseline.isPresent()) {
            Files.createDirectories(directory);
            Files.copy(earlierBaseline.get(), storedBaseline);
            log("stored builds are judged against " + earlierBaseline.get() + ", recorded by an earlier session (copied to "
                    + storedBaseline + ")");
        } else if (plan.hasStoredBuilds()) {
            String before = PoolRunner.loadAverage();
            Instant start = Instant.now();
            log("recording the stored baseline (" + PairedBuildRunner.STORED_FORKS + " forks of the unchanged code), load " + before);
            runner.recordBaseline(directory.resolve("stored-baseline"), storedBaseline);
            BuildRecord.append(records, new BuildRecord(session.toString(), 0, "baseline", "idle", 0, start.toString(),
                    Duration.between(start, Instant.now()).toMillis() / 1000.0, before, PoolRunner.loadAverage(), 0,
                    PairedBuildRunner.STORED_FORKS * PairedBuildRunner.secondsPerFork(), Double.NaN, Double.NaN, List.of(), "",
                    PairedBuildRunner.STORED_FORKS));
        }
        Random seeds = new Random();
        CpuLoad load = null;
        PairedPlan.Load phase = null;
        Instant phaseStart = null;
        try {
            for (int i = 0; i < steps.size(); i++) {
                PairedPlan.Step step = steps.get(i);
                if (step.load() != phase) {
                    phase = step.load();
                    phaseStart = Instant.now();
                } else if (capped(plan.phase(phase).minutes(), phaseStart, Instant.now())) {
                    log("phase " + phase.label() + ": its " + plan.phase(phase).minutes() + " min are up, build " + (i + 1)
                            + " and the phase's others not started");
                    continue;
                }
                if (step.load() == PairedPlan.Load.CPU && load == null) {
                    load = CpuLoad.start(LOADED_CORE);
                    log("cpu phase: started " + load.description());
                    sleep(Duration.ofSeconds(5)); // let the load average see it before the first build
                } else if (step.load() == PairedPlan.Load.IDLE && load != null) {
                    load.close();
                    load = null;
                }
                if (load != null && !load.alive()) {
                    throw new IOException("the busy loop died: " + load.description());
                }
                long seed = seeds.nextLong() & 0xFFFFFFFFL;
                int index = i + 1;
                String name = String.format(Locale.ROOT, "build-%02d-%s-%s-%s", index, step.mode().label(), step.load().label(),
                        PairedCode.label(step.slowdown()));
                log("build " + index + " of " + steps.size() + ": " + step.mode().label() + ", " + step.load().label() + ", "
                        + PairedPlan.conditionLabel(step.slowdown()) + ", seed " + seed + ", load " + PoolRunner.loadAverage());
                BuildRecord record = runner.run(session.toString(), index, step, seed, directory.resolve(name), storedBaseline);
                if (step.mode() == PairedPlan.Mode.STORED && earlierBaseline.isPresent()) {
                    record = record.withMode(STORED_EARLIER);
                }
                BuildRecord.append(records, record);
                log(summary(record));
            }
        } finally {
            if (load != null) {
                load.close();
                log("cpu phase: stopped the busy loop");
            }
        }
        log("session done in " + Duration.between(session, Instant.now()).toMinutes() + " min");
    }

    /** Whether a phase capped at {@code minutes} (0: no cap) that started at {@code start} may start no more builds. */
    static boolean capped(int minutes, Instant start, Instant now) {
        return minutes > 0 && !now.isBefore(start.plus(Duration.ofMinutes(minutes)));
    }

    static void report(Path records, Path output) throws IOException {
        List<BuildRecord> all = BuildRecord.readAll(records);
        if (all.isEmpty()) {
            throw new IOException("no real builds recorded in " + records + "; run the harness with --paired first");
        }
        QualityReport.write(output, PairedReport.render(all), PairedReport.BEGIN, PairedReport.END);
        log("wrote " + output + " from " + all.size() + " records");
    }

    static String summary(BuildRecord r) {
        if (!r.finished()) {
            return "  did not finish: " + r.error();
        }
        return String.format(Locale.ROOT, "  %d FAIL, %d PASS, %d INCONCLUSIVE; %.0f s wall, %.1f s measured per benchmark"
                        + " (this side), round noise %.2f%%, load after %s",
                r.count(io.sabot.budget.core.model.Verdict.FAIL), r.count(io.sabot.budget.core.model.Verdict.PASS),
                r.count(io.sabot.budget.core.model.Verdict.INCONCLUSIVE), r.wallSeconds(), r.measurementSeconds(),
                r.roundNoise() * 100, r.loadAfter());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String line) {
        System.out.println("[verdict-quality] " + line);
    }
}
