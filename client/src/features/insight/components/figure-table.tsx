import type { ReactNode } from 'react';

export type FigureRow = {
  key: string;
  /** e.g. { 'data-status': 'submitted' }, so tests and styles can find a row */
  attributes?: Record<`data-${string}`, string | number>;
  /** the row's name (a row header) */
  header: ReactNode;
  /** one cell per figure column, already formatted */
  figures: ReactNode[];
};

/**
 * The table beside (or instead of) a chart: a caption, one column of row names, then right-aligned figures.
 * The same numbers as the chart, for people who would rather read them, and for screen readers.
 */
export function FigureTable({ id, caption, columns, rows, className }: { id: string; caption: string; columns: [string, ...string[]]; rows: FigureRow[]; className?: string }) {
  const [nameColumn, ...figureColumns] = columns;
  return (
    <div className={className ? `table-wrap ${className}` : 'table-wrap'}>
      <table className="table" id={id}>
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameColumn}</th>
            {figureColumns.map((column) => (
              <th scope="col" className="table__number" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} {...row.attributes}>
              <th scope="row">{row.header}</th>
              {row.figures.map((figure, index) => (
                <td className="table__number" key={index}>
                  {figure}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
