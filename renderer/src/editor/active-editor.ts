import type { monaco } from './monaco-environment.js';

/** The code viewer a person last looked at: commands such as "Go to line" act on it. */
let active: monaco.editor.IStandaloneCodeEditor | null = null;

export function setActiveEditor(editor: monaco.editor.IStandaloneCodeEditor): void {
  active = editor;
}

export function clearActiveEditor(editor: monaco.editor.IStandaloneCodeEditor): void {
  if (active === editor) active = null;
}

/** Monaco's own "go to line" prompt in the active viewer; false when no file is open. */
export function goToLine(): boolean {
  if (!active) return false;
  active.focus();
  active.trigger('command-palette', 'editor.action.gotoLine', null);
  return true;
}
