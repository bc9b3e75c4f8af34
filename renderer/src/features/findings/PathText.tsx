import { Fragment } from 'react';
import { visibleText } from '../../../../shared/domain/visible-text.js';

/**
 * A path that may wrap only after its slashes, so a narrow column breaks it between folders, never inside
 * a name; `suffix` (such as `:72-74`) stays on the line of the file name.
 */
export function PathText({ path, suffix = '' }: { path: string; suffix?: string }) {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {visibleText(part)}/<wbr />
        </Fragment>
      ))}
      <span className="path-tail">
        {visibleText(name)}
        {suffix}
      </span>
    </>
  );
}
