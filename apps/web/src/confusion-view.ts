import { accuracyOf } from './confusion.js';

/**
 * A confusion matrix as a table: a row per true class, a column per
 * predicted class, each cell the count, shaded by its share of the row
 * (blue on the diagonal, where the network is right; orange off it). Its
 * caption says how many rows were right.
 */
export function renderConfusion(
  table: HTMLTableElement,
  title: string,
  classes: readonly string[],
  counts: Int32Array | null,
): void {
  const n = classes.length;
  const rows = counts === null ? 0 : counts.reduce((sum, c) => sum + c, 0);
  const caption = document.createElement('caption');
  if (counts === null) caption.textContent = `${title}: not measured yet`;
  else {
    const right = Array.from({ length: n }, (_, i) => counts[i * n + i] as number).reduce(
      (a, b) => a + b,
      0,
    );
    const percent = Number(accuracyOf(counts, n).toFixed(1));
    caption.textContent = `${title}: ${right} of ${rows} right (${percent}%)`;
  }
  const head = document.createElement('thead');
  head.append(
    row([cell('th', ''), cell('th', 'predicted →', { colSpan: n })]),
    row([cell('th', 'true ↓'), ...classes.map((name) => cell('th', name, { scope: 'col' }))]),
  );
  const body = document.createElement('tbody');
  classes.forEach((name, truth) => {
    const total = counts === null ? 0 : sumRow(counts, truth, n);
    const cells = classes.map((_, predicted) => {
      const count = counts === null ? null : (counts[truth * n + predicted] as number);
      const td = cell('td', count === null ? '–' : String(count));
      if (count !== null && total > 0 && count > 0) {
        const share = count / total;
        const [r, g, b] = truth === predicted ? [31, 119, 180] : [255, 127, 14];
        td.style.background = `rgba(${r}, ${g}, ${b}, ${(0.1 + 0.45 * share).toFixed(2)})`;
      }
      return td;
    });
    body.append(row([cell('th', name, { scope: 'row' }), ...cells]));
  });
  table.replaceChildren(caption, head, body);
}

function sumRow(counts: Int32Array, truth: number, n: number): number {
  let total = 0;
  for (let j = 0; j < n; j++) total += counts[truth * n + j] as number;
  return total;
}

function row(cells: HTMLElement[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
}

function cell(
  tag: 'th' | 'td',
  text: string,
  attributes: { colSpan?: number; scope?: string } = {},
): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (attributes.colSpan !== undefined) element.colSpan = attributes.colSpan;
  if (attributes.scope !== undefined) element.scope = attributes.scope;
  return element;
}
