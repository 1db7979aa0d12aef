import { Text, text } from './report-texts';

/** The note every report carries about the annotation statuses it counts. */
export function statusNote(includeProposed: boolean): Text {
  return text(includeProposed ? 'note.status.proposed' : 'note.status.accepted');
}
