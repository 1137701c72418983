/**
 * @fileoverview The shapes of what the engine hands the views (a run's result, the backend, a
 * loaded CSV's summary), so views import them from the state layer and never from the workers.
 * Types only: nothing here runs.
 */
export type { PlaygroundResult, RecordView, RocSeries, DecisionGrid } from '../core/experiment/playground-view';
export type { BackendInfo } from '../workers/tf-backend';
export type { CsvSummary, CsvFailure } from '../workers/csv-session';
