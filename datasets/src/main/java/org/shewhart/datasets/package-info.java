/**
 * Bundled sample data as classpath resources, each with its provenance in the README beside it.
 */
package org.shewhart.datasets;
