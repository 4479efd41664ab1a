/**
 * The {@code shewhart} command: reads tables, hands primitive columns to the engine and writes the results.
 */
package org.shewhart.cli;
