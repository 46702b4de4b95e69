package dev.estreamer.cli;

import java.util.Arrays;
import java.util.List;

/** Median and spread of a benchmark's samples: the machine is shared, so one figure per run is not enough. */
record Medians(double median, double min, double max, int samples) {

    static Medians of(List<Double> values) {
        if (values.isEmpty()) {
            return new Medians(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Medians(median, v[0], v[n - 1], n);
    }

    /** "1,234,567/s (min 1,000,000, max 1,300,000, 5 samples)". */
    String perSecond() {
        return String.format("%,.0f/s (min %,.0f, max %,.0f, %d samples)", median, min, max, samples);
    }
}
