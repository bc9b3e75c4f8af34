/**
 * The person this window acts as: one of the people whose key is on this machine, chosen in the top bar
 * (which opens their key with their passphrase), kept for the next visit, and sent with every call. The
 * core checks the roster and signs with that person's opened key.
 */
const KEY = 'escrow-workbench.person';
const listeners = new Set<(person: string | null) => void>();

export function currentPerson(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setPerson(person: string | null): void {
  try {
    if (person) window.localStorage.setItem(KEY, person);
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage may be unavailable (private mode): the choice then lasts for this page only.
  }
  sessionPerson = person;
  for (const listener of listeners) listener(person);
}

let sessionPerson: string | null = null;

export function personForCalls(): string | null {
  return currentPerson() ?? sessionPerson;
}

export function onPersonChange(listener: (person: string | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
