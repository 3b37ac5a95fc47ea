/** Credentials (SPEC §10.7) and the voters' login codes (SPEC §10.9.1), both from files and to files. */
import { loginCodesCsv, publishCredentials } from './api.ts';
import { button } from './act.ts';
import { el } from './dom.ts';
import { watch } from './forms.ts';
import { $, election, input, notice, reloadWith, S, say } from './page.ts';

/** A file input's JSON; the files are the credential authority's, read as given. */
const readJson = async (id: string) => JSON.parse(await input(id).files![0]!.text()) as unknown;

/** The public list for the board, and the private owner map the server checks ballots against. */
async function credentialFiles(): Promise<{ list: string[]; owners: string[] }> {
  try {
    const list = ((await readJson('credentials-file')) as { list: string[] }).list;
    const pairs = (
      (await readJson('credentials-owners')) as { owners: { credential: string; voter: string }[] }
    ).owners;
    // On the wire owners[i] is the voter who holds list[i] (SPEC §10.7).
    const holder = new Map(pairs.map((p) => [p.credential, p.voter]));
    return { list, owners: list.map((k) => holder.get(k) ?? '') };
  } catch {
    throw new Error(S.badFile);
  }
}

export function initCredentials(): void {
  watch('credentials-publish', async () => {
    const { list, owners } = await credentialFiles();
    const r = await publishCredentials(election, list, owners);
    reloadWith(`${S.published}: ${r.count} · ${S.fingerprint} ${r.fingerprint}`);
  });

  button('issue-codes', async () => {
    const csv = await loginCodesCsv(election);
    // The CSV's header line is not a code.
    const count = csv.trim().split('\n').length - 1;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    $('codes-state').replaceChildren(
      el(
        'p',
        {},
        `${say(S.codesIssued, { count })}: `,
        el('a', {
          href: url,
          download: `login-codes-${election}.csv`,
          id: 'codes-download',
          class: 'button secondary',
          text: S.download,
        }),
      ),
    );
    notice(S.done);
  });
}
