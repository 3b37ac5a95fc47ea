/** The booth page's main part for a state: "Step n of 6" and the step's own view. */
import type { PublicElection } from '../../index.ts';
import { h } from '../dom.ts';
import type { BoothState, Step } from '../state.ts';
import { auditView } from './audit.ts';
import { ballotView } from './ballot.ts';
import { castView } from './cast.ts';
import { closedView } from './closed.ts';
import { credentialView } from './credential.ts';
import { encryptingView } from './encrypting.ts';
import { fatalView } from './fatal.ts';
import { finishedView } from './finished.ts';
import { loadingView } from './loading.ts';
import { networkView } from './network.ts';
import type { ViewContext } from './parts.ts';
import { receiptView } from './receipt.ts';
import { reviewView } from './review.ts';
import { signinView } from './signin.ts';

const STEP_NUMBER: Partial<Record<Step, number>> = {
  signin: 1,
  credential: 2,
  ballot: 3,
  review: 4,
  encrypting: 5,
  cast: 5,
  casting: 5,
  audit: 5,
  network: 5,
  receipt: 6,
};
const STEPS = 6;

export function mainView(s: BoothState, ctx: ViewContext): HTMLElement[] {
  const n = STEP_NUMBER[s.step];
  const view = stepView(s, ctx);
  return n ? [h('p', { class: 'step-of muted' }, ctx.t('step.of', { n, total: STEPS })), ...view] : view;
}

function stepView(s: BoothState, ctx: ViewContext): HTMLElement[] {
  switch (s.step) {
    case 'loading':
      return loadingView(ctx);
    case 'fatal':
      return fatalView(s, ctx);
    case 'closed':
      return closedView(s, ctx);
    case 'signin':
      return signinView(s, ctx);
    case 'credential':
      return credentialView(s, ctx);
    case 'ballot':
      return ballotView(s, ctx);
    case 'review':
      return reviewView(s, ctx);
    case 'encrypting':
      return encryptingView(s, ctx);
    case 'cast':
    case 'casting':
      return castView(s, ctx);
    case 'audit':
      return auditView(s, ctx);
    case 'network':
      return networkView(s, ctx);
    case 'receipt':
      return receiptView(s, ctx);
    case 'finished':
      return finishedView(ctx);
  }
}

/** After the first step the page's header is compact: the district and the language switch on one line. */
export function compactTop(s: BoothState): boolean {
  return (STEP_NUMBER[s.step] ?? 1) > 1;
}

/** The election the page header shows, once it is loaded. */
export function electionOf(s: BoothState): PublicElection | null {
  if (s.step === 'loading') return null;
  if (s.step === 'closed' || s.step === 'finished') return s.election;
  return s.session?.election ?? null;
}
