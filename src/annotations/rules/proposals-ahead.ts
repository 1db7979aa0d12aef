import { annotationSteps } from './annotate-agreement';
import { AnnotatorAgreement, AnnotatorProvision, ProposedAnnotation } from './annotator.types';

/** Proposals computed ahead of a write, with the input they were computed for. */
interface Ahead {
  input: AnnotatorAgreement;
  proposals: ProposedAnnotation[];
}

/** The few inputs proposed ahead and not yet taken (an import prepares one file ahead); the oldest go first. */
const ahead: Ahead[] = [];
const KEPT = 4;

/**
 * `annotateAgreement(input)` computed before the provisions are written (an import: while the database writes the
 * file before), in steps that give the event loop a turn every `turnEveryMs`, and kept for `proposalsAhead`. The
 * provisions' refs are the caller's own (their ids do not exist yet): any that are unique will do.
 */
export async function proposeAhead(input: AnnotatorAgreement, turnEveryMs = 4): Promise<void> {
  const steps = annotationSteps(input);
  let since = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      ahead.push({ input, proposals: step.value });
      if (ahead.length > KEPT) ahead.shift();
      return;
    }
    if (performance.now() - since > turnEveryMs) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/**
 * What `annotateAgreement(input)` gives, when it was computed ahead for an input equal to this one in everything
 * but its provisions' refs (which the rules only carry): those proposals, with this input's refs; taken (each is
 * used once). Undefined when none was: the caller computes them.
 */
export function proposalsAhead(input: AnnotatorAgreement): ProposedAnnotation[] | undefined {
  const index = ahead.findIndex((entry) => sameButRefs(entry.input, input));
  if (index < 0) return undefined;
  const [{ input: computed, proposals }] = ahead.splice(index, 1);
  const refs = new Map(computed.provisions.map((p, i) => [p.ref, input.provisions[i].ref]));
  return proposals.map((proposal) => ({ ...proposal, ref: refs.get(proposal.ref)! }));
}

/** Lets go of every proposal computed ahead and not taken. */
export function forgetProposalsAhead(): void {
  ahead.length = 0;
}

function sameButRefs(a: AnnotatorAgreement, b: AnnotatorAgreement): boolean {
  if (a.language !== b.language || a.title !== b.title) return false;
  if (a.parties.length !== b.parties.length || a.provisions.length !== b.provisions.length) return false;
  if (!a.parties.every((p, i) => p.code === b.parties[i].code && p.developing === b.parties[i].developing))
    return false;
  if (new Set(a.provisions.map((p) => p.ref)).size !== a.provisions.length) return false;
  return a.provisions.every((p, i) => sameButRef(p, b.provisions[i]));
}

/** Every field of the two provisions the same, whatever fields the annotator's view has, but their refs. */
function sameButRef(a: AnnotatorProvision, b: AnnotatorProvision): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof AnnotatorProvision)[]);
  fields.delete('ref');
  return [...fields].every((field) => a[field] === b[field]);
}
