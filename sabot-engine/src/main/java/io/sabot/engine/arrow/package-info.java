/**
 * Columnar record batches of transactions on Apache Arrow: building, IPC (streaming format),
 * vectorized filters, group-by aggregation and zero-copy slices.
 *
 * <p><b>JVM flags.</b> On JDK 17+ Arrow's memory module reflects into {@code java.nio}; every JVM
 * that touches this package needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on the class
 * path (or {@code =org.apache.arrow.memory.core} on the module path). The builds set it through the
 * root pom's {@code arrow.jvm.flags} property: surefire's argLine and the benchmarks' JMH forks.
 *
 * <p><b>Memory.</b> Every {@link io.sabot.engine.arrow.TransactionBatch} owns off-heap buffers from
 * the allocator it was created with and must be closed; tests assert the allocator is back to zero.
 */
package io.sabot.engine.arrow;
