/**
 * @fileoverview The control panel's groups and which fields each shows. Shared by the panel and
 * the classroom-link dialog, so a link can name exactly the controls students see.
 */
import { DEFENSES } from '../core/defenses/registry';
import { ATTACK_FIELDS } from '../core/attacks/registry';

/** The attack settings the Attacker group shows: each plugin's fields marked `control`, in registry order. */
const ATTACK_CONTROLS = ATTACK_FIELDS.filter((f) => f.control).map((f) => f.spec.path);

export const CONTROL_GROUPS: readonly { readonly title: string; readonly fields: readonly string[] }[] = [
  { title: 'Dataset', fields: ['data.name', 'data.noise', 'data.outliers', 'data.classes', 'split.targetMembers'] },
  { title: 'Model', fields: ['model.type', 'model.layers', 'model.width', 'model.filters', 'model.activation'] },
  { title: 'Training', fields: ['train.epochs', 'train.learningRate', 'train.batchSize', 'train.optimizer'] },
  // Each defense's `controls` (src/core/defenses), in registry order.
  { title: 'Defenses', fields: DEFENSES.flatMap((d) => d.controls) },
  { title: 'Attacker', fields: ['api.output', 'api.topK', 'api.decimals', 'attack.shadows', 'attack.references', ...ATTACK_CONTROLS, 'attack.knowsAugmentation', 'attack.names', 'split.oneRunAudit'] },
];

/** Controls outside the groups that a classroom link can also show. */
export const RUN_CONTROLS: readonly string[] = ['seed', 'preset'];
