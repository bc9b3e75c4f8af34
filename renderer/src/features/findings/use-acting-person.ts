import { useEffect, useState } from 'react';
import { onPersonChange, personForCalls } from '../../app/person.js';

/** The person this window acts as (chosen in the top bar), kept current when it changes. */
export function useActingPerson(): string | null {
  const [person, setPerson] = useState(personForCalls);
  useEffect(() => onPersonChange(setPerson), []);
  return person;
}
