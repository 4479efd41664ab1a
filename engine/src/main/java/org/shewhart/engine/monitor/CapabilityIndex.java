package org.shewhart.engine.monitor;

/**
 * A process capability index with its two-sided confidence interval, as qcc 3.0 {@code processCapability()}
 * reports it. For a negative index (process centre outside the specification) the normal-approximation interval
 * of the k-family comes out reversed ({@code lower > upper}), as in qcc; it is reported unchanged.
 *
 * @param value the point estimate
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 */
public record CapabilityIndex(double value, double lower, double upper) {

    /** The ten indices of qcc's table, in its order, with its row names. */
    public enum Kind {
        /** Cp = (USL - LSL) / (2 k σ_within). */
        CP("Cp"),
        /** Cp_l = (μ - LSL) / (k σ_within). */
        CP_L("Cp_l"),
        /** Cp_u = (USL - μ) / (k σ_within). */
        CP_U("Cp_u"),
        /** Cp_k = min(Cp_l, Cp_u), over the sides that are specified. */
        CP_K("Cp_k"),
        /** Cpm = Cp / sqrt(1 + ((μ - T) / σ_within)²). */
        CPM("Cpm"),
        /** Pp: Cp with the overall standard deviation. */
        PP("Pp"),
        /** Pp_l: Cp_l with the overall standard deviation. */
        PP_L("Pp_l"),
        /** Pp_u: Cp_u with the overall standard deviation. */
        PP_U("Pp_u"),
        /** Pp_k: Cp_k with the overall standard deviation. */
        PP_K("Pp_k"),
        /** Ppm: Cpm with the overall standard deviation. */
        PPM("Ppm");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /**
         * qcc's row name of the index.
         *
         * @return e.g. {@code "Cp_k"}
         */
        public String label() {
            return label;
        }
    }
}
