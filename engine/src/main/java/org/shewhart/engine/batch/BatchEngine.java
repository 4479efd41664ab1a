package org.shewhart.engine.batch;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.shewhart.engine.Assurance;
import org.shewhart.engine.ChartSpec;
import org.shewhart.engine.ChartWorkspace;
import org.shewhart.engine.Rule;
import org.shewhart.engine.SpcInputException;

/**
 * Charts every series of a {@link BatchInput} with one {@link ChartSpec} and summarises each in a
 * {@link BatchResult}: points, phases, the last phase's centre and sigma, the limits at the last point, the last
 * point's type, the variation, the assurance, the number of signals per rule, the first point of the earliest
 * signal and the last point of the latest, and the error message of a series that cannot be charted.
 *
 * <pre>{@code
 * BatchInput feed = BatchInput.of(offsets, values);          // series s = rows offsets[s] .. offsets[s+1]-1
 * BatchResult r = BatchEngine.scan(spec, feed, 2);          // 2 threads
 * for (int s = 0; s < r.seriesCount(); s++) {
 *     if (r.error(s) != null) { ... }                       // too few values, a negative count, ...
 *     double ucl = r.upperLimit(s);
 *     int shifts = r.signals(s, Rule.SHIFT);
 * }
 * }</pre>
 *
 * <p>Work is split by series: each thread takes blocks of {@value #BLOCK} consecutive series and charts them in its
 * own {@link ChartWorkspace}, whose arrays are reused from one series to the next; no {@code ChartResult}, no
 * per-point object and nothing per series is allocated beyond the workspace's growth to the longest series. Each
 * summary equals what {@link ChartSpec#compute} gives for that series alone ({@code BatchEngineTest}). A caller that
 * produces series one at a time (a streaming reader) can use a {@link ChartWorkspace} per thread directly.
 *
 * <p>Stateless and thread-safe.
 */
public final class BatchEngine {
    /** Series per unit of work. */
    static final int BLOCK = 1024;
    private static final int RULES = Rule.values().length;

    private BatchEngine() {
    }

    /**
     * Charts every series on as many threads as there are processors.
     *
     * @param spec the chart specification
     * @param input the series
     * @return the summaries
     */
    public static BatchResult scan(ChartSpec spec, BatchInput input) {
        return scan(spec, input, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Charts every series on the given number of threads (the calling thread alone for 1).
     *
     * @param spec the chart specification
     * @param input the series
     * @param threads number of threads, at least 1
     * @return the summaries
     * @throws IllegalArgumentException if threads is less than 1
     */
    public static BatchResult scan(ChartSpec spec, BatchInput input, int threads) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(input, "input");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        final int series = input.seriesCount();
        final BatchResult result = new BatchResult(series);
        final int blocks = (series + BLOCK - 1) / BLOCK;
        final AtomicInteger next = new AtomicInteger();
        final Runnable work = () -> {
            final ChartWorkspace w = new ChartWorkspace(spec);
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                final int to = Math.min(series, (b + 1) * BLOCK);
                for (int s = b * BLOCK; s < to; s++) {
                    summarise(w, input, s, result);
                }
            }
        };
        final int n = Math.min(threads, blocks);
        if (n <= 1) {
            work.run();
            return result;
        }
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread[] pool = new Thread[n - 1];
        for (int t = 0; t < pool.length; t++) {
            pool[t] = new Thread(work, "shewhart-batch-" + t);
            pool[t].setDaemon(true);
            pool[t].setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            pool[t].start();
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while charting a batch", e);
            }
        }
        final Throwable e = failure.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return result;
    }

    /** Charts series s in the workspace and writes its summary. */
    private static void summarise(ChartWorkspace w, BatchInput input, int s, BatchResult r) {
        final int offset = input.offset(s);
        final int length = input.length(s);
        r.points[s] = length;
        r.firstSignalPoint[s] = -1;
        r.lastSignalPoint[s] = -1;
        try {
            if (input.sds() != null) {
                w.computeSubgroups(input.values(), input.sds(), input.ranges(), input.sizes(), offset, length);
            } else {
                w.compute(input.values(), input.sizes(), offset, length);
            }
        } catch (SpcInputException e) {
            r.error[s] = e.getMessage();
            r.centre[s] = Double.NaN;
            r.sigma[s] = Double.NaN;
            r.lowerLimit[s] = Double.NaN;
            r.upperLimit[s] = Double.NaN;
            r.lastType[s] = -1;
            r.variation[s] = -1;
            r.assurance[s] = -1;
            return;
        }
        final int last = length - 1;
        final int phases = w.phaseCount();
        r.phases[s] = phases;
        r.centre[s] = w.phaseCentre(phases - 1);
        r.sigma[s] = w.phaseSigma(phases - 1);
        r.lowerLimit[s] = w.lowerLimitAt(last);
        r.upperLimit[s] = w.upperLimitAt(last);
        r.lastType[s] = (byte) w.typeAt(last).ordinal();
        r.variation[s] = (byte) w.variation().ordinal();
        final Assurance a = w.assurance();
        r.assurance[s] = a == null ? -1 : (byte) a.ordinal();
        int first = Integer.MAX_VALUE;
        int lastPoint = -1;
        final int at = s * RULES;
        for (int k = 0; k < w.signalCount(); k++) {
            r.signals[at + w.signalRule(k).ordinal()]++;
            first = Math.min(first, w.signalFirst(k));
            lastPoint = Math.max(lastPoint, w.signalLast(k));
        }
        if (lastPoint >= 0) {
            r.firstSignalPoint[s] = first;
            r.lastSignalPoint[s] = lastPoint;
        }
    }
}
