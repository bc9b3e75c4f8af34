import { defineMessages } from '../define.js';

/** Anchors that follow code from one release to the next. */
export const anchorsMessages = defineMessages({
  en: {
    'anchor.status.exact': 'current',
    'anchor.status.moved': 'moved',
    'anchor.status.relocated': 'found elsewhere',
    'anchor.status.outdated': 'outdated',
    'anchor.outdatedHint': 'The lines this was written on ({path}, lines {startLine}–{endLine}) are not in this release; they are shown as they were.',
    'error.anchor.outsideFile': 'Lines {startLine}–{endLine} are outside the file, which has {lineCount, plural, one {# line} other {# lines}}.',
    'error.anchor.commitNotFound': 'The mirror has no commit {commit}.',
    'error.anchor.pathNotFound': '"{path}" is not in commit {commit}.',
    'error.anchor.notAFile': '"{path}" in commit {commit} is a folder, symbolic link or submodule: lines can be anchored only in a file.',
    'error.anchor.binaryFile': '"{path}" in commit {commit} is a binary file: lines can be anchored only in text.',
  },
  ru: {
    'anchor.status.exact': 'актуально',
    'anchor.status.moved': 'перемещено',
    'anchor.status.relocated': 'найдено в другом месте',
    'anchor.status.outdated': 'устарело',
    'anchor.outdatedHint': 'Строк, к которым это написано ({path}, строки {startLine}–{endLine}), в этом релизе нет; они показаны такими, какими были.',
    'error.anchor.outsideFile': 'Строки {startLine}–{endLine} вне файла: в нём {lineCount, plural, one {# строка} few {# строки} many {# строк} other {# строки}}.',
    'error.anchor.commitNotFound': 'В зеркале нет коммита {commit}.',
    'error.anchor.pathNotFound': '«{path}» нет в коммите {commit}.',
    'error.anchor.notAFile': '«{path}» в коммите {commit} — папка, символическая ссылка или подмодуль: привязать строки можно только к файлу.',
    'error.anchor.binaryFile': '«{path}» в коммите {commit} — двоичный файл: привязать строки можно только к тексту.',
  },
  kk: {
    'anchor.status.exact': 'өзекті',
    'anchor.status.moved': 'жылжыған',
    'anchor.status.relocated': 'басқа жерден табылды',
    'anchor.status.outdated': 'ескірген',
    'anchor.outdatedHint': 'Бұл жазылған жолдар ({path}, {startLine}–{endLine} жолдар) бұл релизде жоқ; олар бұрынғы күйінде көрсетілген.',
    'error.anchor.outsideFile': '{startLine}–{endLine} жолдар файлдан тыс: файлда {lineCount} жол бар.',
    'error.anchor.commitNotFound': 'Айнада {commit} коммиті жоқ.',
    'error.anchor.pathNotFound': '{commit} коммитінде «{path}» жоқ.',
    'error.anchor.notAFile': '{commit} коммитіндегі «{path}» — қалта, символдық сілтеме немесе ішкі модуль: жолдарды тек файлға байлауға болады.',
    'error.anchor.binaryFile': '{commit} коммитіндегі «{path}» — екілік файл: жолдарды тек мәтінге байлауға болады.',
  },
});
