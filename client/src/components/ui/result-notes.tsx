import { ServerText } from './server-text';
import type { ServerText as ServerTextValue } from '../../lib/facts/screening-types';

/** The server's notes on a screening, as an information notice; nothing when there are none. */
export function ResultNotes({ notes, title }: { notes: ServerTextValue[] | undefined; title: string }) {
  if (!notes || notes.length === 0) return null;
  return (
    <div className="notice notice--info">
      <h3 className="notice__title">{title}</h3>
      <ul>
        {notes.map((note, index) => (
          <li key={index}>
            <ServerText value={note} />
          </li>
        ))}
      </ul>
    </div>
  );
}
