/** The parties' names in the interface language: one module, read by the pages and the reports. */
export { partyCodeByLocalName, partyNameIn } from '../parties/party-names';
