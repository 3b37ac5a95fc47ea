/** Step 5, encrypting in the worker (SPEC §8.2), with its progress. */
import type { Stage } from '../../worker/protocol.ts';
import type { MessageKey } from '../catalog.ts';
import { h } from '../dom.ts';
import type { StateAt } from '../state.ts';
import type { ViewContext } from './parts.ts';

const STAGES: Stage[] = ['params', 'keys', 'encrypt', 'done'];

export function encryptingView(s: StateAt<'encrypting'>, ctx: ViewContext): HTMLElement[] {
  const { t } = ctx;
  const at = s.stage ? STAGES.indexOf(s.stage) : -1;
  return [
    h('h1', {}, t('enc.heading')),
    h('progress', {
      max: String(STAGES.length - 1),
      value: String(Math.max(0, at)),
      'aria-label': t('enc.progress'),
    }),
    h(
      'ol',
      { class: 'stages', 'aria-live': 'polite' },
      STAGES.map((st, i) =>
        h(
          'li',
          { class: i < at ? 'done' : i === at ? 'current' : 'todo' },
          t(`enc.stage.${st}` as MessageKey),
        ),
      ),
    ),
  ];
}
