/**
 * Reading uploaded Excel files, once for every import: {@link cn.zugong.shared.excel.XlsxReader} streams the first
 * sheet with POI's event API under size, row and cell caps and POI's zip-bomb limits (ADR 035).
 */
package cn.zugong.shared.excel;
