import { evaluateSplit, readDevelopmentSide } from './src/annotations/evaluation/label-split';
import { predictOnCorpus } from './src/annotations/evaluation/corpus-agreements';
import { evaluate } from './src/annotations/evaluation/evaluate';
import { formatKappa, formatReliability, formatReport } from './src/annotations/evaluation/format-report';
const part = process.argv[2];
if (part === 'dev') {
  const dev = readDevelopmentSide();
  const { universe, predictions } = predictOnCorpus(dev.treatyIdentifiers);
  console.log(formatReport(evaluate(dev.labels, universe, predictions)));
  const pos = new Set(dev.labels.map((l) => `${l.treatyIdentifier}/${l.articleIdentifier}/${l.code}`));
  const have = new Set(predictions.map((p) => `${p.treatyIdentifier}/${p.articleIdentifier}/${p.code}`));
  for (const p of predictions) if (!pos.has(`${p.treatyIdentifier}/${p.articleIdentifier}/${p.code}`)) console.log('FP', p.treatyIdentifier, p.articleIdentifier, p.code, p.ruleId);
  for (const l of dev.labels) if (!have.has(`${l.treatyIdentifier}/${l.articleIdentifier}/${l.code}`)) console.log('FN', l.treatyIdentifier, l.articleIdentifier, l.articleNumber, l.code, l.note);
} else {
  const r = evaluateSplit();
  console.log(formatReport(r.test)); console.log(formatKappa(r.kappa, r.kappaArticles)); console.log(formatReliability(r.reliability));
}
