package org.mentoring.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pricing of a column against every member set, enumerated: with budget enough it finds the best set and its
 * value exactly; with a budget too small it still answers a bound, never below the best set.
 */
class CirclePricingTest {

    @Test
    void theBestCircleOfAColumnIsFoundExactlyAndACutSearchStillBoundsIt() {
        Random random = new Random(17);
        int cut = 0;
        for (int round = 0; round < 300; round++) {
            int n = 3 + random.nextInt(10);
            int minSize = 2 + random.nextInt(2);
            int maxSize = minSize + random.nextInt(4);
            double[] a = new double[n];
            int[][] b = new int[n][n];
            for (int k = 0; k < n; k++) {
                a[k] = (random.nextInt(80) - 50) / 4.0;
                for (int l = 0; l < k; l++) {
                    b[k][l] = random.nextInt(5);
                    b[l][k] = b[k][l];
                }
            }
            long[][] top = tops(b, maxSize);
            double best = 0;
            for (int mask = 0; mask < 1 << n; mask++) {
                int size = Integer.bitCount(mask);
                if (size >= minSize && size <= maxSize) {
                    best = Math.max(best, value(mask, a, b));
                }
            }
            CirclePricing.Price exact = new CirclePricing(minSize, maxSize, Long.MAX_VALUE).price(a, b, top, 0);
            assertThat(exact.exact()).isTrue();
            assertThat(exact.bound()).as("round %d", round).isEqualTo(best);
            if (best > 0) {
                int mask = 0;
                for (int k : exact.best()) {
                    mask |= 1 << k;
                }
                assertThat(value(mask, a, b)).isEqualTo(best);
                assertThat(exact.best().length).isBetween(minSize, maxSize);
            } else {
                assertThat(exact.best()).isNull();
            }
            CirclePricing.Price small = new CirclePricing(minSize, maxSize, 3).price(a, b, top, 0);
            assertThat(small.bound()).as("round %d, cut", round).isGreaterThanOrEqualTo(best);
            if (!small.exact()) {
                cut++;
            }
        }
        assertThat(cut).isPositive();
    }

    private static double value(int mask, double[] a, int[][] b) {
        double value = 0;
        for (int k = 0; k < a.length; k++) {
            if ((mask >> k & 1) == 1) {
                value += a[k];
                for (int l = k + 1; l < a.length; l++) {
                    if ((mask >> l & 1) == 1) {
                        value += b[k][l];
                    }
                }
            }
        }
        return value;
    }

    private static long[][] tops(int[][] b, int maxSize) {
        int n = b.length;
        long[][] top = new long[n][maxSize];
        for (int k = 0; k < n; k++) {
            int[] others = new int[n - 1];
            int o = 0;
            for (int l = 0; l < n; l++) {
                if (l != k) {
                    others[o++] = b[k][l];
                }
            }
            Arrays.sort(others);
            for (int t = 1; t < maxSize; t++) {
                top[k][t] = top[k][t - 1] + (t <= others.length ? others[others.length - t] : 0);
            }
        }
        return top;
    }
}
