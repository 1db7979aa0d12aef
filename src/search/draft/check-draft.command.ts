import { Command, CommandRunner, Option } from 'nest-commander';
import { draftCheckJson } from './draft-check.json';
import { DRAFT_MAX_CHARACTERS, DraftCheck } from './draft-check.models';
import { printable, readUtf8, statImportPath } from '../../ingest/read-utf8';
import { conventionStatusUnsaid, DraftCheckService, partyLabel } from './draft-check.service';
import { cldrPartyName } from '../../parties/party-names';
import { CLI_COMMANDS } from '../../cli-commands';
import { AnnotationStatus } from '../../annotations/annotation.enums';

const FORMATS = ['text', 'json'];

/** The largest file a draft of DRAFT_MAX_CHARACTERS can be: four bytes a character in UTF-8. */
const DRAFT_MAX_BYTES = DRAFT_MAX_CHARACTERS * 4;

interface CheckDraftOptions {
  parties?: string;
  language?: string;
  format?: string;
}

/** `check-draft <file> --parties CAN,KOR [--language fr] [--format text|json]`: the draft checker on a file. */
@Command(CLI_COMMANDS['check-draft'])
export class CheckDraftCommand extends CommandRunner {
  constructor(private readonly service: DraftCheckService) {
    super();
  }

  async run([file]: string[], options: CheckDraftOptions): Promise<void> {
    let text: string;
    try {
      // A device (/dev/zero) or a named pipe was read without end (40 s and 2.2 GB before it was stopped), a file of
      // any size read whole, and one not in UTF-8 read with U+FFFD for its accented letters.
      const size = statImportPath(file).size;
      if (size > DRAFT_MAX_BYTES)
        throw new Error(
          `${size.toLocaleString('en')} bytes, more than a draft of ${DRAFT_MAX_CHARACTERS.toLocaleString('en')} characters (the most checked) can hold`,
        );
      text = readUtf8(file, DRAFT_MAX_BYTES);
    } catch (error) {
      console.error(`check-draft: cannot read ${printable(file)}: ${(error as Error).message}`);
      process.exitCode = 1;
      return;
    }
    if (options.format !== undefined && !FORMATS.includes(options.format)) {
      console.error(`check-draft: --format must be one of ${FORMATS.join(', ')} (got "${options.format}")`);
      process.exitCode = 1;
      return;
    }
    const result = await this.service.check({
      text,
      parties: [options.parties ?? ''],
      language: options.language,
    });
    console.log(
      options.format === 'json' ? JSON.stringify(await draftCheckJson(result), null, 2) : formatCheck(result),
    );
  }

  @Option({
    flags: '--parties <parties>',
    description: 'the negotiating parties, codes or names, e.g. CAN,KOR or "Canada, Republic of Korea"',
    required: true,
  })
  parseParties(value: string, previous?: string): string {
    // Given twice (--parties CAN --parties KOR), both: the last alone would check without the first party.
    return previous ? `${previous},${value}` : value;
  }

  @Option({
    flags: '--language <code>',
    description: "en, es or fr (default: the language the draft's words show)",
  })
  parseLanguage(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: 'text (default) or json' })
  parseFormat(value: string): string {
    return value;
  }
}

function formatCheck(result: DraftCheck): string {
  // Said once: in the gap that leaves the party out, else here (`conventionStatusUnsaid`).
  const unsaid = conventionStatusUnsaid(result);
  const lines: string[] = [
    `Checked as: ${result.language}`,
    `Codes found in the draft: ${result.codes.join(', ') || 'none'}`,
    ...(unsaid.length
      ? [
          `Status under the Convention not recorded: ${unsaid.map((code) => partyLabel({ party: code, partyName: cldrPartyName('en', code) ?? code })).join(', ')} (no reference to it expected or counted)`,
        ]
      : []),
    '',
  ];
  lines.push(`What the draft lacks (${result.gaps.length}):`);
  for (const gap of result.gaps) {
    lines.push(`- ${gap.kind} [${gap.basis}, ${gap.rule}]`, `  ${gap.message}`);
    for (const p of gap.precedents) {
      lines.push(
        `  borrow: ${p.provision.agreement.slug}/${p.provision.key}${p.provision.agreement.dateSigned ? ` (${p.provision.agreement.dateSigned})` : ''}${p.annotationStatus === AnnotationStatus.ACCEPTED ? '' : ' [proposed, not yet reviewed]'}`,
      );
    }
  }
  lines.push('', `Articles (${result.articles.length}):`);
  for (const article of result.articles) {
    const title = [
      article.articleNumber ? `Article ${article.articleNumber}` : article.location,
      article.articleTitle,
    ]
      .filter(Boolean)
      .join(' ');
    const codes = article.annotations.map((a) => a.code).join(', ');
    lines.push(`${title}${codes ? ` [${codes}]` : ''}`);
    for (const p of article.precedents) {
      // What the bounded search found, said as such: cut short, the family goes on and may start earlier.
      const family = !p.family
        ? ''
        : p.family.size === 1
          ? '; family: no other member found'
          : `; family: ${p.family.size} members found${p.family.complete ? '' : ' (the search stopped at its bound)'}, the earliest found ${p.family.since ?? 'undated'} (${p.family.template.agreement.slug}/${p.family.template.key})`;
      lines.push(
        `  ${p.score.toFixed(2)} ${p.provision.agreement.slug}/${p.provision.key} (${[p.dateSigned ?? 'undated', p.parties.join(', '), p.signatoriesOnly.length ? `signed only, never bound: ${p.signatoriesOnly.join(', ')}` : ''].filter(Boolean).join('; ')})${family}`,
      );
    }
  }
  return lines.join('\n');
}
