/**
 * Board packs: an integrated performance table of many indicators followed by one chart per indicator, as a
 * multi-page PDF or one self-contained HTML file. See {@link org.shewhart.charts.pack.BoardPack}.
 */
package org.shewhart.charts.pack;
