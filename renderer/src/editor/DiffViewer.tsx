import { useEffect, useRef } from 'react';
import { monaco, monacoLanguage } from './monaco-environment.js';

interface DiffViewerProps {
  original: string;
  modified: string;
  language: string;
  documentKey: string;
  sideBySide: boolean;
}

/** Monaco's diff editor, read-only on both sides; both texts are models, never HTML. */
export function DiffViewer({ original, modified, language, documentKey, sideBySide }: DiffViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    editor.current = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: sideBySide,
      // A reader who asked for two columns gets them, even in a narrow pane.
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
    });
    return () => {
      const model = editor.current?.getModel();
      editor.current?.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => editor.current?.updateOptions({ renderSideBySide: sideBySide }), [sideBySide]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    const previous = instance.getModel();
    const id = monacoLanguage(language);
    instance.setModel({ original: monaco.editor.createModel(original, id), modified: monaco.editor.createModel(modified, id) });
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [original, modified, language, documentKey]);

  return <div ref={host} className="diff-viewer" data-testid="diff-viewer" />;
}
