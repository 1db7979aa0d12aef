/** The note every report carries about the annotation statuses it counts. */
export function statusNote(includeProposed: boolean): string {
  return includeProposed
    ? 'Counts ACCEPTED and PROPOSED annotations: PROPOSED ones come from the annotation rules and no one has reviewed them yet.'
    : 'Counts ACCEPTED annotations only (reviewed by a person); PROPOSED ones are left out (includeProposed counts them).';
}
