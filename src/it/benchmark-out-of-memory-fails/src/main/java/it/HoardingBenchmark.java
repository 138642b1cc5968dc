package it;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/** Keeps every array it allocates, so a small heap (-Xmx48m) runs out within the first iteration. */
public class HoardingBenchmark {

    static final List<long[]> KEPT = new ArrayList<>();

    @Benchmark
    public int hoard() {
        KEPT.add(new long[128 * 1024]);
        return KEPT.size();
    }
}
