/** The ClientError a client call fails with (the tests' one way to catch and check a refusal). */
import { expect } from 'vitest';
import { ClientError } from '@saylau/protocol';

export async function clientRefusal(p: Promise<unknown>): Promise<ClientError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ClientError);
  return e as ClientError;
}
