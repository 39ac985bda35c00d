import type { Pdf } from './pdf-document.ts';
import { nfc } from './text.ts';

export interface TableColumn {
  header: string;
  /** A share of the frame's width; the shares of all columns are scaled to fill it. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableInput {
  columns: TableColumn[];
  rows: string[][];
  /** Relative to the paper's body size. */
  scale?: number;
}

const padding = 3;

/**
 * A ruled table that breaks across pages, repeating its header row on each new page; rows wrap within their
 * cells and never split. A single row taller than a page (pathological input) is cut with an ellipsis rather than
 * drawn past the margin. Returns the y below it.
 */
export function drawTable(pdf: Pdf, y: number, input: TableInput): number {
  const { doc, frame } = pdf;
  const size = pdf.fontSize * (input.scale ?? 1);
  const total = input.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = input.columns.map((c) => (frame.width * c.weight) / total);
  const xs = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const maxRowHeight = frame.bottom - frame.top - 60;

  const measure = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(size);
    const heights = cells.map((cell, i) => doc.heightOfString(nfc(cell), { width: widths[i]! - 2 * padding }));
    return Math.min(Math.max(size, ...heights) + 2 * padding, maxRowHeight);
  };
  const drawRow = (cells: string[], top: number, height: number, font: 'regular' | 'bold', shaded: boolean) => {
    if (shaded) doc.save().rect(frame.left, top, frame.width, height).fill('#eeeeee').restore();
    doc.font(font).fontSize(size).fillColor('black');
    cells.forEach((cell, i) => {
      doc.text(nfc(cell), xs[i]! + padding, top + padding, {
        width: widths[i]! - 2 * padding, height: height - 2 * padding, ellipsis: true, align: font === 'bold' ? 'center' : input.columns[i]!.align ?? 'left',
      });
      doc.save().lineWidth(0.5).rect(xs[i]!, top, widths[i]!, height).stroke().restore();
    });
  };

  const headers = input.columns.map((c) => c.header);
  const headerHeight = measure(headers, 'bold');
  let top = y;
  const newPage = () => {
    doc.addPage();
    top = frame.top;
    drawRow(headers, top, headerHeight, 'bold', true);
    top += headerHeight;
  };
  // The header never sits alone at the foot of a page: it needs at least its first row below it.
  const firstHeight = input.rows[0] ? measure(input.rows[0], 'regular') : 0;
  if (top + headerHeight + firstHeight > frame.bottom && top > frame.top) {
    doc.addPage();
    top = frame.top;
  }
  drawRow(headers, top, headerHeight, 'bold', true);
  top += headerHeight;
  for (const row of input.rows) {
    const height = measure(row, 'regular');
    if (top + height > frame.bottom) newPage();
    drawRow(row, top, height, 'regular', false);
    top += height;
  }
  doc.font('regular').fontSize(pdf.fontSize);
  return top + 4;
}
