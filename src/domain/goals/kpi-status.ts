/** A KPI's status from its latest measurement: the rule lives in the contract, shared with the UI. */
export { kpiStatus } from '../../contract/vision/publishing';
