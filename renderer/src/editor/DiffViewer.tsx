import { useEffect, useRef, useState } from 'react';
import { useLineAnnotations, type LineAnnotations } from './line-annotations.js';
import { monaco, monacoLanguage } from './monaco-environment.js';

interface DiffViewerProps {
  original: string;
  modified: string;
  language: string;
  documentKey: string;
  sideBySide: boolean;
  /** Marks, zones and selection of the left side (the older release); it is hidden in the inline view. */
  left?: LineAnnotations;
  /** The same for the right side (the newer release). */
  right?: LineAnnotations;
}

interface Sides {
  original: monaco.editor.ICodeEditor;
  modified: monaco.editor.ICodeEditor;
}

/** Monaco's diff editor, read-only on both sides; both texts are models, never HTML. */
export function DiffViewer({ original, modified, language, documentKey, sideBySide, left = {}, right = {} }: DiffViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  const [sides, setSides] = useState<Sides | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: sideBySide,
      // A reader who asked for two columns gets them, even in a narrow pane.
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      glyphMargin: true,
      scrollBeyondLastLine: false,
      fontSize: 13,
    });
    editor.current = instance;
    setSides({ original: instance.getOriginalEditor(), modified: instance.getModifiedEditor() });
    return () => {
      const model = instance.getModel();
      instance.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      editor.current = null;
      setSides(null);
    };
  }, []);

  useEffect(() => editor.current?.updateOptions({ renderSideBySide: sideBySide }), [sideBySide]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || !sides) return;
    const previous = instance.getModel();
    const id = monacoLanguage(language);
    instance.setModel({ original: monaco.editor.createModel(original, id), modified: monaco.editor.createModel(modified, id) });
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [sides, original, modified, language, documentKey]);

  const leftZones = useLineAnnotations(sides?.original ?? null, left);
  const rightZones = useLineAnnotations(sides?.modified ?? null, right);

  return (
    <>
      <div ref={host} className="diff-viewer" data-testid="diff-viewer" />
      {leftZones}
      {rightZones}
    </>
  );
}
