/** A data table's header from its column titles (an empty title leaves a column for buttons). */
export function TableHead({ titles }: { titles: readonly string[] }) {
  return (
    <thead>
      <tr>
        {titles.map((title, i) => (
          <th key={i}>{title}</th>
        ))}
      </tr>
    </thead>
  );
}

/** The one row of a table with nothing to show, saying why. */
export function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return (
    <tr className="empty-row">
      <td colSpan={columns} className="muted">
        {text}
      </td>
    </tr>
  );
}
