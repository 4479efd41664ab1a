package org.shewhart.benchmarks;

import java.util.SplittableRandom;

/**
 * The benchmark datasets, reproducible from a seed: {@code noise} (bell-shaped, a sum of four uniforms around 50),
 * {@code shifted} (the same with a +1.5σ shift in the last quarter) and {@code ties} (noise rounded to a handful of
 * integers: many ties with each other and with the centre line). Stateless.
 */
final class Data {
    private Data() {
    }

    static double[] series(String dataset, int n, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            final double noise = random.nextDouble() + random.nextDouble() + random.nextDouble()
                    + random.nextDouble() - 2;
            switch (dataset) {
                case "noise":
                    v[i] = 50 + 10 * noise;
                    break;
                case "shifted":
                    v[i] = 50 + 10 * noise + (i >= n - n / 4 ? 9 : 0);
                    break;
                case "ties":
                    v[i] = 5 + Math.rint(2 * noise);
                    break;
                default:
                    throw new IllegalArgumentException("unknown dataset " + dataset);
            }
        }
        return v;
    }

    /** The four-accumulator summation every benchmark class measures beside its kernels. */
    static double sum(double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < v.length; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < v.length; i++) {
            s0 += v[i];
        }
        return s0 + s1 + s2 + s3;
    }
}
