/**
 * The benchmark (bench/run-benchmark.sh) and the two-server system test (bench/cluster-
 * test.sh).
 */
package io.usagereports.bench;
