import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { visibleText } from '../../../shared/domain/visible-text.js';

export interface PickerItem {
  key: string;
  label: ReactNode;
  detail?: ReactNode;
}

interface PickerProps {
  placeholder: string;
  query: string;
  onQuery(query: string): void;
  items: readonly PickerItem[];
  onPick(key: string): void;
  onClose(): void;
  empty: string;
  testId: string;
}

/** A modal list picked from with the keyboard (↑ ↓ Enter Esc), as VS Code's quick open and palette. */
export function Picker({ placeholder, query, onQuery, items, onPick, onClose, empty, testId }: PickerProps) {
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (event.key === 'Enter' && items[active]) onPick(items[active].key);
    else return;
    event.preventDefault();
  };

  return (
    <div className="picker-backdrop" onMouseDown={onClose}>
      <div className="picker" role="dialog" aria-label={placeholder} onMouseDown={(e) => e.stopPropagation()} data-testid={testId}>
        <input ref={input} value={query} placeholder={placeholder} aria-label={placeholder} onChange={(e) => onQuery(e.target.value)} onKeyDown={onKeyDown} />
        <ul ref={list} role="listbox">
          {items.length === 0 ? <li className="muted">{empty}</li> : null}
          {items.map((item, i) => (
            <li key={item.key} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseEnter={() => setActive(i)} onClick={() => onPick(item.key)}>
              <span className="picker-label">{item.label}</span>
              {item.detail ? <span className="picker-detail">{item.detail}</span> : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Text with some characters emphasised (the fuzzy match positions), as React text nodes, never HTML. */
export function Highlighted({ text, positions }: { text: string; positions: readonly number[] }) {
  const marked = new Set(positions);
  const parts: ReactNode[] = [];
  let run = '';
  let runMarked = false;
  const flush = (index: number) => {
    if (run) parts.push(runMarked ? <mark key={index}>{run}</mark> : <span key={index}>{run}</span>);
    run = '';
  };
  [...text].forEach((char, i) => {
    const isMarked = marked.has(i);
    if (isMarked !== runMarked) {
      flush(i);
      runMarked = isMarked;
    }
    run += visibleText(char, { keepLines: true });
  });
  flush(text.length);
  return <>{parts}</>;
}
