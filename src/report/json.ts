/**
 * @fileoverview The raw report: the whole playground result (typed arrays written as plain
 * arrays) with the derived summary, for scripts and for diffing two audits. Pure.
 */
import type { PlaygroundResult } from '../core/experiment/playground-view';
import type { ReportModel } from './model';

/** JSON.stringify replacer: typed arrays become plain arrays; non-finite numbers become null. */
export function plainReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}

/** The report as one JSON document (2-space indented). Pure. */
export function reportJson(result: PlaygroundResult, model: ReportModel): string {
  const doc = {
    kind: 'mia-playground-report',
    version: 1,
    generatedAt: model.generatedAt,
    summary: {
      title: model.title,
      risk: model.risk,
      strongestAttack: model.strongest,
      recommendations: model.recommendations,
      mostExposed: model.exposed,
    },
    cheatSheet: model.sweep,
    config: result.config,
    result,
  };
  return JSON.stringify(doc, plainReplacer, 2);
}
