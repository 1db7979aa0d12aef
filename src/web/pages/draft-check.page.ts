import { downloadDay, downloadFileName, fileNameWords } from '../../common/download-name';
import { markup, Html } from '../html';
import { layout } from '../layout';
import {
  CHECK_DRAFT_FIELDS,
  DRAFT_LANGUAGE_NAMES,
  DraftCheckAnswer,
  draftCheckView,
} from '../views/draft-check';
import { select, textField } from '../views/common';
import { WebContext } from '../web-context';
import { badRequest } from '../web-errors';
import { MessageKey } from '../i18n';
import { repeatedFormField, unreadBody } from '../../common/form-body';
import { partyChoice } from '../views/party-filter';
import { MAX_DRAFT_PARTIES, MAX_PARTY_NAMES, typedParties } from '../../parties/typed-parties';
import { file, PageResult } from '../web-page';

/** The JSON door's answer for a draft whose parties are codes (`POST /draft-check` with a JSON body). */
export type DraftCheckJson = (input: {
  text: string;
  parties: string[];
  language?: string;
}) => Promise<unknown>;

/**
 * GET and POST /draft-check: paste a draft, see what the checker says; nothing is stored. The form's second button
 * (format=json) answers the JSON door's answer as a file (`draft-check-parties-can-kor-<day>.json`), the parties read as the
 * page reads them.
 */
export async function draftCheckPage(ctx: WebContext, checkJson?: DraftCheckJson): Promise<PageResult> {
  const { t } = ctx;
  const body = (ctx.req.method === 'POST' ? ctx.req.body : undefined) as Record<string, unknown> | undefined;
  // A field sent more than once (a hand-made form, a script) is refused by name, its values kept in the form:
  // choosing one of two drafts, or reading none, would check what the writer did not send.
  const repeated = repeatedFormField(body, ['draft', 'language']);
  const values = (name: string): string[] =>
    (Array.isArray(body?.[name]) ? (body[name] as unknown[]) : [body?.[name]]).filter(
      (v): v is string => typeof v === 'string',
    );
  const field = (name: string) =>
    values(name)
      .map((v) => v.trim())
      .filter(Boolean)
      .join(name === 'draft' ? '\n\n' : ', ');
  // A browser sends a textarea's line breaks as CR LF: counted as the one character the writer sees, so that
  // the API's 200,000-character limit means what the writer counts.
  const draft = field('draft').replace(/\r\n?/g, '\n');
  // Codes or names, as the other forms take them (a name is looked up; the checker takes codes).
  const parties = field('parties');
  // Left empty, the checker reads the draft in the language its words show (a draft is often in another
  // language than the page it is pasted into).
  const language = field('language');
  if (language && !repeated && !Object.keys(DRAFT_LANGUAGE_NAMES).includes(language))
    throw badRequest(t('error.badValue', { name: 'language', value: language, allowed: 'en, es, fr' }));
  let answer: Html = markup``;
  let partiesProblem: string | undefined;
  // A form sent by a client asking for JSON rather than a page (`POST /draft-check`, Accept: application/json).
  const asksJson = ctx.req.method === 'POST' && ctx.req.accepts(['html', 'json']) === 'json';
  // A form of another enctype (multipart, text/plain) reaches the page with no fields: said so, not "paste a draft".
  const unread = ctx.req.method === 'POST' ? unreadBody(ctx.req) : null;
  const choice =
    ctx.req.method === 'POST' && !unread && !repeated && draft
      ? await partyChoice(ctx, typedParties([parties]), 'parties', MAX_DRAFT_PARTIES)
      : null;
  if (ctx.req.method === 'POST') {
    if (unread) {
      ctx.res.status(400);
      answer = markup`<p class="notice error" role="alert">${t('draft.unreadBody')}</p>`;
    } else if (repeated) {
      ctx.res.status(400);
      answer = markup`<p class="notice error" role="alert">${t('error.fieldRepeated', repeated)}</p>`;
    } else if (!draft || !choice) {
      ctx.res.status(400);
      answer = markup`<p class="notice error" role="alert">${t('draft.empty')}</p>`;
    } else if (choice.problem) {
      // A form from a client that asks for JSON (the JSON door hands it here): the API's refusal, naming the field.
      if (asksJson) throw badRequest(choice.problem, 'input.parties');
      ctx.res.status(400);
      // Said beside the field, the draft kept in the form.
      partiesProblem = choice.problem;
    } else if (checkJson && (field('format') === 'json' || asksJson)) {
      const body = await checkJson({ text: draft, parties: choice.codes, language: language || undefined });
      // The download button gets a file; a client asking for JSON, the JSON door's answer itself.
      if (field('format') !== 'json') return { kind: 'json', body };
      // Named by the parties it was checked for, as the exports name a filter (`parties-can-kor`), and the day.
      const terms = choice.codes.length ? fileNameWords(`parties ${choice.codes.join(' ')}`) : '';
      return file(
        'application/json',
        downloadFileName('draft-check', [terms], downloadDay(), 'json'),
        JSON.stringify(body),
      );
    } else {
      const { data, errors } = await ctx.run<{ checkDraft: DraftCheckAnswer }>(
        `query WebDraft($input: CheckDraftInput!) { checkDraft(input: $input) { ${CHECK_DRAFT_FIELDS} } }`,
        { input: { text: draft, parties: choice.codes, language: language || null } },
      );
      if (errors.length || !data) {
        const error = ctx.errorOf(errors);
        // The one refusal a writer meets by choosing: said in the page's language, with the language to choose.
        const evident = errors[0]?.extensions?.evidentLanguage;
        if (typeof evident === 'string' && evident in DRAFT_LANGUAGE_NAMES)
          error.message = t('draft.languageContradicted', {
            evident: t(`draft.lang.${evident}` as MessageKey),
            asked: t(`draft.lang.${language}` as MessageKey),
          });
        // A draft whose words do not tell its language (a clause of a few words): asked for, in the page's language.
        const needed = errors[0]?.extensions?.languageNeeded;
        if (Array.isArray(needed))
          error.message = t('draft.languageNeeded', {
            languages: needed
              .filter((code): code is string => typeof code === 'string' && code in DRAFT_LANGUAGE_NAMES)
              .map((code) => t(`draft.lang.${code}` as MessageKey))
              .join(', '),
            field: t('common.language'),
          });
        if (error.status !== 400) throw error;
        ctx.res.status(400);
        answer = markup`<p class="notice error" role="alert"><span class="error-message">${error.message}</span></p>`;
      } else answer = draftCheckView(ctx, data.checkDraft, await ctx.codeNames());
    }
  }
  const languages: [string, string][] = [
    ['', t('draft.languageOfWords')],
    ...Object.entries(DRAFT_LANGUAGE_NAMES),
  ];
  // No maxlength on the textarea: a browser cuts a longer paste there without a word, and the check would then
  // run on part of the draft; the API says how long the draft is and what it allows instead.
  const page = markup`<h1>${t('draft.title')}</h1>
<p class="lead">${t('draft.intro')}</p>
<form method="post" action="${ctx.href('/draft-check')}">
<label for="draft">${t('draft.label')}</label>
<textarea id="draft" name="draft" required>${draft}</textarea>
<div class="filters">${textField('d-parties', 'parties', t('common.parties'), parties, `placeholder="CAN, KOR" aria-describedby="d-parties-hint${partiesProblem ? ' d-parties-error' : ''}"${partiesProblem ? ' aria-invalid="true"' : ''}`)}${select('d-language', 'language', t('common.language'), languages, language)}</div>
<p class="hint" id="d-parties-hint">${t('draft.partiesHint', { max: MAX_DRAFT_PARTIES, names: MAX_PARTY_NAMES })}</p>
${partiesProblem ? markup`<p class="notice error" role="alert" id="d-parties-error"><span class="error-message">${partiesProblem}</span></p>` : ''}
<p class="actions"><button type="submit">${t('draft.run')}</button> <button type="submit" name="format" value="json">${t('draft.download')}</button></p>
</form>
${answer}`;
  return layout(ctx, { title: t('draft.title'), section: 'draft', body: page });
}
