export * from './report-document';
export { assertValidReportDocument } from './validate-report-document';
export {
  csvSectionId,
  renderReport,
  reportFileName,
  REPORT_CONTENT_TYPES,
  ZIP_CONTENT_TYPE,
} from './render-report';
export type { RenderedReport } from './render-report';
export { csvSections, renderCsvZip, renderSectionCsv } from './render-csv';
export { renderXlsx } from './render-xlsx';
export { renderMarkdown } from './render-markdown';
export { renderJson } from './render-json';
export { renderHtml } from './render-html';
export { renderChartSvg } from './svg-charts';
