package org.shewhart.engine.internal;

/**
 * The constants qcc 3.0 uses, as tabled in its options (R/utilities.R, {@code .qcc.options}): d2(n), the
 * expected range of n standard normal observations, for n = 2..25 (3 decimals), and d3(n), the standard
 * deviation of that range, for n = 2..50 (7 decimals). The tabled values, not exact integrals, so that charts
 * reproduce qcc's numbers. No instances.
 */
public final class QccTables {
    /** d2(n) at index n; index 0 and 1 unused (qcc {@code exp.R.unscaled}). */
    private static final double[] D2 = {Double.NaN, Double.NaN, 1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847,
        2.970, 3.078, 3.173, 3.258, 3.336, 3.407, 3.472, 3.532, 3.588, 3.640, 3.689, 3.735, 3.778, 3.819, 3.858,
        3.895, 3.931};

    /** d3(n) at index n; index 0 and 1 unused (qcc {@code se.R.unscaled}). */
    private static final double[] D3 = {Double.NaN, Double.NaN, 0.8525033, 0.8883697, 0.8798108, 0.8640855,
        0.8480442, 0.8332108, 0.8198378, 0.8078413, 0.7970584, 0.7873230, 0.7784873, 0.7704257, 0.7630330,
        0.7562217, 0.7499188, 0.7440627, 0.7386021, 0.7334929, 0.7286980, 0.7241851, 0.7199267, 0.7158987,
        0.7120802, 0.7084528, 0.7050004, 0.7017086, 0.6985648, 0.6955576, 0.6926770, 0.6899137, 0.6872596,
        0.6847074, 0.6822502, 0.6798821, 0.6775973, 0.6753910, 0.6732584, 0.6711952, 0.6691976, 0.6672619,
        0.6653848, 0.6635632, 0.6617943, 0.6600754, 0.6584041, 0.6567780, 0.6551950, 0.6536532, 0.6521506};

    private QccTables() {
    }

    /**
     * d2(n) as qcc tables it.
     *
     * @param n subgroup size
     * @return d2(n), NaN outside 2..25
     */
    public static double d2(double n) {
        final int k = (int) n;
        return k == n && k >= 2 && k < D2.length ? D2[k] : Double.NaN;
    }

    /**
     * d3(n) as qcc tables it.
     *
     * @param n subgroup size
     * @return d3(n), NaN outside 2..50
     */
    public static double d3(double n) {
        final int k = (int) n;
        return k == n && k >= 2 && k < D3.length ? D3[k] : Double.NaN;
    }
}
