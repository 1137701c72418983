/** @fileoverview LiRA, offline (Carlini et al. 2022): only the references that left a record out judge it. */
import { BLACK_BOX, CARLINI, defineAttack, HOLDS_CANDIDATES } from '../plugin';
import { runLira } from './lira-online';

export const liraOffline = defineAttack({
  name: 'lira-offline', title: 'LiRA (offline)', needs: 'scores', usesShadowModels: false, ...BLACK_BOX, usesReferenceModels: true, citation: CARLINI,
  description: 'Asks how unusually confident the target is compared with reference models that never saw the record.',
  threatModel: `${HOLDS_CANDIDATES}; only the references that left a record out judge it. Still a stronger attacker than one whose shadow data is disjoint from the target's.`,
  run: (ctx) => runLira('offline', ctx),
});
