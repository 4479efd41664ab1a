/**
 * The batch engine: many series held as primitive columns, charted with one spec across threads, summarised as
 * primitive columns. Start with {@link org.shewhart.engine.batch.BatchEngine}.
 */
package org.shewhart.engine.batch;
