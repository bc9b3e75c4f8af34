import { useEffect, useRef } from 'react';

interface Shortcuts {
  search(): void;
  quickOpen(): void;
  palette(): void;
  back(): void;
  forward(): void;
}

/** Ctrl/Cmd+P quick open, Ctrl/Cmd+Shift+P palette, Ctrl/Cmd+Shift+F search, Alt+←/→ back and forward. */
export function useKeyboardShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      let action: (() => void) | null = null;
      if (mod && !event.altKey && event.key.toLowerCase() === 'p') action = event.shiftKey ? latest.current.palette : latest.current.quickOpen;
      else if (mod && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') action = latest.current.search;
      else if (event.altKey && !mod && event.key === 'ArrowLeft') action = latest.current.back;
      else if (event.altKey && !mod && event.key === 'ArrowRight') action = latest.current.forward;
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
