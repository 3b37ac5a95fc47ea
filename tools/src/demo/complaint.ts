/**
 * The demo's complaint (SPEC §10.9.5): during the vote one voter files a complaint and the commission
 * answers it, so the demo board shows both and the verifier checks them (group 12).
 */
import { login } from '@saylau/ballot-client';
import { ENDPOINTS } from '@saylau/protocol';
import { call } from '../http.ts';
import { as, type Actors, type Voter } from './steps.ts';

export async function complainAndAnswer(a: Actors, id: string, voter: Voter): Promise<string> {
  const session = await login(a.baseUrl, id, voter.iin, voter.loginCode);
  const filed = await call({ baseUrl: a.baseUrl, token: session.token }, ENDPOINTS.fileComplaint, {
    params: { id },
    body: { about: 'other', text: 'The polling hours on my letter differ from the booth. (demo)' },
  });
  await call(as(a, 'demo-commission'), ENDPOINTS.answerComplaint, {
    params: { id, k: filed.id },
    body: { decision: 'rejected', text: 'The letter and the booth show the same hours, Astana time. (demo)' },
  });
  return filed.id;
}
